package io.caravel.risk;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The register at a glance for a filter: events per category and severity, per week (Mondays, UTC)
 * and category for the trend, and the riskiest sellers with their score and why.
 */
public record RiskSummary(long total, Map<RiskCategory, Long> byCategory, Map<RiskEvent.Severity, Long> bySeverity,
                          List<Week> weeks, List<SellerRisk> riskiestSellers) {

    /** One week's events per category. */
    public record Week(LocalDate monday, Map<RiskCategory, Long> byCategory, long total) {
    }

    /**
     * A seller's score: each event weighs by severity (blocking 10, for review 3, for the record 1),
     * events still undecided count double; the reasons are the rules that fired, most first.
     */
    public record SellerRisk(String sellerId, int score, long events, long undecided, List<Reason> reasons) {
    }

    /** A rule that fired for a seller, how often and in which category. */
    public record Reason(String code, RiskCategory category, long count) {
    }
}
