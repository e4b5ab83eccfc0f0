package io.caravel.identity.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Passwords this node verified lately, so a signed-in API call does not pay a PBKDF2 check each time.
 * An entry is keyed by an HMAC-SHA256, under a key drawn at random when the node starts and never
 * stored, over the user name, the account's credential stamp (its access epoch and password hash: a new
 * password, a reset, a role change or a disabled account changes or removes it) and the password: a
 * wrong or changed password, or a changed account, never finds an entry. Neither the password nor
 * anything it can be recovered from leaves the HMAC. Entries live {@code caravel.auth.cache-ttl} (a
 * short time, 2 minutes by default; {@code PT0S} turns the cache off), at most
 * {@code caravel.auth.cache-size} of them; each node keeps its own.
 */
@ApplicationScoped
public class VerifiedCredentials {

    private static final String HMAC = "HmacSHA256";

    @Inject
    @ConfigProperty(name = "caravel.auth.cache-ttl", defaultValue = "PT2M")
    String ttl;

    @Inject
    @ConfigProperty(name = "caravel.auth.cache-size", defaultValue = "10000")
    int size;

    private final SecretKeySpec secret;
    private Cache<String, Set<String>> verified;

    public VerifiedCredentials() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        secret = new SecretKeySpec(key, HMAC);
    }

    @PostConstruct
    void start() {
        Duration lifetime = Duration.parse(ttl);
        verified = lifetime.isZero() || lifetime.isNegative() || size <= 0 ? null
                : Caffeine.newBuilder().expireAfterWrite(lifetime).maximumSize(size).build();
    }

    /** The entry key of this user, account stamp and password. */
    String key(String username, String stamp, String password) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(secret);
            for (String part : new String[] {username, stamp, password}) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                mac.update(new byte[] {(byte) (bytes.length >>> 24), (byte) (bytes.length >>> 16), (byte) (bytes.length >>> 8),
                        (byte) bytes.length}); // length-prefixed: no two different triples give the same input
                mac.update(bytes);
            }
            return Base64.getEncoder().encodeToString(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** The groups of a password verified under this key lately, if it was. */
    Optional<Set<String>> groups(String key) {
        return verified == null ? Optional.empty() : Optional.ofNullable(verified.getIfPresent(key));
    }

    /** Remembers a password the identity store just verified, with the groups it gave. */
    void remember(String key, Set<String> groups) {
        if (verified != null) {
            verified.put(key, Set.copyOf(groups));
        }
    }
}
