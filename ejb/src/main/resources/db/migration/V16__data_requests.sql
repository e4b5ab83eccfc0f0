-- Data subjects' requests (a copy of their personal data, or its erasure) and the cross-border
-- transfers of buyers' personal data, one per paid order, for PIPL and GDPR reporting; and the
-- node lock of the hourly price-system scan.
CREATE TABLE data_request (
    id           VARCHAR(36)    NOT NULL PRIMARY KEY,
    username     VARCHAR(100)   NOT NULL,
    seller_id    VARCHAR(36),
    kind         VARCHAR(20)    NOT NULL,
    status       VARCHAR(20)    NOT NULL,
    note         VARCHAR(1000),
    requested_at TIMESTAMP(6)   NOT NULL,
    due_at       TIMESTAMP(6)   NOT NULL,
    decided_by   VARCHAR(100),
    decided_at   TIMESTAMP(6),
    message      VARCHAR(4000),
    export_json  LONGTEXT,
    kept         LONGTEXT,
    version      INT            NOT NULL
);
CREATE INDEX ix_data_request_user ON data_request (username, requested_at);

CREATE TABLE personal_data_transfer (
    id             VARCHAR(36)   NOT NULL PRIMARY KEY,
    order_id       VARCHAR(36)   NOT NULL,
    subject        VARCHAR(100)  NOT NULL,
    from_country   VARCHAR(2)    NOT NULL,
    to_country     VARCHAR(2)    NOT NULL,
    recipient_id   VARCHAR(36)   NOT NULL,
    categories     VARCHAR(200)  NOT NULL,
    legal_basis    VARCHAR(200)  NOT NULL,
    transferred_at TIMESTAMP(6)  NOT NULL,
    CONSTRAINT uq_transfer_order UNIQUE (order_id)
);
CREATE INDEX ix_transfer_time ON personal_data_transfer (transferred_at);
CREATE INDEX ix_transfer_subject ON personal_data_transfer (subject);

INSERT INTO caravel_lock (name) VALUES ('price-scan');
