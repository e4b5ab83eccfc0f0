-- Every submitted revision of a listing as it was submitted, with the checks' verdict and how its
-- review ended: the reviewer sees what changed since an earlier outcome, and only a reviewed
-- revision is published. Listings submitted before this migration get their current revision.
CREATE TABLE listing_revision (
    listing_id           VARCHAR(36)    NOT NULL,
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
    submitted_by         VARCHAR(100)   NOT NULL,
    submitted_at         TIMESTAMP(6)   NOT NULL,
    verdict              VARCHAR(20),
    checked_at           TIMESTAMP(6),
    outcome              VARCHAR(20),
    decided_by           VARCHAR(100),
    decided_at           TIMESTAMP(6),
    PRIMARY KEY (listing_id, revision),
    CONSTRAINT fk_listing_revision_listing FOREIGN KEY (listing_id) REFERENCES listing (id)
);

INSERT INTO listing_revision (listing_id, revision, title_en, title_zh, description_en, description_zh, brand,
        category, hs_code, origin_country, price, currency, stock_own, stock_overseas, overseas_warehouse,
        weight_grams, length_mm, width_mm, height_mm, lithium_battery, un_number, wholesale, min_advertised_price,
        supplier_listing_id, submitted_by, submitted_at, outcome, decided_at)
SELECT id, revision, title_en, title_zh, description_en, description_zh, brand, category, hs_code, origin_country,
       price, currency, stock_own, stock_overseas, overseas_warehouse, weight_grams, length_mm, width_mm, height_mm,
       lithium_battery, un_number, wholesale, min_advertised_price, supplier_listing_id, 'seller',
       COALESCE(submitted_at, updated_at),
       CASE status WHEN 'PUBLISHED' THEN 'PUBLISHED' WHEN 'REJECTED' THEN 'REJECTED'
                   WHEN 'CHANGES_REQUIRED' THEN 'CHANGES_REQUIRED' ELSE NULL END,
       CASE WHEN status IN ('PUBLISHED', 'REJECTED', 'CHANGES_REQUIRED') THEN updated_at ELSE NULL END
FROM listing WHERE revision > 0;
