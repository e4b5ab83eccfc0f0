package io.caravel.listing;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.caravel.platform.Ids;
import io.caravel.risk.RiskCategory;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The result of one automatic check on one submitted revision of a listing, with its reason. */
@Entity(name = "ListingCheck")
@Table(name = "listing_check")
public class ListingCheck {

    /** PROHIBITED rejects the listing; REVIEW sends it to a compliance officer; PASSED is recorded evidence. */
    @Schema(name = "CheckOutcome")
    public enum Outcome { PROHIBITED, REVIEW, PASSED }

    @Id
    private String id;
    @Column(name = "listing_id", nullable = false)
    private String listingId;
    @Column(nullable = false)
    private int revision;
    @Column(nullable = false)
    private String code;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Outcome outcome;
    @Enumerated(EnumType.STRING)
    @Column(name = "risk_category", nullable = false)
    private RiskCategory riskCategory;
    private String detail;
    @Column(name = "checked_at", nullable = false)
    private Instant checkedAt;

    protected ListingCheck() {
    }

    ListingCheck(String listingId, int revision, CheckResult result, Instant checkedAt) {
        this.id = Ids.newId();
        this.listingId = listingId;
        this.revision = revision;
        this.code = result.code();
        this.outcome = result.outcome();
        this.riskCategory = result.category();
        this.detail = result.detail() == null || result.detail().length() <= 1000 ? result.detail()
                : result.detail().substring(0, 1000);
        this.checkedAt = checkedAt;
    }

    public String id() { return id; }
    public String listingId() { return listingId; }
    public int revision() { return revision; }
    public String code() { return code; }
    public Outcome outcome() { return outcome; }
    public RiskCategory riskCategory() { return riskCategory; }
    public String detail() { return detail; }
    public Instant checkedAt() { return checkedAt; }
}
