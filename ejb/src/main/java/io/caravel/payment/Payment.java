package io.caravel.payment;

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

/** One payment of an order at a provider, and what the provider reported about it. */
@Entity(name = "Payment")
@Table(name = "payment")
public class Payment {

    public enum Status { PENDING, SUCCEEDED, DECLINED, PARTIALLY_REFUNDED, REFUNDED }

    @Id
    private String id;
    @Column(name = "order_id", nullable = false)
    private String orderId;
    @Column(nullable = false)
    private String buyer;
    @Column(nullable = false)
    private String provider;
    @Column(name = "provider_ref", nullable = false)
    private String providerRef;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;
    @Column(nullable = false)
    private BigDecimal amount;
    @Column(nullable = false)
    private String currency;
    @Column(name = "payer_name")
    private String payerName;
    @Column(name = "payer_id_number")
    private String payerIdNumber;
    @Column(name = "transaction_id")
    private String transactionId;
    @Column(name = "decline_reason")
    private String declineReason;
    @Column(name = "refunded_amount", nullable = false)
    private BigDecimal refundedAmount = BigDecimal.ZERO;
    @Column(name = "refund_id")
    private String refundId;
    @Column(name = "refunded_at")
    private Instant refundedAt;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "completed_at")
    private Instant completedAt;
    @Column(name = "pay_url")
    private String payUrl;
    @Version
    private int version;

    protected Payment() {
    }

    Payment(String orderId, String buyer, String provider, Money amount, Instant now) {
        this.id = Ids.newId();
        this.orderId = orderId;
        this.buyer = buyer;
        this.provider = provider;
        this.amount = amount.amount();
        this.currency = amount.currency();
        this.status = Status.PENDING;
        this.createdAt = now;
    }

    void opened(String providerRef, String payUrl) {
        this.providerRef = providerRef;
        this.payUrl = payUrl;
    }

    void completed(PaymentOutcome outcome) {
        status = outcome.succeeded() ? Status.SUCCEEDED : Status.DECLINED;
        payerName = blank(outcome.payerName());
        payerIdNumber = blank(outcome.payerIdNumber());
        transactionId = blank(outcome.transactionId());
        declineReason = blank(outcome.declineReason());
        completedAt = outcome.at();
    }

    /** A refund of part or all of what is left; refunded in full once nothing is left. */
    void refunded(BigDecimal refunded, String refundId, Instant at) {
        refundedAmount = refundedAmount.add(refunded);
        status = refundedAmount.compareTo(amount) >= 0 ? Status.REFUNDED : Status.PARTIALLY_REFUNDED;
        this.refundId = refundId;
        refundedAt = at;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public String id() { return id; }
    public String orderId() { return orderId; }
    public String buyer() { return buyer; }
    public String provider() { return provider; }
    public String providerRef() { return providerRef; }
    public Status status() { return status; }
    public Money amount() { return new Money(amount, currency); }
    public String payerName() { return payerName; }
    public String payerIdNumber() { return payerIdNumber; }
    public String transactionId() { return transactionId; }
    public String declineReason() { return declineReason; }
    public Instant createdAt() { return createdAt; }
    public Instant completedAt() { return completedAt; }
    public String refundId() { return refundId; }
    /** What has been paid back so far (one or more refunds). */
    public Money refunded() { return new Money(refundedAmount, currency); }
    /** What can still be refunded. */
    public Money refundable() {
        return new Money(status == Status.SUCCEEDED || status == Status.PARTIALLY_REFUNDED ? amount.subtract(refundedAmount)
                : BigDecimal.ZERO, currency);
    }
    public Instant refundedAt() { return refundedAt; }
    /** Where the buyer pays while the payment is pending. */
    public String payUrl() { return payUrl; }
}
