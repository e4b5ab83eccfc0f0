-- Overseas warehouses (海外仓): warehouses on the platform, the staff who count goods in at each, the units
-- of each product kept at each, and the inbound shipments (头程) sellers send there, line by line with the
-- quantity declared and the quantity counted. An order line records the warehouse it ships from.
CREATE TABLE warehouse (
    id          VARCHAR(36)   NOT NULL PRIMARY KEY,
    code        VARCHAR(20)   NOT NULL,
    name        VARCHAR(100)  NOT NULL,
    country     VARCHAR(2),
    address     VARCHAR(300),
    active      BOOLEAN       NOT NULL,
    created_at  TIMESTAMP(6)  NOT NULL,
    version     INT           NOT NULL,
    CONSTRAINT uq_warehouse_code UNIQUE (code)
);

CREATE TABLE warehouse_staff (
    warehouse_id  VARCHAR(36)   NOT NULL,
    username      VARCHAR(100)  NOT NULL,
    PRIMARY KEY (warehouse_id, username),
    CONSTRAINT fk_staff_warehouse FOREIGN KEY (warehouse_id) REFERENCES warehouse (id)
);

CREATE TABLE warehouse_stock (
    warehouse_id  VARCHAR(36)   NOT NULL,
    product_id    VARCHAR(36)   NOT NULL,
    seller_id     VARCHAR(36)   NOT NULL,
    on_hand       INT           NOT NULL,
    updated_at    TIMESTAMP(6)  NOT NULL,
    PRIMARY KEY (warehouse_id, product_id),
    CONSTRAINT fk_stock_warehouse FOREIGN KEY (warehouse_id) REFERENCES warehouse (id)
);
CREATE INDEX ix_stock_product ON warehouse_stock (product_id);
CREATE INDEX ix_stock_seller ON warehouse_stock (seller_id);

CREATE TABLE inbound_shipment (
    id            VARCHAR(36)    NOT NULL PRIMARY KEY,
    seller_id     VARCHAR(36)    NOT NULL,
    warehouse_id  VARCHAR(36)    NOT NULL,
    carrier       VARCHAR(60),
    tracking      VARCHAR(60),
    status        VARCHAR(30)    NOT NULL,
    created_at    TIMESTAMP(6)   NOT NULL,
    created_by    VARCHAR(100)   NOT NULL,
    closed_at     TIMESTAMP(6),
    closed_by     VARCHAR(100),
    receipt_note  VARCHAR(1000),
    version       INT            NOT NULL,
    CONSTRAINT fk_inbound_seller FOREIGN KEY (seller_id) REFERENCES seller (id),
    CONSTRAINT fk_inbound_warehouse FOREIGN KEY (warehouse_id) REFERENCES warehouse (id)
);
CREATE INDEX ix_inbound_seller ON inbound_shipment (seller_id, created_at);
CREATE INDEX ix_inbound_warehouse ON inbound_shipment (warehouse_id, status, created_at);

CREATE TABLE inbound_line (
    shipment_id  VARCHAR(36)   NOT NULL,
    line_no      INT           NOT NULL,
    product_id   VARCHAR(36)   NOT NULL,
    title        VARCHAR(300)  NOT NULL,
    declared     INT           NOT NULL,
    received     INT,
    PRIMARY KEY (shipment_id, line_no),
    CONSTRAINT fk_inbound_line FOREIGN KEY (shipment_id) REFERENCES inbound_shipment (id)
);

ALTER TABLE order_line ADD COLUMN warehouse_id VARCHAR(36);

-- Overseas stock a seller declared by hand before warehouses existed is kept, counted at a warehouse that
-- says so (no country: it serves no destination until an administrator corrects it).
INSERT INTO warehouse (id, code, name, country, address, active, created_at, version)
SELECT DISTINCT 'legacy-declared', 'DECLARED', 'Declared by sellers before warehouses (not counted)', NULL, NULL, FALSE,
       CURRENT_TIMESTAMP, 0
FROM catalog_product WHERE stock_overseas > 0;
INSERT INTO warehouse_stock (warehouse_id, product_id, seller_id, on_hand, updated_at)
SELECT 'legacy-declared', id, seller_id, stock_overseas, CURRENT_TIMESTAMP FROM catalog_product WHERE stock_overseas > 0;
UPDATE catalog_product SET stock_overseas = 0, overseas_warehouse = NULL;
