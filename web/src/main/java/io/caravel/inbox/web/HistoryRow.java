package io.caravel.inbox.web;

import io.caravel.audit.AuditEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A line of a case's history on its page: an audit entry, and how many times the same happened in a
 * row (a seller's "Save and continue" through the form's steps is one line, "6 times, the last at
 * 14:09", not six). The trail keeps every entry; the API shows each.
 */
public record HistoryRow(AuditEntry entry, int times, Instant lastAt) {

    /** The entries, oldest first, with runs of the same actor doing the same with the same detail made one row each. */
    static List<HistoryRow> of(List<AuditEntry> entries) {
        List<HistoryRow> rows = new ArrayList<>();
        for (AuditEntry entry : entries) {
            HistoryRow last = rows.isEmpty() ? null : rows.get(rows.size() - 1);
            if (last != null && last.repeatedBy(entry)) {
                rows.set(rows.size() - 1, new HistoryRow(last.entry, last.times + 1, entry.occurredAt()));
            } else {
                rows.add(new HistoryRow(entry, 1, entry.occurredAt()));
            }
        }
        return rows;
    }

    private boolean repeatedBy(AuditEntry next) {
        return entry.actor().equals(next.actor()) && entry.action().equals(next.action())
                && Objects.equals(entry.detail(), next.detail()) && Objects.equals(entry.words(), next.words());
    }
}
