package io.caravel.listing;

import io.caravel.casework.SellerCase;
import io.caravel.catalog.ProductDetails;
import io.caravel.platform.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A seller's product as the seller edits it (the working copy). What buyers see is the catalog's
 * snapshot of the last published revision; {@code live} says whether there is one.
 */
@Entity(name = "Listing")
@Table(name = "listing")
public class Listing implements SellerCase {

    @Id
    private String id;
    @Column(name = "seller_id", nullable = false, updatable = false)
    private String sellerId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ListingStatus status;
    @Column(nullable = false)
    private boolean live;
    @Column(nullable = false)
    private int revision;
    @Embedded
    private ProductDetails product = new ProductDetails();
    /** What the seller was last told by the review (never a reviewer's internal note). */
    @Column(name = "review_note")
    private String sellerMessage;
    @Column(name = "process_instance_id")
    private String processInstanceId;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Column(name = "submitted_at")
    private Instant submittedAt;
    @Version
    private int version;

    protected Listing() {
    }

    Listing(String sellerId, Instant now) {
        this.id = Ids.newId();
        this.sellerId = sellerId;
        this.status = ListingStatus.DRAFT;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Takes the form's values; a change to a listing that is decided (published, rejected...) makes it a draft again. */
    void update(ProductDetails details, Instant now) {
        product = details.normalized();
        updatedAt = now;
        if (status != ListingStatus.CHANGES_REQUIRED) {
            status = ListingStatus.DRAFT;
        }
    }

    /** The product as the seller last saved it (a copy to edit). */
    public ProductDetails product() {
        return product == null ? new ProductDetails() : product.copy();
    }

    void submitted(Instant now) {
        status = ListingStatus.PENDING;
        revision++;
        submittedAt = now;
        sellerMessage = null;
    }

    void reviewStarted(String processInstance) {
        processInstanceId = processInstance;
    }

    void published() {
        status = ListingStatus.PUBLISHED;
        live = true;
        sellerMessage = null;
    }

    void rejected(String message) {
        status = ListingStatus.REJECTED;
        sellerMessage = message;
    }

    void changesRequired(String whatToFix) {
        status = ListingStatus.CHANGES_REQUIRED;
        sellerMessage = whatToFix;
    }

    /** Taken out of the catalog; a listing with a change under review keeps its status. */
    void unpublished(String message) {
        live = false;
        if (status == ListingStatus.PUBLISHED) {
            status = ListingStatus.UNPUBLISHED;
        }
        sellerMessage = message;
    }

    public String id() { return id; }
    public String sellerId() { return sellerId; }
    public ListingStatus status() { return status; }
    public boolean live() { return live; }
    public int revision() { return revision; }
    public String sellerMessage() { return sellerMessage; }
    public String processInstanceId() { return processInstanceId; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public Instant submittedAt() { return submittedAt; }
    public int version() { return version; }

    /** A title for lists and the inbox: English, else Chinese. */
    public String displayTitle() {
        return product == null ? null : product.getDisplayTitle();
    }
}
