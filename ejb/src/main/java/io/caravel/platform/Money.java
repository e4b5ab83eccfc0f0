package io.caravel.platform;

import java.math.BigDecimal;

/** An amount with its currency (ISO 4217); amounts are never shown or stored without one. */
public record Money(BigDecimal amount, String currency) implements java.io.Serializable {

    public static Money of(BigDecimal amount, String currency) {
        return amount == null ? null : new Money(amount, currency);
    }

    /** The amount rounded half-up to the currency's minor unit (JPY 0 digits, EUR 2; 2 for unknown codes). */
    public static BigDecimal round(BigDecimal amount, String currency) {
        int digits;
        try {
            digits = Math.max(0, java.util.Currency.getInstance(currency).getDefaultFractionDigits());
        } catch (IllegalArgumentException e) {
            digits = 2;
        }
        return amount.setScale(digits, java.math.RoundingMode.HALF_UP);
    }
}
