package io.caravel.creator;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A creator's referral code for one listing (one per creator and listing): orders placed with it are
 * attributed to the creator. Sponsored content must say so (disclosed); a sponsored link without the
 * disclosure is a platform-rules risk event.
 */
@Entity(name = "CreatorLink")
@Table(name = "creator_link")
public class CreatorLink {

    @Id
    private String code;
    @Column(name = "creator_id", nullable = false)
    private String creatorId;
    @Column(name = "listing_id", nullable = false)
    private String listingId;
    @Column(name = "seller_id", nullable = false)
    private String sellerId;
    private boolean sponsored;
    private boolean disclosed;
    @Column(name = "content_url")
    private String contentUrl;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Version
    private int version;

    protected CreatorLink() {
    }

    CreatorLink(String code, String creatorId, String listingId, String sellerId, Instant now) {
        this.code = code;
        this.creatorId = creatorId;
        this.listingId = listingId;
        this.sellerId = sellerId;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Sets what the content says of itself. */
    void describe(boolean sponsored, boolean disclosed, String contentUrl, Instant now) {
        this.sponsored = sponsored;
        this.disclosed = disclosed;
        this.contentUrl = contentUrl;
        this.updatedAt = now;
    }

    boolean missingDisclosure() {
        return sponsored && !disclosed;
    }

    public String code() { return code; }
    public String creatorId() { return creatorId; }
    public String listingId() { return listingId; }
    public String sellerId() { return sellerId; }
    public boolean sponsored() { return sponsored; }
    public boolean disclosed() { return disclosed; }
    public String contentUrl() { return contentUrl; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
}
