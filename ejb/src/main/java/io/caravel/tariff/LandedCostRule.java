package io.caravel.tariff;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One row of the landed-cost rule table: a rate or an amount for a destination (country or area),
 * optionally for an HS prefix or a shipping method, in force from one day to another (inclusive;
 * {@code to} null: until further notice).
 */
public record LandedCostRule(RuleKind kind, String area, String hsPrefix, String method, BigDecimal value,
                             String currency, LocalDate from, LocalDate to, String note) {

    boolean inForce(LocalDate day) {
        return !day.isBefore(from) && (to == null || !day.isAfter(to));
    }

    /** How the rule is named where it was used: "DUTY EU 6109 0.12 from 2026-01-01". */
    public String label() {
        return kind + " " + area + (hsPrefix == null ? "" : " " + hsPrefix) + (method == null ? "" : " " + method) + " "
                + value.stripTrailingZeros().toPlainString() + (currency == null ? "" : " " + currency) + " from " + from
                + (to == null ? "" : " to " + to);
    }
}
