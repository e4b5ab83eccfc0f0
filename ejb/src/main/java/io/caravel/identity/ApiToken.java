package io.caravel.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A bearer token of a user: only its SHA-256 digest is kept; the token itself is shown once, when it is issued. */
@Entity(name = "ApiToken")
@Table(name = "api_token")
public class ApiToken {

    @Id
    private String id;
    @Column(nullable = false, updatable = false)
    private String username;
    @Column(nullable = false, updatable = false)
    private String name;
    @Column(name = "token_hash", nullable = false, updatable = false)
    private String tokenHash;
    @Column(name = "token_prefix", nullable = false, updatable = false)
    private String tokenPrefix;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;
    @Column(name = "last_used_at")
    private Instant lastUsedAt;
    @Column(name = "revoked_at")
    private Instant revokedAt;
    @Column(name = "revoked_by")
    private String revokedBy;

    protected ApiToken() {
    }

    ApiToken(String id, String username, String name, String tokenHash, String tokenPrefix, Instant createdAt,
             Instant expiresAt) {
        this.id = id;
        this.username = username;
        this.name = name;
        this.tokenHash = tokenHash;
        this.tokenPrefix = tokenPrefix;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    boolean activeAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }

    void used(Instant now) {
        lastUsedAt = now;
    }

    void revoke(String by, Instant now) {
        revokedAt = now;
        revokedBy = by;
    }

    public String id() { return id; }
    public String username() { return username; }
    public String name() { return name; }
    public String tokenPrefix() { return tokenPrefix; }
    public Instant createdAt() { return createdAt; }
    public Instant expiresAt() { return expiresAt; }
    public Instant lastUsedAt() { return lastUsedAt; }
    public Instant revokedAt() { return revokedAt; }
    public String revokedBy() { return revokedBy; }
}
