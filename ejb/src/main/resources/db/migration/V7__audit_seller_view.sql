-- What a case's seller may read of the audit trail: an entry's message for the seller (null: staff
-- only) and whether the seller sees who acted (its own users) or only that the platform did.
ALTER TABLE audit_entry ADD COLUMN seller_message VARCHAR(4000);
ALTER TABLE audit_entry ADD COLUMN seller_sees_actor BOOLEAN DEFAULT FALSE NOT NULL;
