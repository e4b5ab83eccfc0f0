package io.caravel.dispute;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.caravel.platform.CaravelException;
import io.caravel.platform.CsvRows;
import io.caravel.platform.ProblemType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVRecord;

/**
 * The dispute rules of one version (CSV, layout in caravel/dispute/README.md): claim windows,
 * deadlines and thresholds per source (a buyer's claim or a chargeback) and reason. The most specific
 * row wins: source and reason named, then one of them, then "*" for both.
 */
public record DisputeRules(int version, List<Rule> rules) {

    /** The table shipped with the product (policy defaults in the spirit of Amazon's A-to-z guarantee). */
    public static final String BUNDLED = "caravel/dispute/dispute-rules.csv";

    private static final String[] HEADER = {"rule", "source", "reason", "value", "note"};
    private static final String ANY = "*";

    /** What a rule sets: a duration (ISO 8601, e.g. P3D) or a number. */
    public enum Kind {
        /** How long after the expected delivery a buyer may open a dispute. */
        CLAIM_WINDOW(true),
        /** When delivery is expected: after shipping (or after payment when never shipped). */
        EXPECTED_DELIVERY(true),
        /** How long the seller has to accept or contest. */
        SELLER_RESPONSE(true),
        /** How long before the seller's deadline the seller is reminded. */
        REMINDER_BEFORE(true),
        /** How long an agent has to decide a contested dispute or an appeal. */
        REVIEW_TIME(true),
        /** How long after a decision either party may appeal. */
        APPEAL_WINDOW(true),
        /** Above this share of a seller's orders decided for the buyer, the seller's account is reviewed. */
        DISPUTE_RATE_LIMIT(false),
        /** The dispute rate counts only from this many orders in the period. */
        DISPUTE_RATE_MIN_ORDERS(false),
        /** The period the dispute rate is measured over. */
        DISPUTE_RATE_PERIOD(true),
        /** More claims than this from one buyer in the period is a payment risk event. */
        BUYER_CLAIMS_LIMIT(false),
        BUYER_CLAIMS_PERIOD(true);

        private final boolean duration;

        Kind(boolean duration) {
            this.duration = duration;
        }
    }

    /** One row: the rule, which source and reason it applies to ("*" for any), its value. */
    @Schema(name = "DisputeRule")
    public record Rule(Kind kind, String source, String reason, String value, String note) {

        int specificity(DisputeSource s, DisputeReason r) {
            boolean sourceMatches = source.equals(ANY) || s != null && source.equals(s.name());
            boolean reasonMatches = reason.equals(ANY) || r != null && reason.equals(r.name());
            if (!sourceMatches || !reasonMatches) {
                return -1;
            }
            return (source.equals(ANY) ? 0 : 2) + (reason.equals(ANY) ? 0 : 1);
        }
    }

    public DisputeRules {
        rules = List.copyOf(rules);
    }

    /** The duration a rule sets for a source and reason. */
    public Duration duration(Kind kind, DisputeSource source, DisputeReason reason) {
        return Duration.parse(find(kind, source, reason).value());
    }

    /** The number a rule sets (for the platform's thresholds: any source and reason). */
    public BigDecimal number(Kind kind) {
        return new BigDecimal(find(kind, null, null).value());
    }

    public Duration duration(Kind kind) {
        return duration(kind, null, null);
    }

    private Rule find(Kind kind, DisputeSource source, DisputeReason reason) {
        Rule best = null;
        for (Rule rule : rules) {
            if (rule.kind() == kind && rule.specificity(source, reason) >= 0
                    && (best == null || rule.specificity(source, reason) > best.specificity(source, reason))) {
                best = rule;
            }
        }
        if (best == null) {
            throw new IllegalStateException("The dispute rules have no " + kind + " row for " + source + "/" + reason);
        }
        return best;
    }

    /** Reads a table: all of it, or a problem naming the line; every rule must have a row for any source and reason. */
    public static DisputeRules parse(int version, byte[] content) {
        List<Rule> rules = CsvRows.map(content, HEADER, DisputeRules::rule, DisputeRules::format);
        for (Kind kind : Kind.values()) {
            if (rules.stream().noneMatch(r -> r.kind() == kind && r.source().equals(ANY) && r.reason().equals(ANY))) {
                throw format(0, "no default row (source and reason *) for " + kind);
            }
        }
        return new DisputeRules(version, rules);
    }

    private static Rule rule(CSVRecord row, int line) {
        if (row.size() < 4) {
            throw format(line, "expected the columns " + String.join(",", HEADER));
        }
        Kind kind;
        try {
            kind = Kind.valueOf(row.get(0).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw format(line, "unknown rule " + row.get(0));
        }
        String source = row.get(1).isEmpty() ? ANY : row.get(1).toUpperCase(Locale.ROOT);
        String reason = row.get(2).isEmpty() ? ANY : row.get(2).toUpperCase(Locale.ROOT);
        if (!source.equals(ANY) && !valid(DisputeSource.class, source)) {
            throw format(line, "unknown source " + source);
        }
        if (!reason.equals(ANY) && !valid(DisputeReason.class, reason)) {
            throw format(line, "unknown reason " + reason);
        }
        String value = row.get(3);
        try {
            if (kind.duration) {
                if (Duration.parse(value).isNegative()) {
                    throw format(line, "a negative duration");
                }
            } else if (new BigDecimal(value).signum() < 0) {
                throw format(line, "a negative number");
            }
        } catch (DateTimeParseException e) {
            throw format(line, kind + " needs a duration such as P3D or PT12H, not " + value);
        } catch (NumberFormatException e) {
            throw format(line, kind + " needs a number, not " + value);
        }
        return new Rule(kind, source, reason, value, row.size() > 4 ? row.get(4) : "");
    }

    private static <E extends Enum<E>> boolean valid(Class<E> type, String name) {
        try {
            Enum.valueOf(type, name);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static CaravelException format(int line, String problem) {
        return new CaravelException(ProblemType.VALIDATION, "error.dispute.rules-format", line, problem);
    }
}
