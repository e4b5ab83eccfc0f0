package io.caravel.warehouse;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One product of an inbound shipment: the units the seller declared and, once counted, the units received. */
@Embeddable
public class InboundLine {

    @Column(name = "line_no", nullable = false)
    private int lineNo;
    @Column(name = "product_id", nullable = false)
    private String productId;
    @Column(nullable = false)
    private String title;
    @Column(nullable = false)
    private int declared;
    private Integer received;

    protected InboundLine() {
    }

    InboundLine(int lineNo, String productId, String title, int declared) {
        this.lineNo = lineNo;
        this.productId = productId;
        this.title = title;
        this.declared = declared;
    }

    void received(int units) {
        this.received = units;
    }

    public int lineNo() { return lineNo; }
    public String productId() { return productId; }
    public String title() { return title; }
    public int declared() { return declared; }
    public Integer received() { return received; }
}
