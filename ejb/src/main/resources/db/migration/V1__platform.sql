-- Caravel application schema, version 1: identity, sellers, audit trail.
-- Portable SQL: runs unchanged on H2 2.x and MySQL 8 / MariaDB 10.11+.

CREATE TABLE seller (
    id              VARCHAR(36)  NOT NULL PRIMARY KEY,
    legal_name      VARCHAR(200) NOT NULL,
    country         CHAR(2)      NOT NULL,
    operating_model VARCHAR(30)  NOT NULL,
    status          VARCHAR(30)  NOT NULL,
    created_at      TIMESTAMP(6) NOT NULL,
    version         INTEGER      NOT NULL
);

CREATE TABLE caravel_user (
    id            VARCHAR(36)  NOT NULL PRIMARY KEY,
    username      VARCHAR(100) NOT NULL,
    password_hash VARCHAR(500) NOT NULL,
    display_name  VARCHAR(200) NOT NULL,
    email         VARCHAR(254),
    seller_id     VARCHAR(36),
    enabled       BOOLEAN      NOT NULL,
    created_at    TIMESTAMP(6) NOT NULL,
    version       INTEGER      NOT NULL,
    CONSTRAINT uq_user_username UNIQUE (username),
    CONSTRAINT fk_user_seller FOREIGN KEY (seller_id) REFERENCES seller (id)
);

CREATE TABLE caravel_user_role (
    user_id   VARCHAR(36) NOT NULL,
    role_name VARCHAR(40) NOT NULL,
    PRIMARY KEY (user_id, role_name),
    CONSTRAINT fk_role_user FOREIGN KEY (user_id) REFERENCES caravel_user (id)
);

-- Append-only: the application only ever inserts here.
CREATE TABLE audit_entry (
    id           VARCHAR(36)   NOT NULL PRIMARY KEY,
    occurred_at  TIMESTAMP(6)  NOT NULL,
    actor        VARCHAR(100)  NOT NULL,
    action       VARCHAR(60)   NOT NULL,
    subject_type VARCHAR(40)   NOT NULL,
    subject_id   VARCHAR(100)  NOT NULL,
    detail       VARCHAR(4000),
    request_id   VARCHAR(64)
);
CREATE INDEX ix_audit_subject ON audit_entry (subject_type, subject_id, occurred_at);
CREATE INDEX ix_audit_time ON audit_entry (occurred_at, id);
