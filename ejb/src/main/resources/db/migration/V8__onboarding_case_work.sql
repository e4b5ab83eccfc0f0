-- When information was last asked of the seller and how many documents the application had then
-- (a new document answers the request too), and an officer's verdict on each screening hit: true
-- match or false positive, with the reason.
ALTER TABLE seller_application ADD COLUMN information_requested_at TIMESTAMP(6);
ALTER TABLE seller_application ADD COLUMN documents_at_request INT;
ALTER TABLE screening_match ADD COLUMN disposition VARCHAR(20);
ALTER TABLE screening_match ADD COLUMN disposition_reason VARCHAR(1000);
ALTER TABLE screening_match ADD COLUMN disposed_by VARCHAR(100);
ALTER TABLE screening_match ADD COLUMN disposed_at TIMESTAMP(6);
