package io.caravel.order;

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
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A buyer's order: placed from a quote (whose pricing it keeps for good, never recomputed), paid up
 * front in full, shipped by its seller (or its supplier for dropship lines) and declared to customs.
 */
@Entity(name = "CustomerOrder")
@Table(name = "customer_order")
public class CustomerOrder implements SellerCase {

    @Id
    private String id;
    @Column(nullable = false)
    private String buyer;
    @Column(name = "seller_id", nullable = false)
    private String sellerId;
    /** The creator the order is attributed to (a referral code at checkout), or null. */
    @Column(name = "creator_id")
    private String creatorId;
    /** The storefront channel the order was placed on (its token), or null. */
    @Column(name = "channel_id")
    private String channelId;
    @Column(name = "quote_id", nullable = false)
    private String quoteId;
    @Column(name = "idempotency_key", nullable = false)
    private String idempotencyKey;
    @Column(name = "request_hash", nullable = false)
    private String requestHash;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OrderStatus status;
    @Enumerated(EnumType.STRING)
    @Column(name = "customs_status", nullable = false)
    private CustomsStatus customsStatus;
    @Column(name = "destination_country", nullable = false)
    private String destinationCountry;
    @Column(nullable = false)
    private String regime;
    @Column(name = "buyer_currency", nullable = false)
    private String buyerCurrency;
    @Column(nullable = false)
    private BigDecimal total;
    @Column(name = "dutiable_value", nullable = false)
    private BigDecimal dutiableValue;
    @Column(name = "customs_currency", nullable = false)
    private String customsCurrency;
    @Column(name = "sanctions_hold", nullable = false)
    private boolean sanctionsHold;
    @Column(name = "consignee_name", nullable = false)
    private String consigneeName;
    @Column(name = "consignee_phone")
    private String consigneePhone;
    @Column(name = "consignee_address", nullable = false)
    private String consigneeAddress;
    @Column(name = "consignee_city", nullable = false)
    private String consigneeCity;
    @Column(name = "consignee_postcode")
    private String consigneePostcode;
    @Column(name = "consignee_id_number")
    private String consigneeIdNumber;
    @Lob
    @Column(nullable = false)
    private String pricing;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "paid_at")
    private Instant paidAt;
    @Column(name = "shipped_at")
    private Instant shippedAt;
    @Column(name = "received_at")
    private Instant receivedAt;
    @Version
    private int version;

    protected CustomerOrder() {
    }

    CustomerOrder(CheckoutQuote quote, QuoteView pricing, String idempotencyKey, String requestHash,
                  OrderRequest.Consignee consignee, Instant now) {
        this.id = Ids.newId();
        this.buyer = quote.buyer();
        this.sellerId = quote.sellerId();
        this.quoteId = quote.id();
        this.creatorId = pricing.referral() == null ? null : pricing.referral().creatorId();
        this.channelId = pricing.channelId();
        this.idempotencyKey = idempotencyKey;
        this.requestHash = requestHash;
        this.status = OrderStatus.PENDING_PAYMENT;
        this.customsStatus = CustomsStatus.NOT_DECLARED;
        this.destinationCountry = pricing.destinationCountry();
        this.regime = pricing.regime();
        this.buyerCurrency = pricing.amounts().currency();
        this.total = pricing.amounts().total();
        this.dutiableValue = pricing.dutiableValue();
        this.customsCurrency = pricing.customsAmounts().currency();
        this.consigneeName = consignee.getName().trim();
        this.consigneePhone = blank(consignee.getPhone());
        this.consigneeAddress = consignee.getAddress().trim();
        this.consigneeCity = consignee.getCity().trim();
        this.consigneePostcode = blank(consignee.getPostcode());
        this.consigneeIdNumber = blank(consignee.getIdNumber());
        this.pricing = quote.pricing();
        this.createdAt = now;
    }

    void paid(Instant at) {
        status = OrderStatus.PAID;
        customsStatus = CustomsStatus.IN_PROGRESS;
        paidAt = at;
    }

    void declined() {
        status = OrderStatus.PAYMENT_DECLINED;
    }

    /** The consignee's personal fields replaced, for an erasure when no customs or tax record needs them. */
    void anonymiseConsignee() {
        this.consigneeName = "Erased";
        this.consigneePhone = null;
        this.consigneeAddress = "Erased";
        this.consigneeCity = "Erased";
        this.consigneePostcode = null;
        this.consigneeIdNumber = null;
    }

    void expired() {
        status = OrderStatus.PAYMENT_EXPIRED;
    }

    void shipped(Instant at) {
        status = OrderStatus.SHIPPED;
        shippedAt = at;
    }

    void received(Instant at) {
        receivedAt = at;
    }

    void customs(CustomsStatus status) {
        customsStatus = status;
    }

    void hold() {
        sanctionsHold = true;
    }

    void releaseHold() {
        sanctionsHold = false;
    }

    void blocked() {
        status = OrderStatus.BLOCKED;
        customsStatus = CustomsStatus.CANCELLED;
        sanctionsHold = false;
    }

    void cancelled() {
        status = OrderStatus.CANCELLED;
        customsStatus = CustomsStatus.CANCELLED;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    @Override public String id() { return id; }
    @Override public String sellerId() { return sellerId; }
    public String creatorId() { return creatorId; }
    public String channelId() { return channelId; }
    @Override public int version() { return version; }
    public String buyer() { return buyer; }
    public String quoteId() { return quoteId; }
    public String idempotencyKey() { return idempotencyKey; }
    public String requestHash() { return requestHash; }
    public OrderStatus status() { return status; }
    public CustomsStatus customsStatus() { return customsStatus; }
    /** Whether a possible sanctions match on the consignee holds the order (not shippable) until compliance decides. */
    public boolean sanctionsHold() { return sanctionsHold; }
    public String destinationCountry() { return destinationCountry; }
    public String regime() { return regime; }
    public String buyerCurrency() { return buyerCurrency; }
    public BigDecimal total() { return total; }
    public BigDecimal dutiableValue() { return dutiableValue; }
    public String customsCurrency() { return customsCurrency; }
    public String consigneeName() { return consigneeName; }
    public String consigneePhone() { return consigneePhone; }
    public String consigneeAddress() { return consigneeAddress; }
    public String consigneeCity() { return consigneeCity; }
    public String consigneePostcode() { return consigneePostcode; }
    public String consigneeIdNumber() { return consigneeIdNumber; }
    public String pricing() { return pricing; }
    public Instant createdAt() { return createdAt; }
    public Instant paidAt() { return paidAt; }
    public Instant shippedAt() { return shippedAt; }
    /** When the buyer confirmed receipt (null: not confirmed). */
    public Instant receivedAt() { return receivedAt; }
}
