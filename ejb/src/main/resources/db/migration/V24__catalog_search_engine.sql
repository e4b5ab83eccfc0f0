-- Catalog search moved to a Lucene index on each node (io.caravel.catalog.CatalogIndex); the SQL term
-- table it replaces goes. What the index follows is catalog_change (V24_1, per database: its sequence
-- is spelled differently).
DROP TABLE catalog_term;
