-- Marketplace payouts: what a payout run owes each seller in one currency for everything since the
-- seller's previous payout (sales, refunds, commission, fees, a reserve held back for open disputes),
-- and each entry it is made of. An order's sale and each refund enter exactly one payout (unique source).
CREATE TABLE payout (
    id                VARCHAR(36)    NOT NULL PRIMARY KEY,
    seller_id         VARCHAR(36)    NOT NULL,
    currency          VARCHAR(3)     NOT NULL,
    period_from       TIMESTAMP(6),
    period_to         TIMESTAMP(6)   NOT NULL,
    sales             DECIMAL(19, 4) NOT NULL,
    refunds           DECIMAL(19, 4) NOT NULL,
    commission        DECIMAL(19, 4) NOT NULL,
    fees              DECIMAL(19, 4) NOT NULL,
    taxes_collected   DECIMAL(19, 4) NOT NULL,
    reserve_held      DECIMAL(19, 4) NOT NULL,
    reserve_released  DECIMAL(19, 4) NOT NULL,
    carried_forward   DECIMAL(19, 4) NOT NULL,
    net               DECIMAL(19, 4) NOT NULL,
    status            VARCHAR(20)    NOT NULL,
    rules_source      VARCHAR(200)   NOT NULL,
    rules_sha256      VARCHAR(64)    NOT NULL,
    created_at        TIMESTAMP(6)   NOT NULL,
    created_by        VARCHAR(100)   NOT NULL,
    paid_at           TIMESTAMP(6),
    paid_by           VARCHAR(100),
    paid_reference    VARCHAR(100),
    version           INT            NOT NULL,
    CONSTRAINT uq_payout_period UNIQUE (seller_id, currency, period_to),
    CONSTRAINT fk_payout_seller FOREIGN KEY (seller_id) REFERENCES seller (id)
);
CREATE INDEX ix_payout_seller ON payout (seller_id, period_to);

CREATE TABLE payout_entry (
    id            VARCHAR(36)    NOT NULL PRIMARY KEY,
    payout_id     VARCHAR(36)    NOT NULL,
    entry_no      INT            NOT NULL,
    kind          VARCHAR(20)    NOT NULL,
    source_id     VARCHAR(36)    NOT NULL,
    order_id      VARCHAR(36)    NOT NULL,
    occurred_at   TIMESTAMP(6)   NOT NULL,
    description   VARCHAR(300)   NOT NULL,
    amount        DECIMAL(19, 4) NOT NULL,
    commission    DECIMAL(19, 4) NOT NULL,
    fee           DECIMAL(19, 4) NOT NULL,
    taxes         DECIMAL(19, 4) NOT NULL,
    rate          VARCHAR(100),
    CONSTRAINT uq_payout_entry_source UNIQUE (kind, source_id),
    CONSTRAINT fk_payout_entry FOREIGN KEY (payout_id) REFERENCES payout (id)
);
CREATE INDEX ix_payout_entry_payout ON payout_entry (payout_id, entry_no);

