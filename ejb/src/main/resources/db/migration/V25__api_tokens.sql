-- Bearer tokens for integrators (an ERP, a storefront's back end): opaque, shown once, stored as a
-- SHA-256 digest; each acts as its user with the user's current roles until it expires or is revoked.
CREATE TABLE api_token (
    id            VARCHAR(36)  NOT NULL PRIMARY KEY,
    username      VARCHAR(100) NOT NULL,
    name          VARCHAR(100) NOT NULL,
    token_hash    VARCHAR(64)  NOT NULL,
    token_prefix  VARCHAR(12)  NOT NULL,
    created_at    TIMESTAMP(6) NOT NULL,
    expires_at    TIMESTAMP(6) NOT NULL,
    last_used_at  TIMESTAMP(6),
    revoked_at    TIMESTAMP(6),
    revoked_by    VARCHAR(100),
    CONSTRAINT uq_api_token_hash UNIQUE (token_hash)
);
CREATE INDEX ix_api_token_user ON api_token (username, created_at);
