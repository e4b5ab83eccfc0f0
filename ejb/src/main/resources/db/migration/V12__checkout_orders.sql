-- Checkout: the landed-cost rule table (versioned, replaced as a whole by an upload), quotes,
-- orders with their lines, payments and the payment provider's events (each applied once), each
-- buyer's cross-border spending per calendar year (China's annual limit), and shipments.

CREATE TABLE landed_cost_rule_set (
    version     INT          NOT NULL PRIMARY KEY,
    source      VARCHAR(200) NOT NULL,
    sha256      VARCHAR(64)  NOT NULL,
    rule_count  INT          NOT NULL,
    loaded_at   TIMESTAMP(6) NOT NULL,
    loaded_by   VARCHAR(100) NOT NULL
);

CREATE TABLE landed_cost_rule (
    id              VARCHAR(36)    NOT NULL PRIMARY KEY,
    set_version     INT            NOT NULL,
    line_no         INT            NOT NULL,
    kind            VARCHAR(40)    NOT NULL,
    area            VARCHAR(2)     NOT NULL,
    hs_prefix       VARCHAR(10),
    method          VARCHAR(20),
    rule_value      DECIMAL(19, 6) NOT NULL,
    currency        VARCHAR(3),
    effective_from  DATE           NOT NULL,
    effective_to    DATE,
    note            VARCHAR(200),
    CONSTRAINT fk_rule_set FOREIGN KEY (set_version) REFERENCES landed_cost_rule_set (version)
);
CREATE INDEX ix_rule_set ON landed_cost_rule (set_version);

CREATE TABLE checkout_quote (
    id                  VARCHAR(36)    NOT NULL PRIMARY KEY,
    buyer               VARCHAR(100)   NOT NULL,
    seller_id           VARCHAR(36)    NOT NULL,
    destination_country VARCHAR(2)     NOT NULL,
    regime              VARCHAR(20)    NOT NULL,
    buyer_currency      VARCHAR(3)     NOT NULL,
    total               DECIMAL(19, 4) NOT NULL,
    dutiable_value      DECIMAL(19, 4) NOT NULL,
    customs_currency    VARCHAR(3)     NOT NULL,
    pricing             LONGTEXT       NOT NULL,
    created_at          TIMESTAMP(6)   NOT NULL,
    expires_at          TIMESTAMP(6)   NOT NULL
);
CREATE INDEX ix_quote_buyer ON checkout_quote (buyer, created_at);

CREATE TABLE customer_order (
    id                  VARCHAR(36)    NOT NULL PRIMARY KEY,
    buyer               VARCHAR(100)   NOT NULL,
    seller_id           VARCHAR(36)    NOT NULL,
    quote_id            VARCHAR(36)    NOT NULL,
    idempotency_key     VARCHAR(100)   NOT NULL,
    request_hash        VARCHAR(64)    NOT NULL,
    status              VARCHAR(20)    NOT NULL,
    customs_status      VARCHAR(20)    NOT NULL,
    destination_country VARCHAR(2)     NOT NULL,
    regime              VARCHAR(20)    NOT NULL,
    buyer_currency      VARCHAR(3)     NOT NULL,
    total               DECIMAL(19, 4) NOT NULL,
    dutiable_value      DECIMAL(19, 4) NOT NULL,
    customs_currency    VARCHAR(3)     NOT NULL,
    consignee_name      VARCHAR(200)   NOT NULL,
    consignee_phone     VARCHAR(40),
    consignee_address   VARCHAR(400)   NOT NULL,
    consignee_city      VARCHAR(100)   NOT NULL,
    consignee_postcode  VARCHAR(20),
    consignee_id_number VARCHAR(40),
    pricing             LONGTEXT       NOT NULL,
    created_at          TIMESTAMP(6)   NOT NULL,
    paid_at             TIMESTAMP(6),
    shipped_at          TIMESTAMP(6),
    version             INT            NOT NULL,
    CONSTRAINT uq_order_key UNIQUE (buyer, idempotency_key),
    CONSTRAINT uq_order_quote UNIQUE (quote_id),
    CONSTRAINT fk_order_seller FOREIGN KEY (seller_id) REFERENCES seller (id)
);
CREATE INDEX ix_order_buyer ON customer_order (buyer, created_at);
CREATE INDEX ix_order_seller ON customer_order (seller_id, created_at);

CREATE TABLE order_line (
    order_id        VARCHAR(36)    NOT NULL,
    line_no         INT            NOT NULL,
    product_id      VARCHAR(36)    NOT NULL,
    product_revision INT           NOT NULL,
    title           VARCHAR(200)   NOT NULL,
    hs_code         VARCHAR(12)    NOT NULL,
    origin_country  VARCHAR(2),
    quantity        INT            NOT NULL,
    unit_price      DECIMAL(19, 4) NOT NULL,
    currency        VARCHAR(3)     NOT NULL,
    stock_product_id VARCHAR(36)   NOT NULL,
    location        VARCHAR(30)    NOT NULL,
    fulfilled_by    VARCHAR(36)    NOT NULL,
    PRIMARY KEY (order_id, line_no),
    CONSTRAINT fk_line_order FOREIGN KEY (order_id) REFERENCES customer_order (id)
);
CREATE INDEX ix_line_fulfilment ON order_line (fulfilled_by);

