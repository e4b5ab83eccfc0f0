package io.caravel.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** One entry of the catalog's search index: a product contains a term. */
@Entity(name = "CatalogTerm")
@Table(name = "catalog_term")
@IdClass(CatalogTerm.Key.class)
public class CatalogTerm {

    @Id
    private String term;
    @Id
    @Column(name = "product_id")
    private String productId;

    protected CatalogTerm() {
    }

    CatalogTerm(String term, String productId) {
        this.term = term;
        this.productId = productId;
    }

    /** The primary key: term and product. */
    public static class Key implements Serializable {
        private String term;
        private String productId;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(term, k.term) && Objects.equals(productId, k.productId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(term, productId);
        }
    }
}
