package io.caravel.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A published product changed (published, replaced, taken down, restocked overseas): its search entry is out of date. */
@Entity(name = "CatalogChange")
@Table(name = "catalog_change")
public class CatalogChange {

    /** Numbered by the database as the row is inserted (CatalogService writes it). */
    @Id
    private Long seq;
    @Column(name = "product_id", nullable = false, insertable = false, updatable = false)
    private String productId;
    @Column(name = "changed_at", nullable = false, insertable = false, updatable = false)
    private Instant changedAt;

    protected CatalogChange() {
    }

    public long seq() {
        return seq;
    }

    public String productId() {
        return productId;
    }
}
