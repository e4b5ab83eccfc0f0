package io.caravel.identity;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.caravel.audit.AuditTrail;
import io.caravel.platform.Caller;
import io.caravel.platform.CaravelException;
import io.caravel.platform.Ids;
import io.caravel.platform.Uploads;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Bearer tokens for integrators: a user issues a named token (valid 1 to 365 days, 90 by default)
 * and sends it as {@code Authorization: Bearer cvl_...}; the call acts as that user with the user's
 * roles at the time of the call. The token is 256 random bits, shown once; the database keeps its
 * SHA-256 digest (a stolen table yields no usable token). Revoking one (its owner or an admin), an
 * expired one, or a disabled account ends it at the next call, on every node.
 */
@Stateless
public class ApiTokens {

    public static final String PREFIX = "cvl_";
    static final int DEFAULT_DAYS = 90;
    static final int MAX_DAYS = 365;
    static final int MAX_ACTIVE = 20;
    /** How often a token's last use is written (not on every call). */
    private static final Duration USE_RECORDED_EVERY = Duration.ofMinutes(5);
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "caravel")
    private EntityManager em;

    @Inject
    private AuditTrail audit;

    @Inject
    private IdentityService identity;

    private final Clock clock = Clock.systemUTC();

    /** A token as its owner sees it: never the token itself. */
    public record TokenView(String id, String username, String name, String prefix, Instant createdAt, Instant expiresAt,
                            Instant lastUsedAt, Instant revokedAt, String revokedBy) {
        static TokenView of(ApiToken t) {
            return new TokenView(t.id(), t.username(), t.name(), t.tokenPrefix(), t.createdAt(), t.expiresAt(),
                    t.lastUsedAt(), t.revokedAt(), t.revokedBy());
        }
    }

    /** A new token with its secret, which is never shown again. */
    @Schema(name = "IssuedApiToken")
    public record Issued(TokenView token, String secret) {
    }

    /** Whose a valid token is: the user and the user's roles now. */
    public record Bearer(String username, Set<String> roles) {
    }

    /** Issues a token for the caller; {@code days} null is {@value #DEFAULT_DAYS}. */
    public Issued issue(Caller caller, String name, Integer days) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 100) {
            throw CaravelException.invalid("name", "error.token.name", 100);
        }
        int valid = days == null ? DEFAULT_DAYS : days;
        if (valid < 1 || valid > MAX_DAYS) {
            throw CaravelException.invalid("days", "error.token.days", 1, MAX_DAYS);
        }
        Instant now = clock.instant();
        long active = em.createQuery("select count(t) from ApiToken t where t.username = :u and t.revokedAt is null"
                        + " and t.expiresAt > :now", Long.class)
                .setParameter("u", caller.username()).setParameter("now", now).getSingleResult();
        if (active >= MAX_ACTIVE) {
            throw CaravelException.conflict("error.token.too-many", MAX_ACTIVE);
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        ApiToken token = new ApiToken(Ids.newId(), caller.username(), trimmed, digest(secret),
                secret.substring(0, PREFIX.length() + 4), now, now.plus(Duration.ofDays(valid)));
        em.persist(token);
        audit.record(caller.username(), "API_TOKEN_ISSUED", "user", caller.username(),
                "token " + token.id() + " \"" + trimmed + "\" until " + token.expiresAt());
        return new Issued(TokenView.of(token), secret);
    }

    /** The caller's tokens (an admin: any user's), newest first, revoked and expired ones included. */
    public List<TokenView> list(Caller caller, String username) {
        String whose = username == null || username.isBlank() ? caller.username() : username.strip();
        if (!whose.equals(caller.username()) && !caller.isAdmin()) {
            throw CaravelException.forbidden();
        }
        return em.createQuery("select t from ApiToken t where t.username = :u order by t.createdAt desc", ApiToken.class)
                .setParameter("u", whose).setMaxResults(200).getResultStream().map(TokenView::of).toList();
    }

    /** Revokes a token: its owner or an admin; revoking it again changes nothing. Another user's is 404. */
    public TokenView revoke(Caller caller, String id) {
        ApiToken token = id == null ? null : em.find(ApiToken.class, id);
        if (token == null || (!token.username().equals(caller.username()) && !caller.isAdmin())) {
            throw CaravelException.notFound("token", id);
        }
        if (token.revokedAt() == null) {
            token.revoke(caller.username(), clock.instant());
            audit.record(caller.username(), "API_TOKEN_REVOKED", "user", token.username(), "token " + token.id());
        }
        return TokenView.of(token);
    }

    /** Who a token speaks for; empty for an unknown, revoked or expired token or a disabled account. */
    public Optional<Bearer> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<ApiToken> found = em.createQuery("select t from ApiToken t where t.tokenHash = :h", ApiToken.class)
                .setParameter("h", digest(secret)).getResultStream().findFirst().filter(t -> t.activeAt(now));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ApiToken token = found.get();
        Optional<Set<String>> roles = identity.enabledRoles(token.username());
        if (roles.isEmpty()) {
            return Optional.empty();
        }
        if (token.lastUsedAt() == null || token.lastUsedAt().isBefore(now.minus(USE_RECORDED_EVERY))) {
            token.used(now);
        }
        return Optional.of(new Bearer(token.username(), roles.get()));
    }

    private static String digest(String secret) {
        return Uploads.sha256(secret.getBytes(StandardCharsets.UTF_8));
    }
}
