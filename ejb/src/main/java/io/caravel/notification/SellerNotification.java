package io.caravel.notification;

import io.caravel.platform.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A message to a seller: what happened to its case and what it should do, shown in the portal. */
@Entity(name = "SellerNotification")
@Table(name = "seller_notification")
public class SellerNotification {

    @Id
    private String id;
    @Column(name = "seller_id", nullable = false, updatable = false)
    private String sellerId;
    @Column(name = "subject_id", nullable = false, updatable = false)
    private String subjectId;
    @Column(nullable = false, updatable = false)
    private String kind;
    @Column(updatable = false, length = 4000)
    private String detail;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected SellerNotification() {
    }

    SellerNotification(String sellerId, String subjectId, String kind, String detail, Instant createdAt) {
        this.id = Ids.newId();
        this.sellerId = sellerId;
        this.subjectId = subjectId;
        this.kind = kind;
        this.detail = detail;
        this.createdAt = createdAt;
    }

    public String id() { return id; }
    public String subjectId() { return subjectId; }
    public String kind() { return kind; }
    public String detail() { return detail; }
    public Instant createdAt() { return createdAt; }
}
