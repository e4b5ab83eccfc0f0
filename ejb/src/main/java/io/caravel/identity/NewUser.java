package io.caravel.identity;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;

/**
 * What an administrator gives to create a user account. A plain class rather than a record:
 * Payara's OpenAPI generator fails on constraint annotations of record components.
 */
public class NewUser {

    public static final String USERNAME_PATTERN = "[a-z0-9][a-z0-9._-]{2,63}";

    @NotBlank(message = "{caravel.user.username.required}")
    @Pattern(regexp = USERNAME_PATTERN, message = "{caravel.user.username.pattern}")
    private String username;

    @NotNull(message = "{caravel.user.password.required}")
    @Size(min = 12, max = 200, message = "{caravel.user.password.size}")
    private String password;

    @NotBlank(message = "{caravel.user.displayName.required}")
    @Size(max = 200, message = "{caravel.user.displayName.size}")
    private String displayName;

    @Email(message = "{caravel.user.email.invalid}")
    @Size(max = 254, message = "{caravel.user.email.invalid}")
    private String email;

    private String sellerId;

    @NotEmpty(message = "{caravel.user.roles.required}")
    private Set<String> roles;

    /** The user must replace the given password at the first sign-in (for a password handed over). */
    private boolean passwordChangeRequired;

    public NewUser() {
    }

    public NewUser(String username, String password, String displayName, String email, String sellerId, Set<String> roles) {
        this.username = username;
        this.password = password;
        this.displayName = displayName;
        this.email = email;
        this.sellerId = sellerId;
        this.roles = roles;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getSellerId() {
        return sellerId;
    }

    public void setSellerId(String sellerId) {
        this.sellerId = sellerId;
    }

    public Set<String> getRoles() {
        return roles;
    }

    public void setRoles(Set<String> roles) {
        this.roles = roles;
    }

    public boolean isPasswordChangeRequired() {
        return passwordChangeRequired;
    }

    public void setPasswordChangeRequired(boolean passwordChangeRequired) {
        this.passwordChangeRequired = passwordChangeRequired;
    }
}
