-- Seller account health: a review may limit a seller's new listings; the daily health scan's node lock.
ALTER TABLE seller ADD COLUMN listings_limited BOOLEAN DEFAULT FALSE NOT NULL;
INSERT INTO caravel_lock (name) VALUES ('health-scan');
