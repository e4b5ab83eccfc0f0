package io.caravel.listing;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.caravel.catalog.ProductDetails;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * One submitted revision of a listing, as it was submitted: what the checks found (their verdict)
 * and how the review ended. Kept for good, so a reviewer sees what changed since an earlier outcome,
 * and only a reviewed revision is ever published.
 */
@Entity(name = "ListingRevision")
@Table(name = "listing_revision")
@IdClass(ListingRevision.Key.class)
public class ListingRevision {

    /** What the automatic checks of a revision found. */
    public enum Verdict { CLEAN, REVIEW, PROHIBITED }

    /** How the review of a revision ended (TAKEN_DOWN: an officer took the published revision out of the catalog). */
    @Schema(name = "ReviewOutcome")
    public enum Outcome { PUBLISHED, CHANGES_REQUIRED, REJECTED, TAKEN_DOWN, CLOSED }

    @Id
    @Column(name = "listing_id")
    private String listingId;
    @Id
    private int revision;
    @Embedded
    private ProductDetails product;
    @Column(name = "submitted_by", nullable = false)
    private String submittedBy;
    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;
    @Enumerated(EnumType.STRING)
    private Verdict verdict;
    @Column(name = "checked_at")
    private Instant checkedAt;
    @Enumerated(EnumType.STRING)
    private Outcome outcome;
    @Column(name = "decided_by")
    private String decidedBy;
    @Column(name = "decided_at")
    private Instant decidedAt;

    protected ListingRevision() {
    }

    ListingRevision(Listing listing, String submittedBy, Instant at) {
        this.listingId = listing.id();
        this.revision = listing.revision();
        this.product = listing.product();
        this.submittedBy = submittedBy;
        this.submittedAt = at;
    }

    void checked(Verdict found, Instant at) {
        verdict = found;
        checkedAt = at;
    }

    void decided(Outcome how, String by, Instant at) {
        outcome = how;
        decidedBy = by;
        decidedAt = at;
    }

    /** Whether this revision was flagged by a check or sent back, rejected or taken down by a person. */
    public boolean flagged() {
        return verdict != null && verdict != Verdict.CLEAN
                || outcome == Outcome.CHANGES_REQUIRED || outcome == Outcome.REJECTED || outcome == Outcome.TAKEN_DOWN;
    }

    public String listingId() { return listingId; }
    public int revision() { return revision; }
    public ProductDetails product() { return product == null ? new ProductDetails() : product.copy(); }
    public String submittedBy() { return submittedBy; }
    public Instant submittedAt() { return submittedAt; }
    public Verdict verdict() { return verdict; }
    public Instant checkedAt() { return checkedAt; }
    public Outcome outcome() { return outcome; }
    public String decidedBy() { return decidedBy; }
    public Instant decidedAt() { return decidedAt; }

    /** The primary key: listing and revision number. */
    public static class Key implements Serializable {
        private String listingId;
        private int revision;

        public Key() {
        }

        public Key(String listingId, int revision) {
            this.listingId = listingId;
            this.revision = revision;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.listingId.equals(listingId) && k.revision == revision;
        }

        @Override
        public int hashCode() {
            return Objects.hash(listingId, revision);
        }
    }
}
