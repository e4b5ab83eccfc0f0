package io.caravel.tariff;

import io.caravel.platform.CaravelException;
import io.caravel.platform.CsvRows;
import io.caravel.platform.ProblemType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVRecord;

/** Reads the landed-cost rule table (CSV, layout in caravel/tariff/README.md): all of it, or an error naming the line. */
public final class LandedCostRules {

    /** The table shipped with the product (demo duty and shipping figures, real thresholds and VAT rates). */
    public static final String BUNDLED = "caravel/tariff/landed-cost-rules.csv";

    private static final String[] HEADER = {"rule", "area", "hs", "method", "value", "currency", "from", "to", "note"};

    private LandedCostRules() {
    }

    public static List<LandedCostRule> parse(byte[] content) {
        return CsvRows.map(content, HEADER, LandedCostRules::rule, LandedCostRules::format);
    }

    private static LandedCostRule rule(CSVRecord row, int line) {
        if (row.size() < 7) {
            throw format(line, "expected the columns " + String.join(",", HEADER));
        }
        RuleKind kind;
        try {
            kind = RuleKind.valueOf(row.get(0).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw format(line, "unknown rule \"" + row.get(0) + "\"");
        }
        String area = row.get(1).toUpperCase(Locale.ROOT);
        if (!area.matches("[A-Z]{2}")) {
            throw format(line, "area must be a country code or EU");
        }
        String hs = blank(row.get(2));
        if (hs != null && !hs.matches("[0-9]{2,10}")) {
            throw format(line, "hs must be 2 to 10 digits");
        }
        String method = blank(row.get(3)) == null ? null : row.get(3).toUpperCase(Locale.ROOT);
        BigDecimal value;
        try {
            value = new BigDecimal(row.get(4));
        } catch (NumberFormatException e) {
            throw format(line, "value must be a number");
        }
        if (value.signum() < 0) {
            throw format(line, "value must not be negative");
        }
        String currency = blank(row.get(5)) == null ? null : row.get(5).toUpperCase(Locale.ROOT);
        if (currency != null) {
            try {
                Currency.getInstance(currency);
            } catch (IllegalArgumentException e) {
                throw format(line, "unknown currency " + currency);
            }
        }
        boolean amount = kind.name().startsWith("LIMIT") || kind.name().endsWith("_MAX") || kind == RuleKind.DE_MINIMIS
                || kind.name().startsWith("SHIPPING") || kind == RuleKind.LOW_VALUE_DUTY_PER_SUBHEADING;
        if (amount && currency == null) {
            throw format(line, kind + " is an amount and needs a currency");
        }
        if ((kind == RuleKind.SHIPPING_BASE || kind == RuleKind.SHIPPING_PER_KG) && method == null) {
            throw format(line, kind + " needs a shipping method");
        }
        LocalDate from = day(row.get(6), line);
        LocalDate to = row.size() > 7 && blank(row.get(7)) != null ? day(row.get(7), line) : null;
        if (from == null) {
            throw format(line, "from (the first day in force) is required");
        }
        if (to != null && to.isBefore(from)) {
            throw format(line, "to is before from");
        }
        String note = row.size() > 8 ? blank(row.get(8)) : null;
        return new LandedCostRule(kind, area, hs, method, value, currency, from, to,
                note != null && note.length() > 200 ? note.substring(0, 200) : note);
    }

    private static LocalDate day(String value, int line) {
        if (blank(value) == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw format(line, "dates are YYYY-MM-DD");
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static CaravelException format(int line, String problem) {
        return new CaravelException(ProblemType.VALIDATION, "error.tariff.rules-format", line, problem);
    }
}
