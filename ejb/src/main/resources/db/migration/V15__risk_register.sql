-- The risk register: each event keeps the decision a person took on its case (the task's outcome and
-- who decided), and is found by seller and by category over time.
ALTER TABLE risk_event ADD COLUMN decision VARCHAR(40);
ALTER TABLE risk_event ADD COLUMN decided_by VARCHAR(100);
ALTER TABLE risk_event ADD COLUMN decided_at TIMESTAMP(6);
CREATE INDEX ix_risk_event_seller ON risk_event (seller_id, occurred_at);
CREATE INDEX ix_risk_event_category ON risk_event (category, occurred_at);
