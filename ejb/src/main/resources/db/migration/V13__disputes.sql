-- Disputes (issue 13): a buyer's claim on an order line (or a chargeback on its payment: line 0, with the
-- provider's dispute reference, stage and due date), its message thread and evidence; the
-- dispute rules as versioned data; refunds of a payment, each once per refund key (full or partial).

CREATE TABLE dispute_rule_set (
    version     INT          NOT NULL PRIMARY KEY,
    source      VARCHAR(200) NOT NULL,
    sha256      VARCHAR(64)  NOT NULL,
    content     LONGTEXT     NOT NULL,
    loaded_at   TIMESTAMP(6) NOT NULL,
    loaded_by   VARCHAR(100) NOT NULL
);

CREATE TABLE dispute (
    id                  VARCHAR(36)    NOT NULL PRIMARY KEY,
    order_id            VARCHAR(36)    NOT NULL,
    line_no             INT            NOT NULL,
    buyer               VARCHAR(100)   NOT NULL,
    seller_id           VARCHAR(36)    NOT NULL,
    source              VARCHAR(20)    NOT NULL,
    reason              VARCHAR(30)    NOT NULL,
    provider_ref        VARCHAR(100),
    stage               VARCHAR(20),
    provider_due        TIMESTAMP(6),
    status              VARCHAR(20)    NOT NULL,
    currency            VARCHAR(3)     NOT NULL,
    claimed_amount      DECIMAL(19, 4) NOT NULL,
    max_amount          DECIMAL(19, 4) NOT NULL,
    refunded_amount     DECIMAL(19, 4) NOT NULL,
    settlement_amount   DECIMAL(19, 4),
    description         VARCHAR(2000)  NOT NULL,
    seller_answer       VARCHAR(20),
    return_waybill      VARCHAR(60),
    decision            VARCHAR(20),
    decided_by          VARCHAR(100),
    appealed_by         VARCHAR(100),
    appeal_decision     VARCHAR(20),
    seller_deadline     TIMESTAMP(6)   NOT NULL,
    appeal_deadline     TIMESTAMP(6),
    rule_version        INT            NOT NULL,
    idempotency_key     VARCHAR(100)   NOT NULL,
    request_hash        VARCHAR(64)    NOT NULL,
    process_instance_id VARCHAR(64),
    created_at          TIMESTAMP(6)   NOT NULL,
    resolved_at         TIMESTAMP(6),
    closed_at           TIMESTAMP(6),
    version             INT            NOT NULL,
    CONSTRAINT uq_dispute_key UNIQUE (buyer, idempotency_key),
    CONSTRAINT fk_dispute_order FOREIGN KEY (order_id) REFERENCES customer_order (id)
);
CREATE INDEX ix_dispute_order ON dispute (order_id);
CREATE UNIQUE INDEX uq_dispute_provider_ref ON dispute (provider_ref);
CREATE INDEX ix_dispute_seller ON dispute (seller_id, created_at);
CREATE INDEX ix_dispute_buyer ON dispute (buyer, created_at);

CREATE TABLE dispute_message (
    id          VARCHAR(36)   NOT NULL PRIMARY KEY,
    dispute_id  VARCHAR(36)   NOT NULL,
    author      VARCHAR(100)  NOT NULL,
    party       VARCHAR(20)   NOT NULL,
    staff_only  BOOLEAN       NOT NULL,
    body        VARCHAR(4000) NOT NULL,
    created_at  TIMESTAMP(6)  NOT NULL,
    CONSTRAINT fk_dispute_message FOREIGN KEY (dispute_id) REFERENCES dispute (id)
);
CREATE INDEX ix_dispute_message ON dispute_message (dispute_id, created_at);

CREATE TABLE dispute_evidence (
    id           VARCHAR(36)  NOT NULL PRIMARY KEY,
    dispute_id   VARCHAR(36)  NOT NULL,
    party        VARCHAR(20)  NOT NULL,
    kind         VARCHAR(20)  NOT NULL,
    uploaded_by  VARCHAR(100) NOT NULL,
    file_name    VARCHAR(200) NOT NULL,
    content_type VARCHAR(100) NOT NULL,
    size_bytes   BIGINT       NOT NULL,
    sha256       VARCHAR(64)  NOT NULL,
    content      LONGBLOB     NOT NULL,
    uploaded_at  TIMESTAMP(6) NOT NULL,
    CONSTRAINT fk_dispute_evidence FOREIGN KEY (dispute_id) REFERENCES dispute (id)
);
CREATE INDEX ix_dispute_evidence ON dispute_evidence (dispute_id);

ALTER TABLE payment ADD COLUMN refunded_amount DECIMAL(19, 4) NOT NULL DEFAULT 0;
UPDATE payment SET refunded_amount = amount WHERE status = 'REFUNDED';

CREATE TABLE payment_refund (
    id                 VARCHAR(36)    NOT NULL PRIMARY KEY,
    payment_id         VARCHAR(36)    NOT NULL,
    refund_key         VARCHAR(100)   NOT NULL,
    amount             DECIMAL(19, 4) NOT NULL,
    currency           VARCHAR(3)     NOT NULL,
    provider_refund_id VARCHAR(100)   NOT NULL,
    reason             VARCHAR(200)   NOT NULL,
    created_at         TIMESTAMP(6)   NOT NULL,
    CONSTRAINT uq_payment_refund_key UNIQUE (refund_key),
    CONSTRAINT fk_payment_refund FOREIGN KEY (payment_id) REFERENCES payment (id)
);
CREATE INDEX ix_payment_refund ON payment_refund (payment_id);

-- the buyer confirms receipt of a shipped order (the claim window counts from then)
ALTER TABLE customer_order ADD COLUMN received_at TIMESTAMP(6);
