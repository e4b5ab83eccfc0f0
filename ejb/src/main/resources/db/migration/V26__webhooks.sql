-- Webhooks: an integrator's subscription of an HTTPS address to event types; events written to an
-- outbox in the transaction of the change that raised them, one delivery per matching subscription,
-- and every attempt to deliver one (the delivery log).
CREATE TABLE webhook_subscription (
    id            VARCHAR(36)   NOT NULL PRIMARY KEY,
    owner         VARCHAR(100)  NOT NULL,
    seller_id     VARCHAR(36),
    url           VARCHAR(2000) NOT NULL,
    description   VARCHAR(200),
    event_types   VARCHAR(1000) NOT NULL,
    secret        VARCHAR(100)  NOT NULL,
    active        BOOLEAN       NOT NULL,
    created_at    TIMESTAMP(6)  NOT NULL,
    updated_at    TIMESTAMP(6)  NOT NULL,
    version       INT           NOT NULL
);
CREATE INDEX ix_webhook_subscription_seller ON webhook_subscription (seller_id, active);

CREATE TABLE webhook_event (
    id            VARCHAR(36)   NOT NULL PRIMARY KEY,
    event_type    VARCHAR(60)   NOT NULL,
    seller_id     VARCHAR(36),
    subject_id    VARCHAR(36)   NOT NULL,
    payload       LONGTEXT      NOT NULL,
    created_at    TIMESTAMP(6)  NOT NULL
);
CREATE INDEX ix_webhook_event_subject ON webhook_event (subject_id);

CREATE TABLE webhook_delivery (
    id               VARCHAR(36)   NOT NULL PRIMARY KEY,
    event_id         VARCHAR(36)   NOT NULL,
    subscription_id  VARCHAR(36)   NOT NULL,
    status           VARCHAR(20)   NOT NULL,
    attempts         INT           NOT NULL,
    next_attempt_at  TIMESTAMP(6),
    lease_owner      VARCHAR(36),
    lease_until      TIMESTAMP(6),
    last_status      INT,
    last_error       VARCHAR(500),
    delivered_at     TIMESTAMP(6),
    created_at       TIMESTAMP(6)  NOT NULL,
    version          INT           NOT NULL,
    CONSTRAINT fk_webhook_delivery_event FOREIGN KEY (event_id) REFERENCES webhook_event (id),
    CONSTRAINT fk_webhook_delivery_subscription FOREIGN KEY (subscription_id) REFERENCES webhook_subscription (id),
    CONSTRAINT uq_webhook_delivery UNIQUE (event_id, subscription_id)
);
CREATE INDEX ix_webhook_delivery_due ON webhook_delivery (status, next_attempt_at);
CREATE INDEX ix_webhook_delivery_subscription ON webhook_delivery (subscription_id, created_at);

CREATE TABLE webhook_attempt (
    id             VARCHAR(36)   NOT NULL PRIMARY KEY,
    delivery_id    VARCHAR(36)   NOT NULL,
    attempt        INT           NOT NULL,
    started_at     TIMESTAMP(6)  NOT NULL,
    duration_ms    BIGINT        NOT NULL,
    http_status    INT,
    error          VARCHAR(500),
    response       VARCHAR(1000),
    node           VARCHAR(100)  NOT NULL,
    CONSTRAINT fk_webhook_attempt_delivery FOREIGN KEY (delivery_id) REFERENCES webhook_delivery (id)
);
CREATE INDEX ix_webhook_attempt_delivery ON webhook_attempt (delivery_id, attempt);
