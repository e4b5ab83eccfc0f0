package io.caravel.fx;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The latest reference rate of every currency, fixed at one moment: converts many amounts with
 * one lookup. Cross rates go through the euro (amount / rate(from) × rate(to)).
 */
public final class FxTable {

    /** A currency's rate per 1 EUR, its date and source. */
    public record Quote(BigDecimal perEur, LocalDate date, String source) {
    }

    /** An amount in another currency, with the rate, its date and source that made it. */
    public record Conversion(BigDecimal amount, String currency, BigDecimal rate, LocalDate rateDate, String source) {
    }

    static final Quote EURO = new Quote(BigDecimal.ONE, null, "definition");

    private final Map<String, Quote> quotes;

    public FxTable(Map<String, Quote> quotes) {
        this.quotes = Map.copyOf(quotes);
    }

    /** Whether prices can be shown in this currency. */
    public boolean knows(String currency) {
        return quote(currency) != null;
    }

    /** The amount in {@code to}, rounded half-even to the currency's minor unit; empty without a rate for either side. */
    public Optional<Conversion> convert(BigDecimal amount, String from, String to) {
        if (from.equals(to)) {
            return Optional.of(new Conversion(amount, to, BigDecimal.ONE, null, "identity"));
        }
        Quote a = quote(from);
        Quote b = quote(to);
        if (a == null || b == null) {
            return Optional.empty();
        }
        BigDecimal rate = b.perEur().divide(a.perEur(), MathContext.DECIMAL64);
        BigDecimal converted = amount.multiply(rate).setScale(fractionDigits(to), RoundingMode.HALF_EVEN);
        LocalDate date = older(a.date(), b.date());
        String source = a == EURO ? b.source() : a.source();
        return Optional.of(new Conversion(converted, to, rate.setScale(6, RoundingMode.HALF_EVEN), date, source));
    }

    /** Per currency with a rate, the factor that turns its amounts into {@code to} (for comparing prices in a query). */
    public Map<String, BigDecimal> factorsTo(String to) {
        Map<String, BigDecimal> factors = new HashMap<>();
        Quote target = quote(to);
        if (target == null) {
            return factors;
        }
        factors.put("EUR", target.perEur());
        quotes.forEach((currency, q) -> factors.put(currency, target.perEur().divide(q.perEur(), MathContext.DECIMAL64)));
        return factors;
    }

    public Map<String, Quote> quotes() {
        return quotes;
    }

    private Quote quote(String currency) {
        return "EUR".equals(currency) ? EURO : quotes.get(currency);
    }

    private static LocalDate older(LocalDate a, LocalDate b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }

    private static int fractionDigits(String currency) {
        try {
            return Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        } catch (IllegalArgumentException e) {
            return 2;
        }
    }
}
