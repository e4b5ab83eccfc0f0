package io.caravel.onboarding;

import io.caravel.casework.SellerCase;
import io.caravel.platform.Ids;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A seller's KYB application (EU DSA Art. 30 / US INFORM data): company, contact, business profile,
 * bank account, the people behind the company, and the outcome of the compliance workflow.
 */
@Entity(name = "SellerApplication")
@Table(name = "seller_application")
public class SellerApplication implements SellerCase {

    @Id
    private String id;

    @Column(name = "seller_id", nullable = false, updatable = false)
    private String sellerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ApplicationStatus status;

    @Column(name = "legal_name")
    private String legalName;
    @Column(name = "trading_name")
    private String tradingName;
    private String country;
    @Column(name = "registration_number")
    private String registrationNumber;
    @Column(name = "tax_id")
    private String taxId;
    private String address;
    @Column(name = "contact_email")
    private String contactEmail;
    @Column(name = "contact_phone")
    private String contactPhone;
    @Column(name = "operating_models")
    private String operatingModels;
    @Column(name = "main_category")
    private String mainCategory;
    @Column(name = "other_categories")
    private String otherCategories;
    @Column(name = "expected_yearly_sales_eur")
    private Long expectedYearlySalesEur;
    @Column(name = "expected_yearly_orders")
    private Long expectedYearlyOrders;
    @Column(name = "bank_account")
    private String bankAccount;

    @Column(name = "risk_level")
    private String riskLevel;
    @Column(name = "risk_reasons")
    private String riskReasons;
    @Column(name = "screening_hit")
    private Boolean screeningHit;
    @Column(name = "screening_top_score")
    private Double screeningTopScore;
    @Column(name = "screening_list_version")
    private String screeningListVersion;
    private String questions;
    @Column(name = "seller_answer")
    private String sellerAnswer;
    private String decision;
    /** What the seller was told with the decision (never the decider's internal note). */
    @Column(name = "decision_reason")
    private String decisionMessage;
    @Column(name = "process_instance_id")
    private String processInstanceId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "submitted_at")
    private Instant submittedAt;
    @Column(name = "information_requested_at")
    private Instant informationRequestedAt;
    /** How many documents the application had when information was last asked for (a new one answers it). */
    @Column(name = "documents_at_request")
    private Integer documentsAtRequest;
    @Column(name = "decided_at")
    private Instant decidedAt;
    @Column(name = "recertify_at")
    private Instant recertifyAt;

    @OneToMany(mappedBy = "application", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("partyRole, fullName")
    private List<ApplicationParty> parties = new ArrayList<>();

    @Version
    private int version;

    protected SellerApplication() {
    }

    public SellerApplication(String sellerId, Instant createdAt) {
        this.id = Ids.newId();
        this.sellerId = sellerId;
        this.status = ApplicationStatus.DRAFT;
        this.createdAt = createdAt;
    }

    /** Replaces the application's data with what the seller entered (drafts may be incomplete). */
    void update(ApplicationData data) {
        legalName = data.getLegalName();
        tradingName = data.getTradingName();
        country = data.getCountry() == null ? null : data.getCountry().toUpperCase(java.util.Locale.ROOT);
        registrationNumber = data.getRegistrationNumber();
        taxId = data.getTaxId();
        address = data.getAddress();
        contactEmail = data.getContactEmail();
        contactPhone = data.getContactPhone();
        operatingModels = data.getOperatingModels() == null ? null
                : String.join(",", data.getOperatingModels().stream().map(Enum::name).sorted().toList());
        mainCategory = data.getMainCategory() == null ? null : data.getMainCategory().name();
        otherCategories = data.getOtherCategories() == null || data.getOtherCategories().isEmpty() ? null
                : String.join(",", data.getOtherCategories().stream().map(Enum::name).sorted().toList());
        expectedYearlySalesEur = data.getExpectedYearlySalesEur();
        expectedYearlyOrders = data.getExpectedYearlyOrders();
        // the account is only ever shown masked: an empty field keeps the stored one
        if (data.getBankAccount() != null && !data.getBankAccount().isBlank()) {
            bankAccount = data.getBankAccount().replace(" ", "").toUpperCase(java.util.Locale.ROOT);
        }
        parties.clear();
        if (data.getParties() != null) {
            for (ApplicationData.Party party : data.getParties()) {
                parties.add(new ApplicationParty(this, party));
            }
        }
    }

    void submitted(Instant at, String processInstance) {
        status = ApplicationStatus.IN_REVIEW;
        submittedAt = at;
        processInstanceId = processInstance;
    }

    void screened(boolean hit, double topScore, String listVersion) {
        screeningHit = hit;
        screeningTopScore = topScore;
        screeningListVersion = listVersion;
    }

    void assessed(String level, String reasons) {
        riskLevel = level;
        riskReasons = reasons;
    }

    void informationRequested(String message, Instant at, int documents) {
        status = ApplicationStatus.INFORMATION_REQUESTED;
        questions = message;
        informationRequestedAt = at;
        documentsAtRequest = documents;
    }

    void answered(String answer) {
        status = ApplicationStatus.IN_REVIEW;
        sellerAnswer = answer;
    }

    void decided(ApplicationStatus outcome, String decisionCode, String message, Instant at) {
        status = outcome;
        decision = decisionCode;
        decisionMessage = message;
        decidedAt = at;
    }

    void recertifyAt(Instant at) {
        recertifyAt = at;
    }

    public String id() { return id; }
    public String sellerId() { return sellerId; }
    public ApplicationStatus status() { return status; }
    public String legalName() { return legalName; }
    public String tradingName() { return tradingName; }
    public String country() { return country; }
    public String registrationNumber() { return registrationNumber; }
    public String taxId() { return taxId; }
    public String address() { return address; }
    public String contactEmail() { return contactEmail; }
    public String contactPhone() { return contactPhone; }
    public String operatingModels() { return operatingModels; }
    public String mainCategory() { return mainCategory; }
    public List<String> otherCategories() { return otherCategories == null ? List.of() : List.of(otherCategories.split(",")); }
    public Long expectedYearlySalesEur() { return expectedYearlySalesEur; }
    public Long expectedYearlyOrders() { return expectedYearlyOrders; }
    public String bankAccount() { return bankAccount; }
    public String riskLevel() { return riskLevel; }
    public String riskReasons() { return riskReasons; }
    public Boolean screeningHit() { return screeningHit; }
    public Double screeningTopScore() { return screeningTopScore; }
    public String screeningListVersion() { return screeningListVersion; }
    public String questions() { return questions; }
    public String sellerAnswer() { return sellerAnswer; }
    public String decision() { return decision; }
    public String decisionMessage() { return decisionMessage; }
    public Instant requestedAt() { return informationRequestedAt; }
    public int documentsAtRequest() { return documentsAtRequest == null ? 0 : documentsAtRequest; }
    public String processInstanceId() { return processInstanceId; }
    public Instant createdAt() { return createdAt; }
    public Instant submittedAt() { return submittedAt; }
    public Instant decidedAt() { return decidedAt; }
    public Instant recertifyAt() { return recertifyAt; }
    public List<ApplicationParty> parties() { return List.copyOf(parties); }
    public int version() { return version; }
}
