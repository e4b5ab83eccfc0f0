package io.caravel.listing.workflow;

import io.caravel.casework.CaseVariables;
import io.caravel.listing.ListingSteps;
import io.caravel.listing.ListingSteps.Verdict;
import io.caravel.listing.ListingWorkflow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * The delegates of {@code listing-review}, by the names the BPMN uses. Each reads variables, calls
 * one step of {@link ListingSteps} and writes variables back; the goods rules live in the
 * {@code listing-goods} DMN, the routing in the BPMN.
 */
@ApplicationScoped
public class ListingDelegates {

    static final String GOODS_DECISION = "listing-goods";
    static final String WORKFLOW = "workflow";

    @Inject
    private ListingSteps steps;

    @Inject
    private DecisionService decisions;

    /** Checks the submitted revision; decisions on an earlier revision no longer apply. */
    @Produces
    @Named("listingChecks")
    @ApplicationScoped
    JavaDelegate checks() {
        return execution -> {
            String id = caseId(execution);
            execution.removeVariables(CaseVariables.DECISION_VARIABLES);
            execution.removeVariable(ListingWorkflow.DECISION);
            List<Map<String, Object>> goods = decisions.evaluateDecisionTableByKey(GOODS_DECISION)
                    .variables(steps.goodsFacts(id)).evaluate().getResultList();
            Verdict verdict = steps.check(id, goods);
            execution.setVariable(ListingWorkflow.VERDICT, verdict.verdict());
            execution.setVariable(ListingWorkflow.FLAGGED_BEFORE, verdict.flaggedBefore());
            execution.setVariable(CaseVariables.RISK_LEVEL, switch (verdict.verdict()) {
                case "PROHIBITED" -> "HIGH";
                case "REVIEW" -> "MEDIUM";
                default -> verdict.flaggedBefore() ? "MEDIUM" : "LOW";
            });
            List<String> reasons = verdict.flaggedBefore() && verdict.reasons().isEmpty()
                    ? List.of("FLAGGED_BEFORE") : verdict.reasons();
            execution.setVariable(CaseVariables.RISK_REASONS, String.join(CaseVariables.REASON_SEPARATOR, reasons));
        };
    }

    @Produces
    @Named("listingPublication")
    @ApplicationScoped
    JavaDelegate publication() {
        return execution -> steps.publish(caseId(execution), decidedBy(execution));
    }

    /** Rejects: automatically when the checks found prohibited goods, else as the reviewer decided. */
    @Produces
    @Named("listingRejection")
    @ApplicationScoped
    JavaDelegate rejection() {
        return execution -> {
            if (execution.getVariable(CaseVariables.DECIDED_BY) == null) {
                steps.rejectProhibited(caseId(execution));
            } else {
                steps.reject(caseId(execution), decidedBy(execution), (String) execution.getVariable(CaseVariables.MESSAGE));
            }
        };
    }

    @Produces
    @Named("listingChangeRequest")
    @ApplicationScoped
    JavaDelegate changeRequest() {
        return execution -> steps.requestChanges(caseId(execution), decidedBy(execution),
                (String) execution.getVariable(CaseVariables.MESSAGE));
    }

    @Produces
    @Named("listingChangesExpired")
    @ApplicationScoped
    JavaDelegate changesExpired() {
        return execution -> steps.changesExpired(caseId(execution));
    }

    private static String decidedBy(DelegateExecution execution) {
        return Objects.toString(execution.getVariable(CaseVariables.DECIDED_BY), WORKFLOW);
    }

    private static String caseId(DelegateExecution execution) {
        return (String) execution.getVariable(CaseVariables.CASE_ID);
    }
}
