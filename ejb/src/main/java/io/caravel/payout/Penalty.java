package io.caravel.payout;

import io.caravel.platform.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;

/** A fine for a rule breach, deducted by the seller's next payout unless waived first. */
@Entity(name = "Penalty")
@Table(name = "penalty")
public class Penalty {

    /** Imposed and not yet deducted, or waived before a payout deducted it; a deducted one has a payout entry. */
    public enum Status { OPEN, WAIVED }

    @Id
    private String id;
    @Column(name = "seller_id", nullable = false)
    private String sellerId;
    @Column(nullable = false)
    private BigDecimal amount;
    @Column(nullable = false)
    private String currency;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PenaltyReason reason;
    /** What the seller reads. */
    @Column(nullable = false)
    private String explanation;
    @Column(name = "risk_event_id")
    private String riskEventId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "created_by", nullable = false)
    private String createdBy;
    @Column(name = "waived_at")
    private Instant waivedAt;
    @Column(name = "waived_by")
    private String waivedBy;
    @Version
    private int version;

    protected Penalty() {
    }

    Penalty(String sellerId, BigDecimal amount, String currency, PenaltyReason reason, String explanation, String riskEventId,
            Instant now, String by) {
        this.id = Ids.newId();
        this.sellerId = sellerId;
        this.amount = amount;
        this.currency = currency;
        this.reason = reason;
        this.explanation = explanation;
        this.riskEventId = riskEventId;
        this.status = Status.OPEN;
        this.createdAt = now;
        this.createdBy = by;
    }

    void waive(Instant at, String by) {
        this.status = Status.WAIVED;
        this.waivedAt = at;
        this.waivedBy = by;
    }

    public String id() { return id; }
    public String sellerId() { return sellerId; }
    public BigDecimal amount() { return amount; }
    public String currency() { return currency; }
    public PenaltyReason reason() { return reason; }
    public String explanation() { return explanation; }
    public String riskEventId() { return riskEventId; }
    public Status status() { return status; }
    public Instant createdAt() { return createdAt; }
    public String createdBy() { return createdBy; }
    public Instant waivedAt() { return waivedAt; }
}
