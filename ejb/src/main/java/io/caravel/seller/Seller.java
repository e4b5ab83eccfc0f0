package io.caravel.seller;

import io.caravel.platform.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A company that sells through Caravel (merchant, supplier or creator); its users act for it. */
@Entity(name = "Seller")
@Table(name = "seller")
public class Seller {

    @Id
    private String id;

    @Column(name = "legal_name", nullable = false)
    private String legalName;

    @Column(nullable = false)
    private String country;

    /** The platform's own store (self-operated, first party): the same checks, no marketplace payout. */
    @jakarta.persistence.Column(name = "first_party")
    private boolean firstParty;
    @jakarta.persistence.Column(name = "listings_limited")
    private boolean listingsLimited;

    @Enumerated(EnumType.STRING)
    @Column(name = "operating_model", nullable = false)
    private OperatingModel operatingModel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SellerStatus status;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    private int version;

    protected Seller() {
    }

    public Seller(String legalName, String country, OperatingModel operatingModel, SellerStatus status, Instant createdAt) {
        this.id = Ids.newId();
        this.legalName = legalName;
        this.country = country;
        this.operatingModel = operatingModel;
        this.status = status;
        this.createdAt = createdAt;
    }

    public void activate() {
        status = SellerStatus.ACTIVE;
    }

    public void reject() {
        status = SellerStatus.REJECTED;
    }

    /** A review limited the account: no new listings until it is lifted (existing ones stay and may be revised). */
    public void limitListings() {
        listingsLimited = true;
    }

    /** Marks the account as the platform's own store. */
    public void markFirstParty() {
        this.firstParty = true;
    }

    public boolean firstParty() {
        return firstParty;
    }

    public boolean listingsLimited() {
        return listingsLimited;
    }

    public void suspend() {
        status = SellerStatus.SUSPENDED;
    }

    public String id() {
        return id;
    }

    public String legalName() {
        return legalName;
    }

    public String country() {
        return country;
    }

    public OperatingModel operatingModel() {
        return operatingModel;
    }

    public SellerStatus status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
