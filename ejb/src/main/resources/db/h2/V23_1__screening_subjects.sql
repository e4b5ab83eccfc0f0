-- H2 spelling of the renames V23 needs (MySQL/MariaDB: db/mysql/V23_1): a clearance names its subject,
-- and an alert found at checkout belongs to no re-screen run.
ALTER TABLE screening_clearance ALTER COLUMN seller_id RENAME TO subject_id;
ALTER TABLE monitoring_alert ALTER COLUMN run_id SET NULL;
