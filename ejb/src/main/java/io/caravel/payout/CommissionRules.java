package io.caravel.payout;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.caravel.platform.CaravelException;
import io.caravel.platform.CsvRows;
import io.caravel.seller.ProductCategory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVRecord;

/**
 * The marketplace's fees as data (CSV, layout in caravel/payout/README.md): a commission on the
 * goods and a payment fee on what the buyer paid, per product category, each row effective from a
 * day. The row of the category with the latest date on or before the day of payment applies, else the
 * "*" row with the latest such date.
 */
public record CommissionRules(String source, String sha256, List<Rule> rules) {

    /** The table shipped with the product. */
    public static final String BUNDLED = "caravel/payout/commission-rules.csv";

    private static final String[] HEADER = {"category", "effective_from", "commission_percent", "payment_fee_percent", "note"};
    private static final String ANY = "*";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** One row: a category ("*" for any), the first day it applies, its rates in percent. */
    @Schema(name = "CommissionRule")
    public record Rule(String category, LocalDate effectiveFrom, BigDecimal commissionPercent, BigDecimal paymentFeePercent,
                       String note) {
    }

    /** The rates that apply to one line, as fractions (0.08 for 8 %), and the row's date. */
    public record Rates(BigDecimal commission, BigDecimal paymentFee, LocalDate effectiveFrom) {
    }

    public CommissionRules {
        rules = List.copyOf(rules);
    }

    /** The rates for a product category on a day (the day an order was paid, UTC). */
    public Rates on(ProductCategory category, LocalDate day) {
        Rule rule = latest(category == null ? ANY : category.name(), day);
        if (rule == null) {
            rule = latest(ANY, day);
        }
        if (rule == null) {
            throw new IllegalStateException("The commission rules have no row for " + category + " on " + day);
        }
        return new Rates(rule.commissionPercent().divide(HUNDRED), rule.paymentFeePercent().divide(HUNDRED),
                rule.effectiveFrom());
    }

    private Rule latest(String category, LocalDate day) {
        return rules.stream().filter(r -> r.category().equals(category) && !r.effectiveFrom().isAfter(day))
                .max(Comparator.comparing(Rule::effectiveFrom)).orElse(null);
    }

    /** The table shipped with the product. */
    public static CommissionRules bundled() {
        try (InputStream in = CommissionRules.class.getClassLoader().getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException(BUNDLED + " is missing from the build");
            }
            return parse(BUNDLED, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a table: all of it, or a problem naming the line; a "*" row is required. */
    public static CommissionRules parse(String source, byte[] content) {
        List<Rule> rules = CsvRows.map(content, HEADER, CommissionRules::rule, CommissionRules::format);
        if (rules.stream().noneMatch(r -> r.category().equals(ANY))) {
            throw format(0, "no default row (category *)");
        }
        return new CommissionRules(source, sha256(content), rules);
    }

    private static Rule rule(CSVRecord row, int line) {
        if (row.size() < 4) {
            throw format(line, "expected the columns " + String.join(",", HEADER));
        }
        String category = row.get(0).toUpperCase(Locale.ROOT);
        if (!category.equals(ANY)) {
            try {
                ProductCategory.valueOf(category);
            } catch (IllegalArgumentException e) {
                throw format(line, "unknown category " + row.get(0));
            }
        }
        LocalDate from;
        try {
            from = LocalDate.parse(row.get(1));
        } catch (DateTimeParseException e) {
            throw format(line, "effective_from needs a date such as 2026-12-01, not " + row.get(1));
        }
        return new Rule(category, from, percent(row.get(2), line), percent(row.get(3), line), row.size() > 4 ? row.get(4) : "");
    }

    private static BigDecimal percent(String value, int line) {
        try {
            BigDecimal percent = new BigDecimal(value);
            if (percent.signum() < 0 || percent.compareTo(HUNDRED) > 0) {
                throw format(line, "a percentage from 0 to 100, not " + value);
            }
            return percent;
        } catch (NumberFormatException e) {
            throw format(line, "a percentage from 0 to 100, not " + value);
        }
    }

    private static CaravelException format(int line, String what) {
        return CaravelException.invalid("file", "error.payout.rules-format", line, what);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
