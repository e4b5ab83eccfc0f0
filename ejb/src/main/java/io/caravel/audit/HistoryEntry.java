package io.caravel.audit;

import java.time.Instant;

/** One line of a case's history as the API shows it: when, who, what and the detail. */
public record HistoryEntry(Instant at, String actor, String action, String detail) {

    public static HistoryEntry of(AuditEntry e) {
        return new HistoryEntry(e.occurredAt(), e.actor(), e.action(), e.detail());
    }
}
