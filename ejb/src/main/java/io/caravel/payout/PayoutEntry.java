package io.caravel.payout;

import io.caravel.platform.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One line of a payout statement: an order's sale or a refund (its source: the order or the refund),
 * with the amount it adds or takes away, the commission and fee on it and the taxes the platform
 * collected and remits. Each source enters one payout only.
 */
@Entity(name = "PayoutEntry")
@Table(name = "payout_entry")
public class PayoutEntry {

    /**
     * A seller's paid order (amount: its goods and shipping) or a refund of one (amount negative); the
     * commission a seller owes the creator an order is attributed to (CREATOR_FEE, in the commission
     * column) and its share returned by a refund; a creator's commission earned on an order (REFERRAL)
     * and its share taken back by a refund (REFERRAL_REFUND); a penalty deducted (PENALTY, amount negative); for a
     * dropship line, the wholesale price a reseller owes its supplier (SUPPLIER_COST, amount negative) and the
     * supplier's side of it (SUPPLY).
     */
    public enum Kind { SALE, REFUND, CREATOR_FEE, CREATOR_FEE_RETURN, REFERRAL, REFERRAL_REFUND, PENALTY, SUPPLIER_COST, SUPPLY }

    @Id
    private String id;
    @Column(name = "payout_id", nullable = false)
    private String payoutId;
    @Column(name = "entry_no", nullable = false)
    private int entryNo;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    @Column(name = "source_id", nullable = false)
    private String sourceId;
    @Column(name = "order_id", nullable = false)
    private String orderId;
    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;
    private String description;
    private BigDecimal amount;
    private BigDecimal commission;
    private BigDecimal fee;
    private BigDecimal taxes;
    private String rate;

    protected PayoutEntry() {
    }

    PayoutEntry(String payoutId, int entryNo, Draft draft) {
        this.id = Ids.newId();
        this.payoutId = payoutId;
        this.entryNo = entryNo;
        this.kind = draft.kind();
        this.sourceId = draft.sourceId();
        this.orderId = draft.orderId();
        this.occurredAt = draft.occurredAt();
        this.description = draft.description().length() <= 300 ? draft.description() : draft.description().substring(0, 300);
        this.amount = draft.amount();
        this.commission = draft.commission();
        this.fee = draft.fee();
        this.taxes = draft.taxes();
        this.rate = draft.rate();
    }

    /** An entry before it is written: what it is and its figures in the payout's currency. */
    public record Draft(Kind kind, String sourceId, String orderId, Instant occurredAt, String description, String currency,
                        BigDecimal amount, BigDecimal commission, BigDecimal fee, BigDecimal taxes, String rate) {

        /** What the entry adds to the payout: the amount less commission and fee. */
        public BigDecimal net() {
            return amount.subtract(commission).subtract(fee);
        }
    }

    public String id() { return id; }
    public int entryNo() { return entryNo; }
    public Kind kind() { return kind; }
    public String sourceId() { return sourceId; }
    public String orderId() { return orderId; }
    public Instant occurredAt() { return occurredAt; }
    public String description() { return description; }
    public BigDecimal amount() { return amount; }
    public BigDecimal commission() { return commission; }
    public BigDecimal fee() { return fee; }
    public BigDecimal taxes() { return taxes; }
    public String rate() { return rate; }
    public BigDecimal net() { return amount.subtract(commission).subtract(fee); }
}
