package io.caravel.inbox;

import io.caravel.platform.CaravelException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The decisions each kind of task accepts, and the process variables a decision becomes. Task
 * kinds are the BPMN task ids, which are stable API.
 */
enum TaskDecisions {
    REVIEW_APPLICATION("reviewApplication", "decision", "decisionReason", List.of("APPROVE", "REJECT", "REQUEST_INFO")),
    LEAD_APPROVAL("leadApproval", "leadDecision", "leadReason", List.of("APPROVE", "REJECT")),
    RECERTIFY_SELLER("recertifySeller", "recertification", "decisionReason", List.of("CONFIRM", "SUSPEND")),
    REVIEW_LISTING("reviewListing", "decision", "decisionReason", List.of("PUBLISH", "CHANGES_REQUIRED", "REJECT"));

    private final String taskKey;
    private final String decisionVariable;
    private final String reasonVariable;
    private final List<String> outcomes;

    TaskDecisions(String taskKey, String decisionVariable, String reasonVariable, List<String> outcomes) {
        this.taskKey = taskKey;
        this.decisionVariable = decisionVariable;
        this.reasonVariable = reasonVariable;
        this.outcomes = outcomes;
    }

    static TaskDecisions of(String taskKey) {
        for (TaskDecisions kind : values()) {
            if (kind.taskKey.equals(taskKey)) {
                return kind;
            }
        }
        throw new IllegalStateException("No decisions known for task " + taskKey);
    }

    List<String> outcomes() {
        return outcomes;
    }

    /** Checks the decision and turns it into process variables; rejections need a reason, requests questions. */
    Map<String, Object> variables(Decision decision, String decidedBy) {
        String outcome = decision.getDecision().trim().toUpperCase(java.util.Locale.ROOT);
        if (!outcomes.contains(outcome)) {
            throw CaravelException.invalid("decision", "error.decision.unknown", String.join(", ", outcomes));
        }
        boolean needsReason = outcome.equals("REJECT") || outcome.equals("SUSPEND");
        if (needsReason && (decision.getReason() == null || decision.getReason().isBlank())) {
            throw CaravelException.invalid("reason", "error.decision.reason-required");
        }
        boolean needsQuestions = outcome.equals("REQUEST_INFO") || outcome.equals("CHANGES_REQUIRED");
        if (needsQuestions && (decision.getQuestions() == null || decision.getQuestions().isBlank())) {
            throw CaravelException.invalid("questions", "error.decision.questions-required");
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(decisionVariable, outcome);
        variables.put(reasonVariable, decision.getReason());
        if (this == REVIEW_APPLICATION || this == REVIEW_LISTING) {
            variables.put("questions", decision.getQuestions());
        }
        if (this == LEAD_APPROVAL || this == RECERTIFY_SELLER) {
            variables.put("leadDecidedBy", decidedBy);
        }
        return variables;
    }
}
