-- Sanctions lists as versioned data: each list Caravel screens against, every release of it that was
-- loaded (with its checksum, date, who loaded it and what changed against the release before), and
-- which list each screening match came from. The files of a release are kept in sanctions_list_file
-- (V21_1, per database: the type of a large binary column differs) so every node loads the active one.
CREATE TABLE sanctions_list (
    list_source       VARCHAR(20) NOT NULL PRIMARY KEY,
    active_version_id VARCHAR(36)
);
INSERT INTO sanctions_list (list_source) VALUES ('OFAC_SDN');
INSERT INTO sanctions_list (list_source) VALUES ('UN_SC');

CREATE TABLE sanctions_list_version (
    id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    list_source VARCHAR(20)  NOT NULL,
    version     VARCHAR(80)  NOT NULL,
    checksum    VARCHAR(64)  NOT NULL,
    entries     INTEGER      NOT NULL,
    published   TIMESTAMP(6),
    loaded_at   TIMESTAMP(6) NOT NULL,
    loaded_by   VARCHAR(100) NOT NULL,
    previous_id VARCHAR(36),
    added       INTEGER      NOT NULL,
    removed     INTEGER      NOT NULL,
    changed     INTEGER      NOT NULL
);
CREATE INDEX ix_list_version_source ON sanctions_list_version (list_source, loaded_at);

CREATE TABLE sanctions_list_change (
    version_id  VARCHAR(36)  NOT NULL,
    ent_num     BIGINT       NOT NULL,
    change_kind VARCHAR(10)  NOT NULL,
    name        VARCHAR(500) NOT NULL,
    party_type  VARCHAR(20)  NOT NULL,
    PRIMARY KEY (version_id, ent_num)
);

ALTER TABLE screening_match ADD COLUMN list_source VARCHAR(20) DEFAULT 'OFAC_SDN' NOT NULL;
