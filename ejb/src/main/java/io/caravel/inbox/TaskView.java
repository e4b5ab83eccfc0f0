package io.caravel.inbox;

import java.time.Instant;
import java.util.List;

/**
 * A human task as the inbox shows it, with its case: what kind of task, which case and seller, the
 * page that shows the case, who may and who does hold it, when it is due, and the case's risk with
 * its reason codes.
 */
public record TaskView(String id, String taskType, String name, String processKey, String caseType, String caseId,
                       String caseTitle, String sellerId, String casePage, List<String> candidateGroups, String assignee,
                       Instant created, Instant due, boolean overdue, String riskLevel, List<String> riskReasons) {
}
