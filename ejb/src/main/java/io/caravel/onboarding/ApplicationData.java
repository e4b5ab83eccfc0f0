package io.caravel.onboarding;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.caravel.seller.ProductCategory;
import io.caravel.seller.OperatingModel;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What a seller enters in the application form. A draft may be incomplete; formats are checked at
 * every save, completeness when the application is submitted.
 */
public class ApplicationData implements java.io.Serializable {

    @Size(max = 200, message = "{caravel.application.text.size}")
    private String legalName;
    @Size(max = 200, message = "{caravel.application.text.size}")
    private String tradingName;
    @Pattern(regexp = "[A-Za-z]{2}", message = "{caravel.application.country}")
    private String country;
    @Size(max = 100, message = "{caravel.application.text.size}")
    private String registrationNumber;
    @Size(max = 100, message = "{caravel.application.text.size}")
    private String taxId;
    @Size(max = 500, message = "{caravel.application.text.size}")
    private String address;
    @Email(message = "{caravel.user.email.invalid}")
    @Size(max = 254, message = "{caravel.user.email.invalid}")
    private String contactEmail;
    @Pattern(regexp = "\\+?[0-9 ()-]{5,30}", message = "{caravel.application.phone}")
    private String contactPhone;
    private Set<OperatingModel> operatingModels;
    private ProductCategory mainCategory;
    private Set<ProductCategory> otherCategories;
    @PositiveOrZero(message = "{caravel.application.amount}")
    private Long expectedYearlySalesEur;
    @PositiveOrZero(message = "{caravel.application.amount}")
    private Long expectedYearlyOrders;
    @Pattern(regexp = "[A-Za-z]{2}[0-9]{2}[A-Za-z0-9 ]{8,36}", message = "{caravel.application.iban}")
    private String bankAccount;
    @Valid
    @Size(max = 50, message = "{caravel.application.parties.size}")
    private List<Party> parties;

    /** A director or beneficial owner. */
    @Schema(name = "ApplicationParty")
    public static class Party implements java.io.Serializable {
        @NotNull(message = "{caravel.application.party.role}")
        private PartyRole role;
        @NotBlank(message = "{caravel.application.party.name}")
        @Size(max = 200, message = "{caravel.application.text.size}")
        private String name;
        private LocalDate dateOfBirth;
        @Pattern(regexp = "[A-Z]{2}", message = "{caravel.application.country}")
        private String nationality;
        @DecimalMin(value = "0", message = "{caravel.application.share}")
        @DecimalMax(value = "100", message = "{caravel.application.share}")
        private BigDecimal sharePercent;

        public Party() {
        }

        public Party(PartyRole role, String name, LocalDate dateOfBirth, String nationality, BigDecimal sharePercent) {
            this.role = role;
            this.name = name;
            this.dateOfBirth = dateOfBirth;
            this.nationality = nationality;
            this.sharePercent = sharePercent;
        }

        public PartyRole getRole() { return role; }
        public void setRole(PartyRole role) { this.role = role; }
        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public LocalDate getDateOfBirth() { return dateOfBirth; }
        public void setDateOfBirth(LocalDate dateOfBirth) { this.dateOfBirth = dateOfBirth; }
        public String getNationality() { return nationality; }
        public void setNationality(String nationality) { this.nationality = nationality; }
        public BigDecimal getSharePercent() { return sharePercent; }
        public void setSharePercent(BigDecimal sharePercent) { this.sharePercent = sharePercent; }
    }

    public String getLegalName() { return legalName; }
    public void setLegalName(String legalName) { this.legalName = legalName; }
    public String getTradingName() { return tradingName; }
    public void setTradingName(String tradingName) { this.tradingName = tradingName; }
    public String getCountry() { return country; }
    public void setCountry(String country) { this.country = country; }
    public String getRegistrationNumber() { return registrationNumber; }
    public void setRegistrationNumber(String registrationNumber) { this.registrationNumber = registrationNumber; }
    public String getTaxId() { return taxId; }
    public void setTaxId(String taxId) { this.taxId = taxId; }
    public String getAddress() { return address; }
    public void setAddress(String address) { this.address = address; }
    public String getContactEmail() { return contactEmail; }
    public void setContactEmail(String contactEmail) { this.contactEmail = contactEmail; }
    public String getContactPhone() { return contactPhone; }
    public void setContactPhone(String contactPhone) { this.contactPhone = contactPhone; }
    public Set<OperatingModel> getOperatingModels() { return operatingModels; }
    public void setOperatingModels(Set<OperatingModel> operatingModels) { this.operatingModels = operatingModels; }
    public Set<ProductCategory> getOtherCategories() { return otherCategories; }
    public void setOtherCategories(Set<ProductCategory> otherCategories) { this.otherCategories = otherCategories; }
    public ProductCategory getMainCategory() { return mainCategory; }
    public void setMainCategory(ProductCategory mainCategory) { this.mainCategory = mainCategory; }
    public Long getExpectedYearlySalesEur() { return expectedYearlySalesEur; }
    public void setExpectedYearlySalesEur(Long expectedYearlySalesEur) { this.expectedYearlySalesEur = expectedYearlySalesEur; }
    public Long getExpectedYearlyOrders() { return expectedYearlyOrders; }
    public void setExpectedYearlyOrders(Long expectedYearlyOrders) { this.expectedYearlyOrders = expectedYearlyOrders; }
    public String getBankAccount() { return bankAccount; }
    public void setBankAccount(String bankAccount) { this.bankAccount = bankAccount; }
    public List<Party> getParties() { return parties; }
    public void setParties(List<Party> parties) { this.parties = parties; }
}
