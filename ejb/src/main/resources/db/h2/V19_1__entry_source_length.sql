-- A payout entry's source may be an order line (order id, colon, line number): longer than an id (H2 syntax;
-- db/mysql has the same change).
ALTER TABLE payout_entry ALTER COLUMN source_id SET DATA TYPE VARCHAR(64);
