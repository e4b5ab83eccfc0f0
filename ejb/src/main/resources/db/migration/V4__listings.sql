-- Listings (the seller's working copy), their files and automatic check results, registered brands
-- with the sellers they authorise, risk events, and the public catalog: the published snapshot of
-- each listing with its search terms.

CREATE TABLE brand (
    id               VARCHAR(36)  NOT NULL PRIMARY KEY,
    name             VARCHAR(120) NOT NULL,
    name_key         VARCHAR(120) NOT NULL,
    owner_seller_id  VARCHAR(36)  NOT NULL,
    trademark        VARCHAR(60),
    created_at       TIMESTAMP(6) NOT NULL,
    CONSTRAINT uq_brand_name UNIQUE (name_key),
    CONSTRAINT fk_brand_owner FOREIGN KEY (owner_seller_id) REFERENCES seller (id)
);

CREATE TABLE brand_authorization (
    brand_id    VARCHAR(36)  NOT NULL,
    seller_id   VARCHAR(36)  NOT NULL,
    granted_at  TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (brand_id, seller_id),
    CONSTRAINT fk_brand_auth_brand FOREIGN KEY (brand_id) REFERENCES brand (id),
    CONSTRAINT fk_brand_auth_seller FOREIGN KEY (seller_id) REFERENCES seller (id)
);

CREATE TABLE listing (
    id                   VARCHAR(36)    NOT NULL PRIMARY KEY,
    seller_id            VARCHAR(36)    NOT NULL,
    status               VARCHAR(20)    NOT NULL,
    live                 BOOLEAN        NOT NULL,
    revision             INT            NOT NULL,
    title_en             VARCHAR(200),
    title_zh             VARCHAR(200),
    description_en       VARCHAR(4000),
    description_zh       VARCHAR(4000),
    brand                VARCHAR(120),
    category             VARCHAR(40),
    hs_code              VARCHAR(12),
    origin_country       VARCHAR(2),
    price                DECIMAL(19, 4),
    currency             VARCHAR(3),
    stock_own            INT            NOT NULL,
    stock_overseas       INT            NOT NULL,
    overseas_warehouse   VARCHAR(120),
    weight_grams         INT,
    length_mm            INT,
    width_mm             INT,
    height_mm            INT,
    lithium_battery      BOOLEAN        NOT NULL,
    un_number            VARCHAR(6),
    wholesale            BOOLEAN        NOT NULL,
    min_advertised_price DECIMAL(19, 4),
    supplier_listing_id  VARCHAR(36),
    review_note          VARCHAR(4000),
    process_instance_id  VARCHAR(64),
    created_at           TIMESTAMP(6)   NOT NULL,
    updated_at           TIMESTAMP(6)   NOT NULL,
    submitted_at         TIMESTAMP(6),
    version              INT            NOT NULL,
    CONSTRAINT fk_listing_seller FOREIGN KEY (seller_id) REFERENCES seller (id)
);
CREATE INDEX ix_listing_seller ON listing (seller_id, created_at);
CREATE INDEX ix_listing_status ON listing (status, submitted_at);

CREATE TABLE listing_file (
    id            VARCHAR(36)  NOT NULL PRIMARY KEY,
    listing_id    VARCHAR(36)  NOT NULL,
    purpose       VARCHAR(10)  NOT NULL,
    kind          VARCHAR(40),
    file_name     VARCHAR(200) NOT NULL,
    content_type  VARCHAR(100) NOT NULL,
    size_bytes    INT          NOT NULL,
    sha256        VARCHAR(64)  NOT NULL,
    content       LONGBLOB     NOT NULL,
    uploaded_at   TIMESTAMP(6) NOT NULL,
    CONSTRAINT fk_listing_file_listing FOREIGN KEY (listing_id) REFERENCES listing (id)
);
CREATE INDEX ix_listing_file_listing ON listing_file (listing_id, uploaded_at);

CREATE TABLE listing_check (
    id             VARCHAR(36)   NOT NULL PRIMARY KEY,
    listing_id     VARCHAR(36)   NOT NULL,
    revision       INT           NOT NULL,
    code           VARCHAR(40)   NOT NULL,
    outcome        VARCHAR(20)   NOT NULL,
    risk_category  VARCHAR(20)   NOT NULL,
    detail         VARCHAR(1000),
    checked_at     TIMESTAMP(6)  NOT NULL,
    CONSTRAINT fk_listing_check_listing FOREIGN KEY (listing_id) REFERENCES listing (id)
);
CREATE INDEX ix_listing_check_listing ON listing_check (listing_id, revision);

CREATE TABLE risk_event (
    id            VARCHAR(36)   NOT NULL PRIMARY KEY,
    category      VARCHAR(20)   NOT NULL,
    code          VARCHAR(40)   NOT NULL,
    severity      VARCHAR(10)   NOT NULL,
    subject_type  VARCHAR(30)   NOT NULL,
    subject_id    VARCHAR(36)   NOT NULL,
    seller_id     VARCHAR(36),
    detail        VARCHAR(1000),
    occurred_at   TIMESTAMP(6)  NOT NULL
);
CREATE INDEX ix_risk_event_time ON risk_event (occurred_at, id);
CREATE INDEX ix_risk_event_subject ON risk_event (subject_type, subject_id);

CREATE TABLE catalog_product (
    id                   VARCHAR(36)    NOT NULL PRIMARY KEY,
    seller_id            VARCHAR(36)    NOT NULL,
    seller_name          VARCHAR(200)   NOT NULL,
    revision             INT            NOT NULL,
    title_en             VARCHAR(200),
    title_zh             VARCHAR(200),
    description_en       VARCHAR(4000),
    description_zh       VARCHAR(4000),
    brand                VARCHAR(120),
    brand_key            VARCHAR(120),
    category             VARCHAR(40)    NOT NULL,
    hs_code              VARCHAR(12)    NOT NULL,
    origin_country       VARCHAR(2)     NOT NULL,
    price                DECIMAL(19, 4) NOT NULL,
    currency             VARCHAR(3)     NOT NULL,
    stock                INT            NOT NULL,
    ships_from           VARCHAR(20)    NOT NULL,
    weight_grams         INT,
    length_mm            INT,
    width_mm             INT,
    height_mm            INT,
    lithium_battery      BOOLEAN        NOT NULL,
    un_number            VARCHAR(6),
    wholesale            BOOLEAN        NOT NULL,
    min_advertised_price DECIMAL(19, 4),
    supplier_product_id  VARCHAR(36),
    image_ids            VARCHAR(400),
    first_published_at   TIMESTAMP(6)   NOT NULL,
    published_at         TIMESTAMP(6)   NOT NULL
);
CREATE INDEX ix_catalog_order ON catalog_product (wholesale, first_published_at, id);
CREATE INDEX ix_catalog_hs ON catalog_product (hs_code);

CREATE TABLE catalog_term (
    term        VARCHAR(60) NOT NULL,
    product_id  VARCHAR(36) NOT NULL,
    PRIMARY KEY (term, product_id),
    CONSTRAINT fk_catalog_term_product FOREIGN KEY (product_id) REFERENCES catalog_product (id) ON DELETE CASCADE
);
CREATE INDEX ix_catalog_term_product ON catalog_term (product_id);