CREATE TABLE payment (
    id                VARCHAR(36)    NOT NULL PRIMARY KEY,
    order_id          VARCHAR(36)    NOT NULL,
    buyer             VARCHAR(100)   NOT NULL,
    provider          VARCHAR(40)    NOT NULL,
    provider_ref      VARCHAR(100)   NOT NULL,
    pay_url           VARCHAR(400),
    status            VARCHAR(20)    NOT NULL,
    amount            DECIMAL(19, 4) NOT NULL,
    currency          VARCHAR(3)     NOT NULL,
    payer_name        VARCHAR(200),
    payer_id_number   VARCHAR(40),
    transaction_id    VARCHAR(100),
    decline_reason    VARCHAR(200),
    refund_id         VARCHAR(100),
    refunded_at       TIMESTAMP(6),
    created_at        TIMESTAMP(6)   NOT NULL,
    completed_at      TIMESTAMP(6),
    version           INT            NOT NULL,
    CONSTRAINT uq_payment_ref UNIQUE (provider, provider_ref),
    CONSTRAINT fk_payment_order FOREIGN KEY (order_id) REFERENCES customer_order (id)
);
CREATE INDEX ix_payment_order ON payment (order_id);

CREATE TABLE payment_event (
    provider     VARCHAR(40)  NOT NULL,
    event_id     VARCHAR(100) NOT NULL,
    payment_id   VARCHAR(36)  NOT NULL,
    event_type   VARCHAR(40)  NOT NULL,
    received_at  TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (provider, event_id)
);

CREATE TABLE buyer_annual_spend (
    buyer       VARCHAR(100)   NOT NULL,
    area        VARCHAR(2)     NOT NULL,
    spend_year  INT            NOT NULL,
    amount      DECIMAL(19, 4) NOT NULL,
    currency    VARCHAR(3)     NOT NULL,
    PRIMARY KEY (buyer, area, spend_year)
);

CREATE TABLE shipment (
    id              VARCHAR(36)   NOT NULL PRIMARY KEY,
    order_id        VARCHAR(36)   NOT NULL,
    carrier         VARCHAR(40)   NOT NULL,
    waybill         VARCHAR(60)   NOT NULL,
    consignee_name  VARCHAR(200)  NOT NULL,
    consignee_address VARCHAR(400) NOT NULL,
    weight_grams    INT,
    created_by      VARCHAR(100)  NOT NULL,
    created_at      TIMESTAMP(6)  NOT NULL,
    CONSTRAINT uq_shipment_order UNIQUE (order_id),
    CONSTRAINT uq_waybill UNIQUE (carrier, waybill),
    CONSTRAINT fk_shipment_order FOREIGN KEY (order_id) REFERENCES customer_order (id)
);

-- Customs declarations of paid orders (one per order), what was submitted each time and what customs answered.
CREATE TABLE customs_declaration (
    id                  VARCHAR(36)   NOT NULL PRIMARY KEY,
    order_id            VARCHAR(36)   NOT NULL,
    seller_id           VARCHAR(36)   NOT NULL,
    regime              VARCHAR(20)   NOT NULL,
    status              VARCHAR(20)   NOT NULL,
    documents           LONGTEXT,
    findings            LONGTEXT,
    hold_reason         VARCHAR(60),
    process_instance_id VARCHAR(64),
    created_at          TIMESTAMP(6)  NOT NULL,
    updated_at          TIMESTAMP(6)  NOT NULL,
    version             INT           NOT NULL,
    CONSTRAINT uq_declaration_order UNIQUE (order_id),
    CONSTRAINT fk_declaration_order FOREIGN KEY (order_id) REFERENCES customer_order (id)
);

CREATE TABLE declaration_submission (
    id              VARCHAR(36)   NOT NULL PRIMARY KEY,
    declaration_id  VARCHAR(36)   NOT NULL,
    attempt         INT           NOT NULL,
    gateway         VARCHAR(40)   NOT NULL,
    gateway_ref     VARCHAR(100)  NOT NULL,
    documents       LONGTEXT      NOT NULL,
    submitted_at    TIMESTAMP(6)  NOT NULL,
    answer          VARCHAR(20),
    reason_code     VARCHAR(60),
    answered_at     TIMESTAMP(6),
    CONSTRAINT uq_submission_ref UNIQUE (gateway, gateway_ref),
    CONSTRAINT fk_submission_declaration FOREIGN KEY (declaration_id) REFERENCES customs_declaration (id)
);
CREATE INDEX ix_submission_declaration ON declaration_submission (declaration_id, attempt);
