package io.caravel.payout;

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
 * What a payout run owes one seller in one currency for everything since the seller's previous
 * payout in it: sales less refunds, commission and fees, less a reserve held back for disputes still
 * open, plus the reserve of the previous payout released and a negative balance carried from it.
 */
@Entity(name = "Payout")
@Table(name = "payout")
public class Payout {

    @Id
    private String id;
    /** The seller paid, or null for a creator's payout. */
    @Column(name = "seller_id")
    private String sellerId;
    /** The creator paid, or null for a seller's payout. */
    @Column(name = "creator_id")
    private String creatorId;
    @Column(nullable = false)
    private String currency;
    @Column(name = "period_from")
    private Instant periodFrom;
    @Column(name = "period_to", nullable = false)
    private Instant periodTo;
    private BigDecimal sales;
    private BigDecimal refunds;
    private BigDecimal commission;
    private BigDecimal fees;
    /** What a seller owes creators for the orders they referred (less what refunds gave back). */
    @Column(name = "creator_fees")
    private BigDecimal creatorFees;
    /** Penalties for rule breaches deducted. */
    private BigDecimal penalties;
    /** What a reseller owes suppliers for dropship lines (their wholesale price). */
    @Column(name = "supplier_costs")
    private BigDecimal supplierCosts;
    @Column(name = "taxes_collected")
    private BigDecimal taxesCollected;
    @Column(name = "reserve_held")
    private BigDecimal reserveHeld;
    @Column(name = "reserve_released")
    private BigDecimal reserveReleased;
    @Column(name = "carried_forward")
    private BigDecimal carriedForward;
    private BigDecimal net;
    @Enumerated(EnumType.STRING)
    private PayoutStatus status;
    @Column(name = "rules_source")
    private String rulesSource;
    @Column(name = "rules_sha256")
    private String rulesSha256;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "paid_at")
    private Instant paidAt;
    @Column(name = "paid_by")
    private String paidBy;
    @Column(name = "paid_reference")
    private String paidReference;
    @Version
    private int version;

    protected Payout() {
    }

    Payout(PayeeKind payee, String payeeId, String currency, Instant periodFrom, Instant periodTo, Totals totals, CommissionRules rules,
           Instant createdAt, String createdBy) {
        this.id = Ids.newId();
        this.sellerId = payee == PayeeKind.SELLER ? payeeId : null;
        this.creatorId = payee == PayeeKind.CREATOR ? payeeId : null;
        this.currency = currency;
        this.periodFrom = periodFrom;
        this.periodTo = periodTo;
        this.sales = totals.sales();
        this.refunds = totals.refunds();
        this.commission = totals.commission();
        this.fees = totals.fees();
        this.creatorFees = totals.creatorFees();
        this.penalties = totals.penalties();
        this.supplierCosts = totals.supplierCosts();
        this.taxesCollected = totals.taxes();
        this.reserveHeld = totals.reserveHeld();
        this.reserveReleased = totals.reserveReleased();
        this.carriedForward = totals.carried();
        this.net = totals.net();
        this.status = net.signum() <= 0 ? PayoutStatus.CARRIED : PayoutStatus.DUE;
        this.rulesSource = rules.source();
        this.rulesSha256 = rules.sha256();
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    /** The figures of a payout, in its currency. */
    public record Totals(BigDecimal sales, BigDecimal refunds, BigDecimal commission, BigDecimal fees, BigDecimal creatorFees,
                         BigDecimal penalties, BigDecimal supplierCosts, BigDecimal taxes, BigDecimal reserveHeld,
                         BigDecimal reserveReleased, BigDecimal carried) {

        /**
         * Sales less refunds, commission, fees, creators' commission, penalties, suppliers' wholesale prices and
         * the reserve held, plus the reserve released and what was carried.
         */
        public BigDecimal net() {
            return sales.subtract(refunds).subtract(commission).subtract(fees).subtract(creatorFees).subtract(penalties)
                    .subtract(supplierCosts).subtract(reserveHeld).add(reserveReleased).add(carried);
        }
    }

    void paid(Instant at, String by, String reference) {
        this.status = PayoutStatus.PAID;
        this.paidAt = at;
        this.paidBy = by;
        this.paidReference = reference;
    }

    public String id() { return id; }
    public String sellerId() { return sellerId; }
    public String creatorId() { return creatorId; }
    public PayeeKind payeeKind() { return creatorId == null ? PayeeKind.SELLER : PayeeKind.CREATOR; }
    public String payeeId() { return creatorId == null ? sellerId : creatorId; }
    public String currency() { return currency; }
    public Instant periodFrom() { return periodFrom; }
    public Instant periodTo() { return periodTo; }
    public Totals totals() {
        return new Totals(sales, refunds, commission, fees, creatorFees, penalties, supplierCosts, taxesCollected, reserveHeld,
                reserveReleased, carriedForward);
    }
    public Money net() { return new Money(net, currency); }
    public Money reserveHeld() { return new Money(reserveHeld, currency); }
    public PayoutStatus status() { return status; }
    public String rulesSource() { return rulesSource; }
    public String rulesSha256() { return rulesSha256; }
    public Instant createdAt() { return createdAt; }
    public String createdBy() { return createdBy; }
    public Instant paidAt() { return paidAt; }
    public String paidBy() { return paidBy; }
    public String paidReference() { return paidReference; }
    public int version() { return version; }
}
