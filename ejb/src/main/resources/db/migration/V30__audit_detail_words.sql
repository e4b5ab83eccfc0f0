-- An audit line's detail as words for the reader's language (message keys with their arguments, as
-- JSON); the English detail stays beside it as evidence. Null for lines written before and for
-- lines that have only the English detail.
ALTER TABLE audit_entry ADD COLUMN detail_words VARCHAR(4000);
