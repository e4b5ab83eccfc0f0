-- A payout is a seller's or a creator's: the seller column may be empty (MySQL/MariaDB syntax; db/h2 has the same change).
ALTER TABLE payout MODIFY seller_id VARCHAR(36) NULL;
