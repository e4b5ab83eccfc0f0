package io.caravel.identity;

/**
 * What decides whether a signed-in session may go on: the account is enabled, and the access epoch
 * it signed in at is still the account's (a reset, a password or role change, disabling move it on);
 * a user whose password was reset may only choose a new one. With the seller the account acts for (if any), read
 * from the same row, so a signed-in request knows its whole caller without another lookup.
 */
public record SignInState(boolean enabled, boolean passwordChangeRequired, int accessEpoch, String sellerId) {
}
