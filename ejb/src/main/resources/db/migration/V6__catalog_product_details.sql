-- The catalog snapshot holds the same product fields as the listing (one definition, ProductDetails):
-- own and overseas stock and the overseas warehouse instead of a total and a derived "ships from".
ALTER TABLE catalog_product ADD COLUMN stock_own INT DEFAULT 0 NOT NULL;
ALTER TABLE catalog_product ADD COLUMN stock_overseas INT DEFAULT 0 NOT NULL;
ALTER TABLE catalog_product ADD COLUMN overseas_warehouse VARCHAR(120);
UPDATE catalog_product SET stock_own = stock WHERE ships_from <> 'OVERSEAS_WAREHOUSE';
UPDATE catalog_product SET stock_overseas = stock WHERE ships_from = 'OVERSEAS_WAREHOUSE';
ALTER TABLE catalog_product DROP COLUMN stock;
ALTER TABLE catalog_product DROP COLUMN ships_from;
