package io.caravel.listing;

import io.caravel.catalog.ProductDetails;
import io.caravel.platform.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A brand registered by its owner; only the owner and the sellers it authorises may list it without review. */
@Entity(name = "Brand")
@Table(name = "brand")
public class Brand {

    @Id
    private String id;
    @Column(nullable = false)
    private String name;
    @Column(name = "name_key", nullable = false)
    private String nameKey;
    @Column(name = "owner_seller_id", nullable = false)
    private String ownerSellerId;
    private String trademark;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Brand() {
    }

    Brand(String name, String ownerSellerId, String trademark, Instant createdAt) {
        this.id = Ids.newId();
        this.name = name.trim();
        this.nameKey = ProductDetails.brandKey(name);
        this.ownerSellerId = ownerSellerId;
        this.trademark = trademark;
        this.createdAt = createdAt;
    }


    public String id() { return id; }
    public String name() { return name; }
    public String nameKey() { return nameKey; }
    public String ownerSellerId() { return ownerSellerId; }
    public String trademark() { return trademark; }
    public Instant createdAt() { return createdAt; }
}
