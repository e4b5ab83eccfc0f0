package io.caravel.risk;

import java.time.Instant;

/** Which risk events: each part optional (null: any); {@code from} inclusive, {@code to} exclusive. */
public record RiskFilter(RiskCategory category, RiskEvent.Severity severity, String sellerId, String subjectId, Instant from,
                         Instant to) {

    public static RiskFilter all() {
        return new RiskFilter(null, null, null, null, null, null);
    }
}
