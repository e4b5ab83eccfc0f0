package io.caravel.dispute;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.caravel.casework.SellerCase;
import io.caravel.payment.ChargebackReport;
import io.caravel.platform.Ids;
import io.caravel.platform.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A dispute about one line of an order (line 0: a chargeback of the whole payment): who opened it and why, what the buyer claims (at most what
 * the line cost with its share of shipping and taxes), the seller's answer, the decision and any
 * appeal, what was refunded, and the deadlines it was given by the rules of its day.
 */
@Entity(name = "Dispute")
@Table(name = "dispute")
public class Dispute implements SellerCase {

    /** The seller's answer. */
    @Schema(name = "DisputeAnswer")
    public enum Answer { ACCEPT, CONTEST }

    /** A decision on a contested dispute or an appeal. */
    @Schema(name = "DisputeDecision")
    public enum Decision { BUYER, SELLER, SPLIT }

    @Id
    private String id;
    @Column(name = "order_id", nullable = false)
    private String orderId;
    @Column(name = "line_no", nullable = false)
    private int lineNo;
    @Column(nullable = false)
    private String buyer;
    @Column(name = "seller_id", nullable = false)
    private String sellerId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DisputeSource source;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DisputeReason reason;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DisputeStatus status;
    /** A chargeback's reference at the payment provider, its stage and the provider's due date. */
    @Column(name = "provider_ref")
    private String providerRef;
    @Enumerated(EnumType.STRING)
    @Column(name = "stage")
    private ChargebackReport.Stage stage;
    @Column(name = "provider_due")
    private Instant providerDue;
    @Column(nullable = false)
    private String currency;
    @Column(name = "claimed_amount", nullable = false)
    private BigDecimal claimedAmount;
    @Column(name = "max_amount", nullable = false)
    private BigDecimal maxAmount;
    @Column(name = "refunded_amount", nullable = false)
    private BigDecimal refundedAmount = BigDecimal.ZERO;
    /** What the buyer gets back by the seller's acceptance or the latest decision. */
    @Column(name = "settlement_amount")
    private BigDecimal settlementAmount;
    @Column(nullable = false)
    private String description;
    @Enumerated(EnumType.STRING)
    @Column(name = "seller_answer")
    private Answer sellerAnswer;
    @Column(name = "return_waybill")
    private String returnWaybill;
    @Enumerated(EnumType.STRING)
    @Column(name = "decision")
    private Decision decision;
    @Column(name = "decided_by")
    private String decidedBy;
    @Column(name = "appealed_by")
    private String appealedBy;
    @Enumerated(EnumType.STRING)
    @Column(name = "appeal_decision")
    private Decision appealDecision;
    @Column(name = "seller_deadline", nullable = false)
    private Instant sellerDeadline;
    @Column(name = "appeal_deadline")
    private Instant appealDeadline;
    @Column(name = "rule_version", nullable = false)
    private int ruleVersion;
    @Column(name = "idempotency_key", nullable = false)
    private String idempotencyKey;
    @Column(name = "request_hash", nullable = false)
    private String requestHash;
    @Column(name = "process_instance_id")
    private String processInstanceId;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "resolved_at")
    private Instant resolvedAt;
    @Column(name = "closed_at")
    private Instant closedAt;
    @Version
    private int version;

    protected Dispute() {
    }

    Dispute(String orderId, int lineNo, String buyer, String sellerId, DisputeSource source, DisputeReason reason,
            Money claimed, BigDecimal maxAmount, String description, Instant sellerDeadline, int ruleVersion,
            String idempotencyKey, String requestHash, Instant now) {
        this.id = Ids.newId();
        this.orderId = orderId;
        this.lineNo = lineNo;
        this.buyer = buyer;
        this.sellerId = sellerId;
        this.source = source;
        this.reason = reason;
        this.status = DisputeStatus.OPEN;
        this.currency = claimed.currency();
        this.claimedAmount = claimed.amount();
        this.maxAmount = maxAmount;
        this.description = description;
        this.sellerDeadline = sellerDeadline;
        this.ruleVersion = ruleVersion;
        this.idempotencyKey = idempotencyKey;
        this.requestHash = requestHash;
        this.createdAt = now;
    }

    void chargeback(String providerRef, ChargebackReport.Stage stage, Instant providerDue) {
        this.providerRef = providerRef;
        this.stage = stage;
        this.providerDue = providerDue;
    }

    void sellerDeadlineMoved(Instant deadline) {
        this.sellerDeadline = deadline;
    }

    void started(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void status(DisputeStatus status) {
        this.status = status;
    }

    void answered(Answer answer, String returnWaybill) {
        this.sellerAnswer = answer;
        this.returnWaybill = returnWaybill;
    }

    void settlement(BigDecimal amount) {
        this.settlementAmount = amount;
    }

    void decided(Decision decision, String by, Instant appealDeadline) {
        this.decision = decision;
        this.decidedBy = by;
        this.appealDeadline = appealDeadline;
    }

    void appealed(String by) {
        this.appealedBy = by;
        this.status = DisputeStatus.APPEALED;
    }

    void appealDecided(Decision decision) {
        this.appealDecision = decision;
    }

    void refunded(BigDecimal total) {
        this.refundedAmount = total;
    }

    void resolved(DisputeStatus outcome, Instant at) {
        this.status = outcome;
        this.resolvedAt = at;
    }

    void closed(Instant at) {
        this.status = DisputeStatus.CLOSED;
        this.closedAt = at;
    }

    @Override public String id() { return id; }
    @Override public String sellerId() { return sellerId; }
    @Override public int version() { return version; }
    public String orderId() { return orderId; }
    public int lineNo() { return lineNo; }
    public String buyer() { return buyer; }
    public DisputeSource source() { return source; }
    public DisputeReason reason() { return reason; }
    public DisputeStatus status() { return status; }
    public String providerRef() { return providerRef; }
    public ChargebackReport.Stage stage() { return stage; }
    public Instant providerDue() { return providerDue; }
    public Money claimed() { return new Money(claimedAmount, currency); }
    public Money maxAmount() { return new Money(maxAmount, currency); }
    public Money refunded() { return new Money(refundedAmount, currency); }
    public Money settlement() { return Money.of(settlementAmount, currency); }
    public String description() { return description; }
    public Answer sellerAnswer() { return sellerAnswer; }
    public String returnWaybill() { return returnWaybill; }
    public Decision decision() { return decision; }
    public String decidedBy() { return decidedBy; }
    public String appealedBy() { return appealedBy; }
    public Decision appealDecision() { return appealDecision; }
    public Instant sellerDeadline() { return sellerDeadline; }
    public Instant appealDeadline() { return appealDeadline; }
    public int ruleVersion() { return ruleVersion; }
    public String idempotencyKey() { return idempotencyKey; }
    public String requestHash() { return requestHash; }
    public String processInstanceId() { return processInstanceId; }
    public Instant createdAt() { return createdAt; }
    public Instant resolvedAt() { return resolvedAt; }
    public Instant closedAt() { return closedAt; }
}
