package io.caravel.order;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;

/** One line of an order as sold: the product's revision, price and HS code, where its units were taken from and who ships it. */
@Entity(name = "OrderLine")
@Table(name = "order_line")
@IdClass(OrderLine.Key.class)
public class OrderLine {

    /** Order and line number. */
    public static class Key implements Serializable {
        private String orderId;
        private int lineNo;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.orderId.equals(orderId) && k.lineNo == lineNo;
        }

        @Override
        public int hashCode() {
            return Objects.hash(orderId, lineNo);
        }
    }

    @Id
    @Column(name = "order_id")
    private String orderId;
    @Id
    @Column(name = "line_no")
    private int lineNo;
    @Column(name = "product_id", nullable = false)
    private String productId;
    @Column(name = "product_revision", nullable = false)
    private int productRevision;
    @Column(nullable = false)
    private String title;
    @Column(name = "hs_code", nullable = false)
    private String hsCode;
    @Column(name = "origin_country")
    private String originCountry;
    @Column(nullable = false)
    private int quantity;
    @Column(name = "unit_price", nullable = false)
    private BigDecimal unitPrice;
    @Column(nullable = false)
    private String currency;
    @Column(name = "stock_product_id", nullable = false)
    private String stockProductId;
    @Column(nullable = false)
    private String location;
    @Column(name = "fulfilled_by", nullable = false)
    private String fulfilledBy;
    /** The overseas warehouse the units were taken from; null: the seller's (or supplier's) own warehouse. */
    @Column(name = "warehouse_id")
    private String warehouseId;

    protected OrderLine() {
    }

    OrderLine(String orderId, int lineNo, QuoteView.Line line, String stockProductId, String fulfilledBy) {
        this.orderId = orderId;
        this.lineNo = lineNo;
        this.productId = line.productId();
        this.productRevision = line.revision();
        this.title = line.title();
        this.hsCode = line.hsCode();
        this.originCountry = line.originCountry();
        this.quantity = line.quantity();
        this.unitPrice = line.unitPrice().amount();
        this.currency = line.unitPrice().currency();
        this.stockProductId = stockProductId;
        this.location = line.shipsFrom();
        this.fulfilledBy = fulfilledBy;
        this.warehouseId = line.warehouse() == null ? null : line.warehouse().id();
    }

    public String orderId() { return orderId; }
    public int lineNo() { return lineNo; }
    public String productId() { return productId; }
    public String title() { return title; }
    public String hsCode() { return hsCode; }
    public int quantity() { return quantity; }
    public String stockProductId() { return stockProductId; }
    public String location() { return location; }
    public String fulfilledBy() { return fulfilledBy; }
    public String warehouseId() { return warehouseId; }
}
