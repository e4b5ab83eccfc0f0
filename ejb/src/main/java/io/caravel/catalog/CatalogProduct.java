package io.caravel.catalog;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** The published revision of a listing, as the public catalog serves it; the seller's later edits do not touch it. */
@Entity(name = "CatalogProduct")
@Table(name = "catalog_product")
public class CatalogProduct {

    @Id
    private String id;
    @Column(name = "seller_id", nullable = false)
    private String sellerId;
    @Column(name = "seller_name", nullable = false)
    private String sellerName;
    @Column(nullable = false)
    private int revision;
    @Embedded
    @AttributeOverride(name = "supplierListingId", column = @Column(name = "supplier_product_id"))
    private ProductDetails product;
    @Column(name = "brand_key")
    private String brandKey;
    @Column(name = "image_ids")
    private String imageIds;
    @Column(name = "first_published_at", nullable = false, updatable = false)
    private Instant firstPublishedAt;
    @Column(name = "published_at", nullable = false)
    private Instant publishedAt;

    protected CatalogProduct() {
    }

    CatalogProduct(PublishedProduct p, Instant now) {
        this.id = p.id();
        this.firstPublishedAt = now;
        replace(p, now);
    }

    /** Replaces the served revision with a newer one. */
    void replace(PublishedProduct p, Instant now) {
        sellerId = p.sellerId();
        sellerName = p.sellerName();
        revision = p.revision();
        product = p.product().copy();
        brandKey = product.getBrand() == null ? null : ProductDetails.brandKey(product.getBrand());
        imageIds = String.join(",", p.imageIds());
        publishedAt = now;
    }

    public String id() { return id; }
    public String sellerId() { return sellerId; }
    public String sellerName() { return sellerName; }
    public int revision() { return revision; }
    public Instant firstPublishedAt() { return firstPublishedAt; }
    public Instant publishedAt() { return publishedAt; }

    /** The product as published; the snapshot is only ever replaced as a whole, never changed in place. */
    public ProductDetails product() {
        return product;
    }

    public List<String> imageIds() {
        return imageIds == null || imageIds.isEmpty() ? List.of() : Arrays.asList(imageIds.split(","));
    }
}
