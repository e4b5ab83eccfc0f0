package io.caravel.identity;

/**
 * What decides whether a signed-in session may go on: the account is enabled, and the access epoch
 * it signed in at is still the account's (a reset, a password or role change, disabling move it on);
 * a user whose password was reset may only choose a new one. With the seller the account acts for (if any), read
 * from the same row, so a signed-in request knows its whole caller without another lookup; and what a remembered
 * password check is keyed by ({@code credentialStamp}: the access epoch and the password's hash, null for a disabled
 * account), so a changed or reset password never matches a check made before it.
 */
public record SignInState(boolean enabled, boolean passwordChangeRequired, int accessEpoch, String sellerId,
                          String credentialStamp) {

    /** Without the stamp, which holds the password's hash. */
    @Override
    public String toString() {
        return "SignInState[enabled=" + enabled + ", passwordChangeRequired=" + passwordChangeRequired + ", accessEpoch="
                + accessEpoch + ", sellerId=" + sellerId + "]";
    }
}
