package io.caravel.inbox;

import java.time.Instant;
import java.util.List;

/** A human task as the inbox shows it, with the case it belongs to. */
public record TaskView(String id, String taskType, String name, String processKey, String caseId, String caseTitle,
                       List<String> candidateGroups, String assignee, Instant created, Instant due, boolean overdue,
                       String riskLevel) {
}
