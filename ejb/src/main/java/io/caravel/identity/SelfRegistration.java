package io.caravel.identity;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The account part of a sign-up anyone may make (a seller's first user, a creator): user name, password, name, e-mail. */
public abstract class SelfRegistration {

    @NotBlank(message = "{caravel.user.username.required}")
    @Pattern(regexp = "[a-z0-9][a-z0-9._-]{2,63}", message = "{caravel.user.username.pattern}")
    private String username;
    @NotNull(message = "{caravel.user.password.required}")
    @Size(min = 12, max = 200, message = "{caravel.user.password.size}")
    private String password;
    @NotBlank(message = "{caravel.user.displayName.required}")
    @Size(max = 200, message = "{caravel.user.displayName.size}")
    private String displayName;
    @NotBlank(message = "{caravel.user.email.invalid}")
    @Email(message = "{caravel.user.email.invalid}")
    private String email;

    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
}
