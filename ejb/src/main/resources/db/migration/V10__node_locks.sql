-- Named locks that nodes of a cluster take (SELECT ... FOR UPDATE on a row) around work that must
-- not run on two nodes at once: creating the workflow engine's tables at the first start, and
-- loading the demo data.
CREATE TABLE caravel_lock (
    name VARCHAR(64) NOT NULL PRIMARY KEY
);
INSERT INTO caravel_lock (name) VALUES ('engine-start');
INSERT INTO caravel_lock (name) VALUES ('demo');
