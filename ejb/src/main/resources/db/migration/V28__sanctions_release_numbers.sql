-- Each release of a sanctions list gets its number in the order it was loaded (1, 2, ...): the list's history is
-- ordered by it. The time of loading cannot order it: MariaDB through MySQL Connector/J keeps whole seconds, so
-- two releases loaded in one second tied. Releases already loaded are numbered by their time of loading; V28_1
-- (per database) makes the number required.
ALTER TABLE sanctions_list_version ADD COLUMN release_no INTEGER;
UPDATE sanctions_list_version SET release_no = (
    SELECT r.n FROM (SELECT id, ROW_NUMBER() OVER (PARTITION BY list_source ORDER BY loaded_at, id) AS n
                     FROM sanctions_list_version) r
    WHERE r.id = sanctions_list_version.id);
CREATE UNIQUE INDEX ux_list_version_release ON sanctions_list_version (list_source, release_no);
