-- A payout is a seller's or a creator's: the seller column may be empty (H2 syntax; db/mysql has the same change).
ALTER TABLE payout ALTER COLUMN seller_id SET NULL;
