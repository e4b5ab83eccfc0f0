-- Self-operated selling: storefront channels (an independent site on the headless API with its own
-- currencies, destinations, languages and token; only the SHA-256 of the secret is kept), the channel an
-- order was placed on, and the platform's own (first-party) store among the sellers.
CREATE TABLE storefront_channel (
    id               VARCHAR(36)   NOT NULL PRIMARY KEY,
    name             VARCHAR(100)  NOT NULL,
    seller_id        VARCHAR(36),
    currencies       VARCHAR(200)  NOT NULL,
    destinations     VARCHAR(400)  NOT NULL,
    languages        VARCHAR(20)   NOT NULL,
    token_id         VARCHAR(40)   NOT NULL,
    secret_sha256    VARCHAR(64)   NOT NULL,
    active           BOOLEAN       NOT NULL,
    created_at       TIMESTAMP(6)  NOT NULL,
    created_by       VARCHAR(100)  NOT NULL,
    token_issued_at  TIMESTAMP(6)  NOT NULL,
    version          INT           NOT NULL,
    CONSTRAINT uq_channel_token UNIQUE (token_id),
    CONSTRAINT fk_channel_seller FOREIGN KEY (seller_id) REFERENCES seller (id)
);

ALTER TABLE customer_order ADD COLUMN channel_id VARCHAR(36);
ALTER TABLE seller ADD COLUMN first_party BOOLEAN DEFAULT FALSE NOT NULL;

-- Marketplace penalties: a fine for a rule breach, deducted by the seller's next payout (its own total).
CREATE TABLE penalty (
    id             VARCHAR(36)    NOT NULL PRIMARY KEY,
    seller_id      VARCHAR(36)    NOT NULL,
    amount         DECIMAL(19, 4) NOT NULL,
    currency       VARCHAR(3)     NOT NULL,
    reason         VARCHAR(30)    NOT NULL,
    explanation    VARCHAR(1000)  NOT NULL,
    risk_event_id  VARCHAR(36),
    status         VARCHAR(20)    NOT NULL,
    created_at     TIMESTAMP(6)   NOT NULL,
    created_by     VARCHAR(100)   NOT NULL,
    waived_at      TIMESTAMP(6),
    waived_by      VARCHAR(100),
    version        INT            NOT NULL,
    CONSTRAINT fk_penalty_seller FOREIGN KEY (seller_id) REFERENCES seller (id)
);
CREATE INDEX ix_penalty_seller ON penalty (seller_id, created_at);
ALTER TABLE payout ADD COLUMN penalties DECIMAL(19, 4) DEFAULT 0 NOT NULL;

-- Dropship: what a reseller owes the supplier of a sold line (the wholesale price), and the supplier's side of it.
ALTER TABLE payout ADD COLUMN supplier_costs DECIMAL(19, 4) DEFAULT 0 NOT NULL;
