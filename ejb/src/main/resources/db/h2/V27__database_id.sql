-- A random name for this database, written once when it is created: what a node keeps beside the
-- database (its catalog search index) says which database it was made from, and is rebuilt when it
-- meets another one (the same data folder pointed at a new database, a restored copy of another).
CREATE TABLE caravel_database (
    id  VARCHAR(36) NOT NULL PRIMARY KEY
);
INSERT INTO caravel_database (id) VALUES (CAST(RANDOM_UUID() AS VARCHAR(36)));
