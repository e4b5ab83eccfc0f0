package io.caravel.identity;

/** The one-time password of a reset, shown to the administrator once; the user must replace it at sign-in. */
public record TemporaryPassword(String username, String temporaryPassword) {
}
