package io.caravel.payment;

import io.caravel.platform.Ids;
import io.caravel.platform.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One refund of a payment, made once per refund key (e.g. a dispute's id): asking again with the same
 * key answers this refund and pays nothing more.
 */
@Entity(name = "PaymentRefund")
@Table(name = "payment_refund")
public class PaymentRefund {

    @Id
    private String id;
    @Column(name = "payment_id", nullable = false)
    private String paymentId;
    @Column(name = "refund_key", nullable = false)
    private String refundKey;
    @Column(nullable = false)
    private BigDecimal amount;
    @Column(nullable = false)
    private String currency;
    @Column(name = "provider_refund_id", nullable = false)
    private String providerRefundId;
    @Column(nullable = false)
    private String reason;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected PaymentRefund() {
    }

    PaymentRefund(String paymentId, String refundKey, Money amount, String providerRefundId, String reason, Instant now) {
        this.id = Ids.newId();
        this.paymentId = paymentId;
        this.refundKey = refundKey;
        this.amount = amount.amount();
        this.currency = amount.currency();
        this.providerRefundId = providerRefundId;
        this.reason = reason.length() > 200 ? reason.substring(0, 200) : reason;
        this.createdAt = now;
    }

    public String id() { return id; }
    public String paymentId() { return paymentId; }
    public String refundKey() { return refundKey; }
    public Money amount() { return new Money(amount, currency); }
    public String providerRefundId() { return providerRefundId; }
    public String reason() { return reason; }
    public Instant createdAt() { return createdAt; }
}
