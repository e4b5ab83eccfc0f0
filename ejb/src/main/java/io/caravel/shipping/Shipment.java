package io.caravel.shipping;

import io.caravel.platform.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An order's parcel handed to a carrier: the waybill and the consignee as printed on it (China's CEB511). */
@Entity(name = "Shipment")
@Table(name = "shipment")
public class Shipment {

    @Id
    private String id;
    @Column(name = "order_id", nullable = false)
    private String orderId;
    @Column(nullable = false)
    private String carrier;
    @Column(nullable = false)
    private String waybill;
    @Column(name = "consignee_name", nullable = false)
    private String consigneeName;
    @Column(name = "consignee_address", nullable = false)
    private String consigneeAddress;
    @Column(name = "weight_grams")
    private Integer weightGrams;
    @Column(name = "created_by", nullable = false)
    private String createdBy;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Shipment() {
    }

    public Shipment(String orderId, String carrier, String waybill, Carrier.Parcel parcel, String createdBy, Instant now) {
        this.id = Ids.newId();
        this.orderId = orderId;
        this.carrier = carrier;
        this.waybill = waybill;
        this.consigneeName = parcel.consigneeName();
        this.consigneeAddress = parcel.consigneeAddress();
        this.weightGrams = parcel.weightGrams();
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    public String id() { return id; }
    public String orderId() { return orderId; }
    public String carrier() { return carrier; }
    public String waybill() { return waybill; }
    public String consigneeName() { return consigneeName; }
    public String consigneeAddress() { return consigneeAddress; }
    public Integer weightGrams() { return weightGrams; }
    public Instant createdAt() { return createdAt; }
}
