package io.caravel.order;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** What a storefront asks a quote for: the cart's lines, where it goes, how, and the buyer's currency. */
public class QuoteRequest {

    /** One cart line: a published product and how many. */
    @Schema(name = "QuoteRequestLine")
    public static class Line {
        @NotNull(message = "{caravel.checkout.product.required}")
        @Size(max = 36, message = "{caravel.checkout.product.required}")
        private String productId;
        @Min(value = 1, message = "{caravel.checkout.quantity}")
        @Max(value = 999, message = "{caravel.checkout.quantity}")
        private int quantity;

        public String getProductId() { return productId; }
        public void setProductId(String productId) { this.productId = productId; }
        public int getQuantity() { return quantity; }
        public void setQuantity(int quantity) { this.quantity = quantity; }
    }

    @NotEmpty(message = "{caravel.checkout.lines}")
    @Size(max = 50, message = "{caravel.checkout.lines}")
    private List<@Valid @NotNull(message = "{caravel.checkout.lines}") Line> lines;
    @NotNull(message = "{caravel.application.country}")
    @Pattern(regexp = "^[A-Za-z]{2}$", message = "{caravel.application.country}")
    private String destinationCountry;
    @Pattern(regexp = "^(STANDARD|EXPRESS|standard|express)$", message = "{caravel.checkout.shipping-method}")
    private String shippingMethod;
    @Pattern(regexp = "^[A-Za-z]{3}$", message = "{caravel.listing.currency.format}")
    private String currency;
    /** A shorter time the storefront holds the prices for (seconds); at most the platform's quote validity. */
    @Min(value = 1, message = "{caravel.checkout.valid-for}")
    @Max(value = 86_400, message = "{caravel.checkout.valid-for}")
    private Integer validForSeconds;
    /** A creator's referral code for a product in the cart: the order is attributed to the creator. */
    @Size(max = 16, message = "{caravel.checkout.referral}")
    private String referralCode;

    public List<Line> getLines() { return lines; }
    public void setLines(List<Line> lines) { this.lines = lines; }
    public String getDestinationCountry() { return destinationCountry; }
    public void setDestinationCountry(String destinationCountry) { this.destinationCountry = destinationCountry; }
    public String getShippingMethod() { return shippingMethod; }
    public void setShippingMethod(String shippingMethod) { this.shippingMethod = shippingMethod; }
    public Integer getValidForSeconds() { return validForSeconds; }
    public void setValidForSeconds(Integer validForSeconds) { this.validForSeconds = validForSeconds; }
    public String getCurrency() { return currency; }
    public String getReferralCode() { return referralCode; }
    public void setReferralCode(String referralCode) { this.referralCode = referralCode; }
    public void setCurrency(String currency) { this.currency = currency; }
}
