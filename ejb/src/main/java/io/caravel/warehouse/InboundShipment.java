package io.caravel.warehouse;

import io.caravel.platform.Ids;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Goods a seller sends to an overseas warehouse (头程), counted in there line by line. */
@Entity(name = "InboundShipment")
@Table(name = "inbound_shipment")
public class InboundShipment {

    @Id
    private String id;
    @Column(name = "seller_id", nullable = false)
    private String sellerId;
    @Column(name = "warehouse_id", nullable = false)
    private String warehouseId;
    private String carrier;
    private String tracking;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private InboundStatus status;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "created_by", nullable = false)
    private String createdBy;
    @Column(name = "closed_at")
    private Instant closedAt;
    @Column(name = "closed_by")
    private String closedBy;
    @Column(name = "receipt_note")
    private String receiptNote;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "inbound_line", joinColumns = @JoinColumn(name = "shipment_id"))
    @OrderBy("lineNo")
    private List<InboundLine> lines = new ArrayList<>();
    @Version
    private int version;

    protected InboundShipment() {
    }

    InboundShipment(String sellerId, String warehouseId, String carrier, String tracking, List<InboundLine> lines,
                    String by, Instant now) {
        this.id = Ids.newId();
        this.sellerId = sellerId;
        this.warehouseId = warehouseId;
        this.carrier = carrier;
        this.tracking = tracking;
        this.lines.addAll(lines);
        this.status = InboundStatus.IN_TRANSIT;
        this.createdBy = by;
        this.createdAt = now;
    }

    void received(boolean discrepancy, String note, String by, Instant now) {
        close(discrepancy ? InboundStatus.RECEIVED_WITH_DISCREPANCY : InboundStatus.RECEIVED, by, now);
        this.receiptNote = note;
    }

    void cancelled(String by, Instant now) {
        close(InboundStatus.CANCELLED, by, now);
    }

    private void close(InboundStatus to, String by, Instant now) {
        this.status = to;
        this.closedBy = by;
        this.closedAt = now;
    }

    public String id() { return id; }
    public String sellerId() { return sellerId; }
    public String warehouseId() { return warehouseId; }
    public String carrier() { return carrier; }
    public String tracking() { return tracking; }
    public InboundStatus status() { return status; }
    public Instant createdAt() { return createdAt; }
    public String createdBy() { return createdBy; }
    public Instant closedAt() { return closedAt; }
    public String closedBy() { return closedBy; }
    public String receiptNote() { return receiptNote; }
    public List<InboundLine> lines() { return lines; }
    public int version() { return version; }
}
