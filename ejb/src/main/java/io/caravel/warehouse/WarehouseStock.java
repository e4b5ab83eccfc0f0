package io.caravel.warehouse;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/**
 * The units of one product kept at one warehouse: raised by counted inbound receipts, lowered by orders
 * (one conditional update each, so two orders never sell the same unit), raised again by orders not paid.
 */
@Entity(name = "WarehouseStock")
@Table(name = "warehouse_stock")
@IdClass(WarehouseStock.Key.class)
public class WarehouseStock {

    @Id
    @Column(name = "warehouse_id")
    private String warehouseId;
    @Id
    @Column(name = "product_id")
    private String productId;
    @Column(name = "seller_id", nullable = false)
    private String sellerId;
    @Column(name = "on_hand", nullable = false)
    private int onHand;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected WarehouseStock() {
    }

    WarehouseStock(String warehouseId, String productId, String sellerId, int onHand, Instant now) {
        this.warehouseId = warehouseId;
        this.productId = productId;
        this.sellerId = sellerId;
        this.onHand = onHand;
        this.updatedAt = now;
    }

    void add(int units, Instant now) {
        onHand += units;
        updatedAt = now;
    }

    public String warehouseId() { return warehouseId; }
    public String productId() { return productId; }
    public String sellerId() { return sellerId; }
    public int onHand() { return onHand; }
    public Instant updatedAt() { return updatedAt; }

    /** The primary key: warehouse and product. */
    public static class Key implements Serializable {
        private String warehouseId;
        private String productId;

        public Key() {
        }

        public Key(String warehouseId, String productId) {
            this.warehouseId = warehouseId;
            this.productId = productId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.warehouseId.equals(warehouseId) && k.productId.equals(productId);
        }

        @Override
        public int hashCode() {
            return warehouseId.hashCode() * 31 + productId.hashCode();
        }
    }
}
