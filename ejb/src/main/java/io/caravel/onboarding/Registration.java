package io.caravel.onboarding;

import io.caravel.seller.OperatingModel;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new seller signs up: the company and its first user. */
public class Registration {

    @NotBlank(message = "{caravel.application.legalName.required}")
    @Size(max = 200, message = "{caravel.application.text.size}")
    private String companyName;
    @NotNull(message = "{caravel.application.country}")
    @Pattern(regexp = "[A-Za-z]{2}", message = "{caravel.application.country}")
    private String country;
    @NotNull(message = "{caravel.application.operatingModel.required}")
    private OperatingModel operatingModel;
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

    public String getCompanyName() { return companyName; }
    public void setCompanyName(String companyName) { this.companyName = companyName; }
    public String getCountry() { return country; }
    public void setCountry(String country) { this.country = country; }
    public OperatingModel getOperatingModel() { return operatingModel; }
    public void setOperatingModel(OperatingModel operatingModel) { this.operatingModel = operatingModel; }
    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
}
