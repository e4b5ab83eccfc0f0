package io.caravel.creator;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What a creator gives to register: the account, the name screened against sanctions lists, where they publish. */
public class CreatorRegistration {

    @NotBlank(message = "{caravel.user.username.required}")
    @Pattern(regexp = "[a-z0-9][a-z0-9._-]{2,63}", message = "{caravel.user.username.pattern}")
    private String username;
    @NotNull(message = "{caravel.user.password.required}")
    @Size(min = 12, max = 200, message = "{caravel.user.password.size}")
    private String password;
    @NotBlank(message = "{caravel.user.displayName.required}")
    @Size(max = 200, message = "{caravel.user.displayName.size}")
    private String displayName;
    @NotBlank(message = "{caravel.creator.legalName}")
    @Size(max = 200, message = "{caravel.application.text.size}")
    private String legalName;
    @NotNull(message = "{caravel.application.country}")
    @Pattern(regexp = "[A-Za-z]{2}", message = "{caravel.application.country}")
    private String country;
    @NotBlank(message = "{caravel.user.email.invalid}")
    @Email(message = "{caravel.user.email.invalid}")
    private String email;
    @Size(max = 500, message = "{caravel.application.text.size}")
    @Pattern(regexp = "^(https://\\S+)?$", message = "{caravel.creator.url}")
    private String channelUrl;

    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public String getLegalName() { return legalName; }
    public void setLegalName(String legalName) { this.legalName = legalName; }
    public String getCountry() { return country; }
    public void setCountry(String country) { this.country = country; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getChannelUrl() { return channelUrl; }
    public void setChannelUrl(String channelUrl) { this.channelUrl = channelUrl; }
}
