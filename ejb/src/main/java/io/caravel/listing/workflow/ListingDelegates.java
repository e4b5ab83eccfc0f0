package io.caravel.listing.workflow;

import io.caravel.listing.ListingSteps;
import io.caravel.listing.ListingSteps.Verdict;
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
 * {@code listing-goods} DMN.
 */
@ApplicationScoped
public class ListingDelegates {

    static final String GOODS_DECISION = "listing-goods";

    @Inject
    private ListingSteps steps;

    @Inject
    private DecisionService decisions;

    @Produces
    @Named("listingChecks")
    @ApplicationScoped
    JavaDelegate checks() {
        return execution -> {
            String id = listingId(execution);
            execution.removeVariable("reviewedBy");
            execution.removeVariable("decision");
            List<Map<String, Object>> goods = decisions.evaluateDecisionTableByKey(GOODS_DECISION)
                    .variables(steps.goodsFacts(id)).evaluate().getResultList();
            Verdict verdict = steps.check(id, goods);
            execution.setVariable("verdict", verdict.verdict());
            execution.setVariable("riskLevel", "PROHIBITED".equals(verdict.verdict()) ? "HIGH"
                    : "REVIEW".equals(verdict.verdict()) ? "MEDIUM" : "LOW");
            execution.setVariable("riskReasons", verdict.reasons());
        };
    }

    @Produces
    @Named("listingPublication")
    @ApplicationScoped
    JavaDelegate publication() {
        return execution -> steps.publish(listingId(execution), Objects.toString(execution.getVariable("reviewedBy"), "workflow"));
    }

    @Produces
    @Named("listingRejection")
    @ApplicationScoped
    JavaDelegate rejection() {
        return execution -> {
            Object reviewer = execution.getVariable("reviewedBy");
            String reason = reviewer == null ? Objects.toString(execution.getVariable("riskReasons"), "")
                    : Objects.toString(execution.getVariable("decisionReason"), "");
            steps.reject(listingId(execution), Objects.toString(reviewer, "workflow"), reason);
        };
    }

    @Produces
    @Named("listingChangeRequest")
    @ApplicationScoped
    JavaDelegate changeRequest() {
        return execution -> steps.requestChanges(listingId(execution),
                Objects.toString(execution.getVariable("reviewedBy"), "workflow"),
                Objects.toString(execution.getVariable("questions"), ""));
    }

    @Produces
    @Named("listingChangesExpired")
    @ApplicationScoped
    JavaDelegate changesExpired() {
        return execution -> steps.changesExpired(listingId(execution));
    }

    private static String listingId(DelegateExecution execution) {
        return (String) execution.getVariable("caseId");
    }
}
