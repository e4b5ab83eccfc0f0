package io.caravel.identity;

import jakarta.validation.constraints.NotNull;

/** A user's own new password, with the current one (after a reset: the one-time password). */
public class PasswordChange {

    @NotNull(message = "{caravel.user.password.required}")
    private String currentPassword;

    @NotNull(message = "{caravel.user.password.required}")
    private String newPassword;

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }
}
