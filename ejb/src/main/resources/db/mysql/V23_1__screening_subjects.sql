-- MySQL/MariaDB spelling of the renames V23 needs (H2: db/h2/V23_1): a clearance names its subject,
-- and an alert found at checkout belongs to no re-screen run.
ALTER TABLE screening_clearance CHANGE seller_id subject_id VARCHAR(36) NOT NULL;
ALTER TABLE monitoring_alert MODIFY run_id VARCHAR(36) NULL;
