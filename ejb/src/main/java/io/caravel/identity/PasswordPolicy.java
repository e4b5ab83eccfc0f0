package io.caravel.identity;

import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a password must be: long (12 to 200 characters), not made of a few repeated characters or a
 * run on the keyboard or the digits, not built on the user name or on words everybody tries first. No
 * rules about character classes: length beats them (NIST SP 800-63B).
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 200;
    private static final int MIN_DISTINCT = 6;
    /** What must be left of a password without the first guesses in it ("the right password" is fine, "password123" not). */
    private static final int MIN_REST = 8;
    private static final List<String> FIRST_GUESSES = List.of("password", "passwort", "qwerty", "azerty", "letmein",
            "welcome", "caravel", "admin", "123456", "abc123", "iloveyou", "changeme", "secret");
    private static final String TEMPORARY_ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordPolicy() {
    }

    /** The message key ({@code error.password.*}) of the first rule this password breaks, if any. */
    public static Optional<String> violation(String username, String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("error.password.too-short");
        }
        if (password.codePointCount(0, password.length()) > MAX_LENGTH) {
            return Optional.of("error.password.too-long");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && username.length() >= 3 && lower.contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of("error.password.contains-username");
        }
        String rest = lower;
        for (String guess : FIRST_GUESSES) {
            rest = rest.replace(guess, "");
        }
        if (rest.codePointCount(0, rest.length()) < MIN_REST) {
            return Optional.of("error.password.common");
        }
        if (password.codePoints().distinct().count() < MIN_DISTINCT || mostlyARun(password)) {
            return Optional.of("error.password.too-simple");
        }
        return Optional.empty();
    }

    /** A one-time password for a reset: 20 random letters and digits (about 115 bits), in groups of five. */
    public static String temporary() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            if (i > 0 && i % 5 == 0) {
                password.append('-');
            }
            password.append(TEMPORARY_ALPHABET.charAt(RANDOM.nextInt(TEMPORARY_ALPHABET.length())));
        }
        return password.toString();
    }

    /** Three quarters or more of the steps between neighbours repeat a character or go one up or down ("123456789012"). */
    private static boolean mostlyARun(String password) {
        int[] points = password.codePoints().toArray();
        int steps = 0;
        for (int i = 1; i < points.length; i++) {
            if (Math.abs(points[i] - points[i - 1]) <= 1) {
                steps++;
            }
        }
        return steps * 4 >= (points.length - 1) * 3;
    }
}
