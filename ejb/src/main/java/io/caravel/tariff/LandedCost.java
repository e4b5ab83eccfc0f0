package io.caravel.tariff;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a parcel costs to land, in the destination's customs currency: goods, shipping, customs
 * duty, VAT and China's consumption tax, under the regime chosen, naming every rule used.
 * {@code dutiableValue} is the value limits are checked against (goods and shipping; goods alone in the US).
 */
public record LandedCost(Regime regime, String currency, BigDecimal goods, BigDecimal shipping, BigDecimal duty,
                         BigDecimal vat, BigDecimal consumptionTax, BigDecimal dutiableValue, int ruleVersion,
                         List<String> rulesUsed) {

    public LandedCost {
        rulesUsed = List.copyOf(rulesUsed);
    }

    /** Duty and taxes together. */
    public BigDecimal taxes() {
        return duty.add(vat).add(consumptionTax);
    }

    /** What the buyer pays: goods, shipping, duty and taxes. */
    public BigDecimal total() {
        return goods.add(shipping).add(taxes());
    }
}
