package io.caravel.customs;

import io.caravel.casework.SellerCase;
import io.caravel.platform.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** The customs declaration of one paid order: its documents (JSON), what the last check found, and where it stands. */
@Entity(name = "CustomsDeclaration")
@Table(name = "customs_declaration")
public class CustomsDeclaration implements SellerCase {

    @Id
    private String id;
    @Column(name = "order_id", nullable = false)
    private String orderId;
    @Column(name = "seller_id", nullable = false)
    private String sellerId;
    @Column(nullable = false)
    private String regime;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DeclarationStatus status;
    @Lob
    private String documents;
    @Lob
    private String findings;
    @Column(name = "hold_reason")
    private String holdReason;
    @Column(name = "process_instance_id")
    private String processInstanceId;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Version
    private int version;

    protected CustomsDeclaration() {
    }

    CustomsDeclaration(String orderId, String sellerId, String regime, Instant now) {
        this.id = Ids.newId();
        this.orderId = orderId;
        this.sellerId = sellerId;
        this.regime = regime;
        this.status = DeclarationStatus.AWAITING_WAYBILL;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void started(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void built(String documents, Instant now) {
        this.documents = documents;
        status = DeclarationStatus.BUILT;
        updatedAt = now;
    }

    void checked(String findings, Instant now) {
        this.findings = findings;
        updatedAt = now;
    }

    void corrected(String documents, Instant now) {
        this.documents = documents;
        updatedAt = now;
    }

    void moved(DeclarationStatus status, String holdReason, Instant now) {
        this.status = status;
        this.holdReason = holdReason;
        updatedAt = now;
    }

    @Override public String id() { return id; }
    @Override public String sellerId() { return sellerId; }
    @Override public int version() { return version; }
    public String orderId() { return orderId; }
    public String regime() { return regime; }
    public DeclarationStatus status() { return status; }
    public String documents() { return documents; }
    public String findings() { return findings; }
    public String holdReason() { return holdReason; }
    public String processInstanceId() { return processInstanceId; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
}
