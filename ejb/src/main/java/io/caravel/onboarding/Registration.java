package io.caravel.onboarding;

import io.caravel.identity.SelfRegistration;
import io.caravel.seller.OperatingModel;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new seller signs up: the company and its first user. */
public class Registration extends SelfRegistration {

    @NotBlank(message = "{caravel.application.legalName.required}")
    @Size(max = 200, message = "{caravel.application.text.size}")
    private String companyName;
    @NotNull(message = "{caravel.application.country}")
    @Pattern(regexp = "[A-Za-z]{2}", message = "{caravel.application.country}")
    private String country;
    @NotNull(message = "{caravel.application.operatingModel.required}")
    private OperatingModel operatingModel;

    public String getCompanyName() { return companyName; }
    public void setCompanyName(String companyName) { this.companyName = companyName; }
    public String getCountry() { return country; }
    public void setCountry(String country) { this.country = country; }
    public OperatingModel getOperatingModel() { return operatingModel; }
    public void setOperatingModel(OperatingModel operatingModel) { this.operatingModel = operatingModel; }
}
