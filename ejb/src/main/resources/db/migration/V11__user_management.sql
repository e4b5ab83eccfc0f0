-- User management: a password an administrator reset must be changed at the next sign-in; the access
-- epoch counts the changes that end a user's open sessions (disabled, password reset or changed,
-- roles changed); demo accounts are marked so that a start without demo mode can lock them.
ALTER TABLE caravel_user ADD COLUMN password_change_required BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE caravel_user ADD COLUMN access_epoch INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE caravel_user ADD COLUMN demo BOOLEAN DEFAULT FALSE NOT NULL;

-- accounts demo mode created before this version: the audit trail names the demo users, and the
-- demo applicants (password "demo applicant") have these fixed names in a database that ran demo mode
UPDATE caravel_user SET demo = TRUE WHERE username IN (
    SELECT subject_id FROM audit_entry
     WHERE subject_type = 'user' AND action = 'USER_CREATED' AND actor = 'system' AND detail LIKE 'demo user%');
UPDATE caravel_user SET demo = TRUE
 WHERE username IN ('demo-harbour', 'demo-pharma', 'demo-freight', 'demo-food', 'demo-paper')
   AND EXISTS (SELECT 1 FROM audit_entry
                WHERE subject_type = 'user' AND action = 'USER_CREATED' AND actor = 'system' AND detail LIKE 'demo user%');

INSERT INTO caravel_lock (name) VALUES ('first-admin');
