-- Listing files in the order they were added: upload times tie within a second on MySQL/MariaDB (whole seconds
-- through Connector/J), so a listing's images came out in random order there. Files uploaded before this keep
-- 0 and their old order (time, then id) among themselves.
ALTER TABLE listing_file ADD COLUMN seq_no INT DEFAULT 0 NOT NULL;
