-- Messages to sellers shown in the seller portal (requests, reminders, decisions), and further
-- product categories of an application besides the main one.

CREATE TABLE seller_notification (
    id             VARCHAR(36)  NOT NULL PRIMARY KEY,
    seller_id      VARCHAR(36)  NOT NULL,
    subject_id     VARCHAR(36)  NOT NULL,
    kind           VARCHAR(40)  NOT NULL,
    detail         VARCHAR(4000),
    created_at     TIMESTAMP(6) NOT NULL,
    CONSTRAINT fk_notification_seller FOREIGN KEY (seller_id) REFERENCES seller (id)
);
CREATE INDEX ix_notification_seller ON seller_notification (seller_id, created_at);

ALTER TABLE seller_application ADD COLUMN other_categories VARCHAR(200);
