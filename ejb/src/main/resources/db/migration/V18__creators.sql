-- Social and content selling: creators (screened before they earn), their referral links per listing
-- (with the sponsored-content disclosure), the creator an order is attributed to, and creator payouts on
-- the marketplace's payout engine (a payout is a seller's or a creator's; see db/h2 and db/mysql V18.1).
CREATE TABLE creator (
    id             VARCHAR(36)   NOT NULL PRIMARY KEY,
    username       VARCHAR(100)  NOT NULL,
    display_name   VARCHAR(200)  NOT NULL,
    legal_name     VARCHAR(200)  NOT NULL,
    country        VARCHAR(2)    NOT NULL,
    channel_url    VARCHAR(500),
    status         VARCHAR(20)   NOT NULL,
    screening      VARCHAR(2000),
    created_at     TIMESTAMP(6)  NOT NULL,
    decided_at     TIMESTAMP(6),
    decided_by     VARCHAR(100),
    decision_note  VARCHAR(2000),
    message        VARCHAR(4000),
    version        INT           NOT NULL,
    CONSTRAINT uq_creator_user UNIQUE (username)
);

CREATE TABLE creator_link (
    code         VARCHAR(16)   NOT NULL PRIMARY KEY,
    creator_id   VARCHAR(36)   NOT NULL,
    listing_id   VARCHAR(36)   NOT NULL,
    seller_id    VARCHAR(36)   NOT NULL,
    sponsored    BOOLEAN       NOT NULL,
    disclosed    BOOLEAN       NOT NULL,
    content_url  VARCHAR(500),
    created_at   TIMESTAMP(6)  NOT NULL,
    updated_at   TIMESTAMP(6)  NOT NULL,
    version      INT           NOT NULL,
    CONSTRAINT uq_creator_link UNIQUE (creator_id, listing_id),
    CONSTRAINT fk_creator_link_creator FOREIGN KEY (creator_id) REFERENCES creator (id)
);
CREATE INDEX ix_creator_link_seller ON creator_link (seller_id);

ALTER TABLE customer_order ADD COLUMN creator_id VARCHAR(36);
CREATE INDEX ix_order_creator ON customer_order (creator_id, paid_at);

ALTER TABLE payout ADD COLUMN creator_id VARCHAR(36);
ALTER TABLE payout ADD COLUMN creator_fees DECIMAL(19, 4) DEFAULT 0 NOT NULL;
ALTER TABLE payout ADD CONSTRAINT uq_payout_creator_period UNIQUE (creator_id, currency, period_to);
ALTER TABLE payout ADD CONSTRAINT fk_payout_creator FOREIGN KEY (creator_id) REFERENCES creator (id);
