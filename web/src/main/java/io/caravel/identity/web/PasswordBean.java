package io.caravel.identity.web;

import io.caravel.identity.IdentityService;
import io.caravel.identity.SignInState;
import io.caravel.platform.Caller;
import io.caravel.platform.CaravelException;
import io.caravel.platform.web.ui.FacesMessages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpSession;

/**
 * The signed-in user's own password: with the current one (after a reset, the one-time password)
 * and the new one twice. A user whose password was reset is sent here before any other page.
 */
@Named
@RequestScoped
public class PasswordBean {

    @Inject
    private IdentityService identity;

    @Inject
    private Caller caller;

    private String current;
    private String newPassword;
    private String confirmation;

    /** True when an administrator reset the password and nothing else is open until it is changed. */
    public boolean isRequired() {
        return identity.signInState(caller.username()).map(SignInState::passwordChangeRequired).orElse(false);
    }

    public String change() {
        if (newPassword == null || !newPassword.equals(confirmation)) {
            FacesMessages.field("password:confirmation", "error.password.mismatch");
            return null;
        }
        try {
            identity.changeOwnPassword(caller.username(), current, newPassword);
        } catch (CaravelException e) {
            FacesMessages.error(e, "password:");
            return null;
        }
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        // the change ended the account's sessions; this one, which made it, goes on
        identity.signInState(caller.username())
                .ifPresent(state -> CaravelAuthenticationMechanism.keepSession((HttpSession) external.getSession(true), state));
        FacesMessages.info("password.changed");
        current = newPassword = confirmation = null;
        return null;
    }

    public String getCurrent() { return current; }
    public void setCurrent(String current) { this.current = current; }
    public String getNewPassword() { return newPassword; }
    public void setNewPassword(String newPassword) { this.newPassword = newPassword; }
    public String getConfirmation() { return confirmation; }
    public void setConfirmation(String confirmation) { this.confirmation = confirmation; }
}
