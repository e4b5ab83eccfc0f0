package io.caravel.order;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** A quote given to a buyer, kept (with its full pricing) until it is ordered or expires. */
@Entity(name = "CheckoutQuote")
@Table(name = "checkout_quote")
public class CheckoutQuote {

    @Id
    private String id;
    @Column(nullable = false)
    private String buyer;
    @Column(name = "seller_id", nullable = false)
    private String sellerId;
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
    @Lob
    @Column(nullable = false)
    private String pricing;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected CheckoutQuote() {
    }

    CheckoutQuote(QuoteView view, String buyer, String sellerId, String pricing, Instant createdAt) {
        this.id = view.id();
        this.buyer = buyer;
        this.sellerId = sellerId;
        this.destinationCountry = view.destinationCountry();
        this.regime = view.regime();
        this.buyerCurrency = view.amounts().currency();
        this.total = view.amounts().total();
        this.dutiableValue = view.dutiableValue();
        this.customsCurrency = view.customsAmounts().currency();
        this.pricing = pricing;
        this.createdAt = createdAt;
        this.expiresAt = view.validUntil();
    }

    public String id() { return id; }
    public String buyer() { return buyer; }
    public String sellerId() { return sellerId; }
    public String pricing() { return pricing; }
    public Instant expiresAt() { return expiresAt; }
    public BigDecimal dutiableValue() { return dutiableValue; }
    public String customsCurrency() { return customsCurrency; }
    public String destinationCountry() { return destinationCountry; }
}
