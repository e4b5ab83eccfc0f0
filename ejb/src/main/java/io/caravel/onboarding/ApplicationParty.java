package io.caravel.onboarding;

import io.caravel.platform.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A director or beneficial owner named in an application. */
@Entity(name = "ApplicationParty")
@Table(name = "application_party")
public class ApplicationParty {

    @Id
    private String id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "application_id")
    private SellerApplication application;

    @Enumerated(EnumType.STRING)
    @Column(name = "party_role", nullable = false)
    private PartyRole partyRole;

    @Column(name = "full_name", nullable = false)
    private String fullName;

    @Column(name = "date_of_birth")
    private LocalDate dateOfBirth;

    private String nationality;

    @Column(name = "share_percent")
    private BigDecimal sharePercent;

    protected ApplicationParty() {
    }

    ApplicationParty(SellerApplication application, ApplicationData.Party party) {
        this.id = Ids.newId();
        this.application = application;
        this.partyRole = party.getRole();
        this.fullName = party.getName().trim();
        this.dateOfBirth = party.getDateOfBirth();
        this.nationality = party.getNationality();
        this.sharePercent = party.getSharePercent();
    }

    public PartyRole role() { return partyRole; }
    public String fullName() { return fullName; }
    public LocalDate dateOfBirth() { return dateOfBirth; }
    public String nationality() { return nationality; }
    public BigDecimal sharePercent() { return sharePercent; }
}
