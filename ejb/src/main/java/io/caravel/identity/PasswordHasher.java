package io.caravel.identity;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;

/**
 * PBKDF2 password hashes in the format Jakarta Security's database identity store verifies
 * ({@code algorithm:iterations:salt:hash}). The parameters here must match {@code SecurityConfig}.
 */
@ApplicationScoped
public class PasswordHasher {

    public static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    public static final int ITERATIONS = 120_000;

    @Inject
    private Pbkdf2PasswordHash hash;

    /** A hash of nothing anybody types, to spend the same time on a user who does not exist. */
    private String decoy;

    @PostConstruct
    void configure() {
        hash.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", ALGORITHM,
                "Pbkdf2PasswordHash.Iterations", Integer.toString(ITERATIONS),
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
        decoy = hash.generate(java.util.UUID.randomUUID().toString().toCharArray());
    }

    /**
     * Checks a password against the decoy hash: as slow as checking a real user's, so an answer for an
     * unknown user name cannot be told apart from a wrong password by its time.
     */
    public void checkAgainstDecoy(String password) {
        hash.verify(password.toCharArray(), decoy);
    }

    /** Whether the password is the one this hash was made from. */
    public boolean matches(String password, String storedHash) {
        return hash.verify(password.toCharArray(), storedHash);
    }

    public String hash(String password) {
        return hash.generate(password.toCharArray());
    }
}
