package io.caravel.identity.web;

import io.caravel.identity.IdentityService;
import io.caravel.identity.NewUser;
import io.caravel.identity.TemporaryPassword;
import io.caravel.identity.UserView;
import io.caravel.platform.Caller;
import io.caravel.platform.CaravelException;
import io.caravel.platform.PageRequest;
import io.caravel.platform.Roles;
import io.caravel.platform.web.ui.FacesMessages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The administrator's Users page: every account with its roles and state; create a user, disable or
 * enable one, reset a password (the one-time password is shown here once) and change roles. Every
 * change goes through {@link IdentityService}, which audits it.
 */
@Named
@ViewScoped
public class UserAdminBean implements Serializable {

    @Inject
    private IdentityService identity;

    @Inject
    private Caller caller;

    private transient List<UserView> users;

    private String username;
    private String displayName;
    private String email;
    private String sellerId;
    private List<String> roles = new ArrayList<>();
    private String password;
    private boolean passwordChangeRequired = true;

    /** The user whose roles are being edited, with the new roles and seller. */
    private String editing;
    private List<String> editRoles = new ArrayList<>();
    private String editSellerId;

    /** Shown once, on the answer to the reset; never kept in the view state or replicated with the session. */
    private transient TemporaryPassword lastReset;

    public List<UserView> getUsers() {
        if (users == null) {
            users = identity.list(PageRequest.of(PageRequest.MAX_LIMIT, null)).items();
        }
        return users;
    }

    public List<String> getAllRoles() {
        return Roles.ALL;
    }

    /** The roles a new account may get; creators register themselves (screened), so theirs is not among them. */
    public List<String> getNewUserRoles() {
        return Roles.ALL.stream().filter(r -> !Roles.CREATOR.equals(r)).toList();
    }

    public void create() {
        try {
            NewUser user = new NewUser(trim(username), password, displayName == null ? "" : displayName,
                    blankToNull(email), blankToNull(sellerId), new LinkedHashSet<>(roles));
            user.setPasswordChangeRequired(passwordChangeRequired);
            identity.create(user, caller);
            lastReset = null;
            FacesMessages.info("admin.created");
            username = displayName = email = sellerId = password = null;
            roles = new ArrayList<>();
            passwordChangeRequired = true;
            users = null;
        } catch (CaravelException e) {
            FacesMessages.error(e, "create:");
        }
    }

    // Row actions name their user by a request parameter rendered with the row, not by the row's
    // index: the list may have changed (another administrator) between showing it and the click.

    public void disable() {
        String user = chosenUser();
        act(() -> identity.disable(user, caller), "admin.disabled");
    }

    public void enable() {
        String user = chosenUser();
        act(() -> identity.enable(user, caller), "admin.enabled-again");
    }

    public void resetPassword() {
        String user = chosenUser();
        act(() -> identity.resetPassword(user, caller), "admin.reset-done");
    }

    public void edit() {
        identity.user(chosenUser()).ifPresent(user -> {
            editing = user.username();
            editRoles = new ArrayList<>(user.roles());
            editSellerId = user.sellerId();
        });
        users = null;
    }

    public void saveRoles() {
        act(() -> identity.changeRoles(editing, new LinkedHashSet<>(editRoles), blankToNull(editSellerId), caller),
                "admin.roles-saved");
        if (!jakarta.faces.context.FacesContext.getCurrentInstance().isValidationFailed()) {
            editing = null;
        }
    }

    public void cancelEdit() {
        editing = null;
    }

    public boolean isYourself(UserView user) {
        return user.username().equals(caller.username());
    }

    private void act(java.util.function.Supplier<?> change, String confirmation) {
        try {
            Object result = change.get();
            lastReset = result instanceof TemporaryPassword reset ? reset : null;
            FacesMessages.info(confirmation);
            users = null;
        } catch (CaravelException e) {
            FacesMessages.error(e, null);
        }
    }

    private static String chosenUser() {
        return jakarta.faces.context.FacesContext.getCurrentInstance().getExternalContext()
                .getRequestParameterMap().get("user");
    }

    private static String trim(String value) {
        return value == null ? null : value.trim();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getSellerId() { return sellerId; }
    public void setSellerId(String sellerId) { this.sellerId = sellerId; }
    public List<String> getRoles() { return roles; }
    public void setRoles(List<String> roles) { this.roles = roles; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public boolean isPasswordChangeRequired() { return passwordChangeRequired; }
    public void setPasswordChangeRequired(boolean required) { this.passwordChangeRequired = required; }
    public String getEditing() { return editing; }
    public List<String> getEditRoles() { return editRoles; }
    public void setEditRoles(List<String> editRoles) { this.editRoles = editRoles; }
    public String getEditSellerId() { return editSellerId; }
    public void setEditSellerId(String editSellerId) { this.editSellerId = editSellerId; }
    public TemporaryPassword getLastReset() { return lastReset; }
}
