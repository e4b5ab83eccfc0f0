package io.caravel.listing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A brand owner's permission for another seller to list its brand. */
@Entity(name = "BrandAuthorization")
@Table(name = "brand_authorization")
@IdClass(BrandAuthorization.Key.class)
public class BrandAuthorization {

    @Id
    @Column(name = "brand_id")
    private String brandId;
    @Id
    @Column(name = "seller_id")
    private String sellerId;
    @Column(name = "granted_at", nullable = false)
    private Instant grantedAt;

    protected BrandAuthorization() {
    }

    BrandAuthorization(String brandId, String sellerId, Instant grantedAt) {
        this.brandId = brandId;
        this.sellerId = sellerId;
        this.grantedAt = grantedAt;
    }

    public String brandId() { return brandId; }
    public String sellerId() { return sellerId; }
    public Instant grantedAt() { return grantedAt; }

    /** The primary key: brand and seller. */
    public static class Key implements Serializable {
        private String brandId;
        private String sellerId;

        public Key() {
        }

        public Key(String brandId, String sellerId) {
            this.brandId = brandId;
            this.sellerId = sellerId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(brandId, k.brandId) && Objects.equals(sellerId, k.sellerId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(brandId, sellerId);
        }
    }
}
