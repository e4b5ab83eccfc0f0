-- Ongoing sanctions monitoring: every new list release re-screens every active seller in the background
-- (a run, resumable: its cursor moves in the same transaction as the alerts it raised), a new hit is an
-- alert on the seller's account review, and a hit an officer cleared is remembered for that seller's
-- name and that list entry as it was written (its fingerprint).
CREATE TABLE screening_clearance (
    id                VARCHAR(36)   NOT NULL PRIMARY KEY,
    seller_id         VARCHAR(36)   NOT NULL,
    name_key          VARCHAR(300)  NOT NULL,
    list_source       VARCHAR(20)   NOT NULL,
    ent_num           BIGINT        NOT NULL,
    entry_fingerprint VARCHAR(64)   NOT NULL,
    reason            VARCHAR(1000) NOT NULL,
    cleared_by        VARCHAR(100)  NOT NULL,
    cleared_at        TIMESTAMP(6)  NOT NULL
);
CREATE INDEX ix_clearance_seller ON screening_clearance (seller_id, list_source, ent_num);

CREATE TABLE rescreen_run (
    id            VARCHAR(36)  NOT NULL PRIMARY KEY,
    list_source   VARCHAR(20)  NOT NULL,
    version_id    VARCHAR(36)  NOT NULL,
    version       VARCHAR(80)  NOT NULL,
    status        VARCHAR(10)  NOT NULL,
    after_seller  VARCHAR(36),
    sellers_total INTEGER      NOT NULL,
    sellers_done  INTEGER      NOT NULL,
    names         INTEGER      NOT NULL,
    alerts        INTEGER      NOT NULL,
    started_at    TIMESTAMP(6) NOT NULL,
    finished_at   TIMESTAMP(6),
    CONSTRAINT uq_rescreen_version UNIQUE (version_id)
);

CREATE TABLE monitoring_alert (
    id                 VARCHAR(36)      NOT NULL PRIMARY KEY,
    run_id             VARCHAR(36)      NOT NULL,
    seller_id          VARCHAR(36)      NOT NULL,
    screened_name      VARCHAR(300)     NOT NULL,
    party_role         VARCHAR(20)      NOT NULL,
    list_source        VARCHAR(20)      NOT NULL,
    ent_num            BIGINT           NOT NULL,
    listed_name        VARCHAR(400)     NOT NULL,
    matched_name       VARCHAR(400)     NOT NULL,
    score              DOUBLE PRECISION NOT NULL,
    list_version       VARCHAR(80)      NOT NULL,
    entry_fingerprint  VARCHAR(64)      NOT NULL,
    found_at           TIMESTAMP(6)     NOT NULL,
    disposition        VARCHAR(20),
    disposition_reason VARCHAR(1000),
    disposed_by        VARCHAR(100),
    disposed_at        TIMESTAMP(6)
);
CREATE INDEX ix_alert_seller ON monitoring_alert (seller_id, disposition);

-- A hit's score after the party's date of birth and nationality were compared with the listed entry's,
-- and what raised or lowered it ("CODE|delta|detail" per line); null on matches screened before.
ALTER TABLE screening_match ADD COLUMN final_score DOUBLE PRECISION;
ALTER TABLE screening_match ADD COLUMN adjustments VARCHAR(1000);
ALTER TABLE screening_match ADD COLUMN discounted BOOLEAN DEFAULT FALSE NOT NULL;
-- Why the names matched: their forms and word pairs ("queryForm|listedForm|q=l=similarity ...|unmatched|unmatched").
ALTER TABLE screening_match ADD COLUMN explanation VARCHAR(1000);
