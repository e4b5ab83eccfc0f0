package io.caravel.audit;

import java.time.Instant;

/** One line of a case's history as the API shows it: when, who, what and the detail. */
public record HistoryEntry(Instant at, String actor, String action, String detail) {

    /** Who a seller is told acted when one of the staff or the workflow did. */
    public static final String PLATFORM = "caravel";

    /** The entry as staff see it. */
    public static HistoryEntry of(AuditEntry e) {
        return new HistoryEntry(e.occurredAt(), e.actor(), e.action(), e.detail());
    }

    /** The entry as the case's seller sees it: the message for them, and who acted only when it was one of them. */
    static HistoryEntry forSeller(AuditEntry e) {
        return new HistoryEntry(e.occurredAt(), e.sellerSeesActor() ? e.actor() : PLATFORM, e.action(),
                e.sellerMessage() == null || e.sellerMessage().isEmpty() ? null : e.sellerMessage());
    }
}
