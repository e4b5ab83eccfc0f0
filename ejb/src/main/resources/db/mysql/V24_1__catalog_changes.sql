-- Every change of the published catalog (publish, take-down, overseas stock), in commit order as far as
-- a sequence can tell: each node's search index applies the changes after the last one it applied.
CREATE TABLE catalog_change (
    seq         BIGINT AUTO_INCREMENT PRIMARY KEY,
    product_id  VARCHAR(36)  NOT NULL,
    changed_at  TIMESTAMP(6) NOT NULL
);
