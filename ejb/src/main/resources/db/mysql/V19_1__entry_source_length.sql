-- A payout entry's source may be an order line (order id, colon, line number): longer than an id (MySQL/MariaDB
-- syntax; db/h2 has the same change).
ALTER TABLE payout_entry MODIFY source_id VARCHAR(64) NOT NULL;
