-- Consignees are screened too: when an order is placed and again by every new list release while the
-- order is open; a release re-screens active creators as well. A possible match holds the order (the seller cannot ship it) and opens a screening-alert
-- case; its alerts are kept beside the sellers' ones (order_id set). A hit an officer cleared is
-- remembered for whose name it was: a seller's (SELLER, seller id) or a buyer's consignee (BUYER, username), a creator's
-- legal name (CREATOR, creator id).
ALTER TABLE screening_clearance ADD COLUMN subject_type VARCHAR(10) DEFAULT 'SELLER' NOT NULL;
ALTER TABLE monitoring_alert ADD COLUMN order_id VARCHAR(36);
CREATE INDEX ix_alert_order ON monitoring_alert (order_id, disposition);
ALTER TABLE customer_order ADD COLUMN sanctions_hold BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE rescreen_run ADD COLUMN after_order VARCHAR(36);
ALTER TABLE rescreen_run ADD COLUMN orders_total INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE rescreen_run ADD COLUMN orders_done INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE rescreen_run ADD COLUMN after_creator VARCHAR(36);
ALTER TABLE rescreen_run ADD COLUMN creators_total INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE rescreen_run ADD COLUMN creators_done INTEGER DEFAULT 0 NOT NULL;
