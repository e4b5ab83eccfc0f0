package io.caravel.order;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.caravel.platform.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A priced cart as the buyer sees it and as an order keeps it for good: each line, shipping, duty
 * and taxes in the buyer's currency, the same figures in the destination's customs currency, the
 * FX rates (with date and source), the HS edition, the regime and every rule used; and the creator
 * the order is attributed to, when a referral code was given; the storefront channel it was quoted on.
 */
public record QuoteView(String id, Instant validUntil, String destinationCountry, String shippingMethod, String regime,
                        List<Line> lines, Amounts amounts, Amounts customsAmounts, BigDecimal dutiableValue,
                        List<Rate> fxRates, String hsEdition, int ruleVersion, List<String> rulesUsed, Referral referral,
                        String channelId) {

    /**
     * A priced line: the seller's unit price, the line total in the buyer's currency, where it ships from; for a
     * dropship line the supplier's item and its wholesale price for the quantity in the buyer's currency (what the
     * reseller owes the supplier); the overseas warehouse it ships from, when one serves it.
     */
    @Schema(name = "QuoteLine")
    public record Line(String productId, int revision, String title, String hsCode, String originCountry, int quantity,
                       Money unitPrice, Money lineTotal, String shipsFrom, String supplierProductId, Money supplierCost,
                       Warehouse warehouse) {
    }

    /** The overseas warehouse a line ships from: its id, code, name and country. */
    public record Warehouse(String id, String code, String name, String country) {
    }

    /** Goods, shipping, duty, VAT, consumption tax and the total in one currency (total = the sum of the rest). */
    public record Amounts(String currency, BigDecimal goods, BigDecimal shipping, BigDecimal duty, BigDecimal vat,
                          BigDecimal consumptionTax, BigDecimal total) {
    }

    /** A conversion used: 1 {@code from} = {@code rate} {@code to}, the reference rate of {@code date} from {@code source}. */
    @Schema(name = "QuoteFxRate")
    public record Rate(String from, String to, BigDecimal rate, LocalDate date, String source) {
    }

    /** The creator an order is attributed to: the code, the product referred, the rate and the commission in the buyer's currency. */
    public record Referral(String code, String creatorId, String creatorName, String productId, BigDecimal rate, Money commission) {
    }
}
