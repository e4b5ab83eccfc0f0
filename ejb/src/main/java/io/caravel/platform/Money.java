package io.caravel.platform;

import java.math.BigDecimal;

/** An amount with its currency (ISO 4217); amounts are never shown or stored without one. */
public record Money(BigDecimal amount, String currency) implements java.io.Serializable {

    public static Money of(BigDecimal amount, String currency) {
        return amount == null ? null : new Money(amount, currency);
    }
}
