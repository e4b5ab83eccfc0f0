-- Seller onboarding (KYB): the application, its directors and owners, documents, screening matches.

CREATE TABLE seller_application (
    id                        VARCHAR(36)   NOT NULL PRIMARY KEY,
    seller_id                 VARCHAR(36)   NOT NULL,
    status                    VARCHAR(30)   NOT NULL,
    legal_name                VARCHAR(200),
    trading_name              VARCHAR(200),
    country                   CHAR(2),
    registration_number       VARCHAR(100),
    tax_id                    VARCHAR(100),
    address                   VARCHAR(500),
    contact_email             VARCHAR(254),
    contact_phone             VARCHAR(50),
    operating_models          VARCHAR(200),
    main_category             VARCHAR(30),
    expected_yearly_sales_eur BIGINT,
    expected_yearly_orders    BIGINT,
    bank_account              VARCHAR(64),
    risk_level                VARCHAR(10),
    risk_reasons              VARCHAR(1000),
    screening_hit             BOOLEAN,
    screening_top_score       DOUBLE PRECISION,
    screening_list_version    VARCHAR(80),
    questions                 VARCHAR(4000),
    seller_answer             VARCHAR(4000),
    decision                  VARCHAR(20),
    decision_reason           VARCHAR(2000),
    process_instance_id       VARCHAR(64),
    created_at                TIMESTAMP(6)  NOT NULL,
    submitted_at              TIMESTAMP(6),
    decided_at                TIMESTAMP(6),
    recertify_at              TIMESTAMP(6),
    version                   INTEGER       NOT NULL,
    CONSTRAINT fk_application_seller FOREIGN KEY (seller_id) REFERENCES seller (id)
);
CREATE INDEX ix_application_seller ON seller_application (seller_id);

CREATE TABLE application_party (
    id             VARCHAR(36)  NOT NULL PRIMARY KEY,
    application_id VARCHAR(36)  NOT NULL,
    party_role     VARCHAR(20)  NOT NULL,
    full_name      VARCHAR(200) NOT NULL,
    date_of_birth  DATE,
    nationality    CHAR(2),
    share_percent  DECIMAL(5, 2),
    CONSTRAINT fk_party_application FOREIGN KEY (application_id) REFERENCES seller_application (id)
);
CREATE INDEX ix_party_application ON application_party (application_id);

CREATE TABLE application_document (
    id             VARCHAR(36)  NOT NULL PRIMARY KEY,
    application_id VARCHAR(36)  NOT NULL,
    kind           VARCHAR(30)  NOT NULL,
    file_name      VARCHAR(255) NOT NULL,
    content_type   VARCHAR(100) NOT NULL,
    size_bytes     BIGINT       NOT NULL,
    sha256         CHAR(64)     NOT NULL,
    content        LONGBLOB     NOT NULL,
    uploaded_at    TIMESTAMP(6) NOT NULL,
    CONSTRAINT fk_document_application FOREIGN KEY (application_id) REFERENCES seller_application (id)
);
CREATE INDEX ix_document_application ON application_document (application_id);

CREATE TABLE screening_match (
    id             VARCHAR(36)      NOT NULL PRIMARY KEY,
    application_id VARCHAR(36)      NOT NULL,
    screened_name  VARCHAR(300)     NOT NULL,
    party_role     VARCHAR(20)      NOT NULL,
    ent_num        BIGINT           NOT NULL,
    listed_name    VARCHAR(400)     NOT NULL,
    matched_name   VARCHAR(400)     NOT NULL,
    alternate_name BOOLEAN          NOT NULL,
    score          DOUBLE PRECISION NOT NULL,
    programs       VARCHAR(400),
    list_version   VARCHAR(80)      NOT NULL,
    screened_at    TIMESTAMP(6)     NOT NULL,
    CONSTRAINT fk_match_application FOREIGN KEY (application_id) REFERENCES seller_application (id)
);
CREATE INDEX ix_match_application ON screening_match (application_id);
