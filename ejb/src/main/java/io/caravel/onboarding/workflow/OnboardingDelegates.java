package io.caravel.onboarding.workflow;

import static io.caravel.onboarding.OnboardingWorkflow.DOCUMENTS_COMPLETE;
import static io.caravel.onboarding.OnboardingWorkflow.MISSING_ITEMS;
import static io.caravel.onboarding.OnboardingWorkflow.RECERTIFY_AFTER;
import static io.caravel.onboarding.OnboardingWorkflow.SCREENING_HIT;

import io.caravel.casework.CaseVariables;
import io.caravel.onboarding.OnboardingSteps;
import io.caravel.platform.CaravelException;
import io.caravel.platform.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * The delegates of {@code seller-onboarding}, by the names the BPMN uses. Each reads variables,
 * calls one step of {@link OnboardingSteps} and writes variables back; the rules live in the BPMN
 * and the {@code seller-risk} DMN.
 */
@ApplicationScoped
public class OnboardingDelegates {

    static final String RISK_DECISION = "seller-risk";
    static final List<String> RISK_ORDER = List.of("LOW", "MEDIUM", "HIGH");
    static final String WORKFLOW = "workflow";

    @Inject
    private OnboardingSteps steps;

    @Inject
    private DecisionService decisions;

    /**
     * Starts a round of checks: decisions of an earlier round no longer apply. Its outcome is for the gateway and the
     * request for documents that follow in the same transaction, so it is transient: the application keeps what was
     * found, and a stored copy would be one more row (and a dozen index entries) per round.
     */
    @Produces
    @Named("onboardingDocumentCheck")
    @ApplicationScoped
    JavaDelegate documentCheck() {
        return execution -> {
            execution.removeVariables(CaseVariables.DECISION_VARIABLES);
            List<String> missing = steps.missingDocuments(caseId(execution));
            setForThisTransaction(execution, DOCUMENTS_COMPLETE, missing.isEmpty());
            setForThisTransaction(execution, MISSING_ITEMS, String.join(",", missing));
        };
    }

    /**
     * Sets a variable for the steps of this transaction only (transient, never stored), unless a process started by
     * an earlier version stored it: the engine cannot turn a stored variable transient, so that one is updated.
     */
    static void setForThisTransaction(DelegateExecution execution, String name, Object value) {
        TypedValue current = execution.getVariableTyped(name);
        execution.setVariable(name, Variables.untypedValue(value, current == null || current.isTransient()));
    }

    /** Screens every name; the gateways after a person's decision read whether there was a hit. */
    @Produces
    @Named("onboardingScreening")
    @ApplicationScoped
    JavaDelegate screening() {
        return execution -> execution.setVariable(SCREENING_HIT, steps.screen(caseId(execution)));
    }

    /**
     * Evaluates the {@code seller-risk} DMN on the application as it is now (not on facts copied when it was first
     * submitted): every matching rule is a factor; the level is the highest factor's (LOW without factors) and the
     * reasons are the factors' codes.
     */
    @Produces
    @Named("onboardingRiskAssessment")
    @ApplicationScoped
    JavaDelegate riskAssessment() {
        return execution -> {
            List<Map<String, Object>> factors = decisions.evaluateDecisionTableByKey(RISK_DECISION)
                    .variables(steps.riskFacts(caseId(execution))).evaluate().getResultList();
            String level = factors.stream().map(f -> (String) f.get("level"))
                    .max(Comparator.comparingInt(RISK_ORDER::indexOf)).orElse("LOW");
            List<String> reasons = factors.stream().map(f -> (String) f.get("reason")).distinct().toList();
            String joined = reasons.isEmpty() ? "NO_RISK_FACTORS" : String.join(CaseVariables.REASON_SEPARATOR, reasons);
            execution.setVariable(CaseVariables.RISK_LEVEL, level);
            execution.setVariable(CaseVariables.RISK_REASONS, joined);
            steps.riskAssessed(caseId(execution), level, joined);
        };
    }

    /**
     * Asks the seller: for the missing documents the check of this transaction found, or the reviewer's questions
     * (after a person's decision the check's transient outcome is gone).
     */
    @Produces
    @Named("onboardingInformationRequest")
    @ApplicationScoped
    JavaDelegate informationRequest() {
        return execution -> {
            if (Boolean.FALSE.equals(execution.getVariable(DOCUMENTS_COMPLETE))) {
                steps.requestDocuments(caseId(execution),
                        List.of(Objects.toString(execution.getVariable(MISSING_ITEMS), "").split(",")));
            } else {
                steps.requestInformation(caseId(execution), decidedBy(execution), message(execution));
            }
        };
    }

    @Produces
    @Named("onboardingReminder")
    @ApplicationScoped
    JavaDelegate reminder() {
        return execution -> steps.remind(caseId(execution));
    }

    @Produces
    @Named("onboardingAbandonment")
    @ApplicationScoped
    JavaDelegate abandonment() {
        return execution -> steps.abandon(caseId(execution));
    }

    @Produces
    @Named("onboardingApproval")
    @ApplicationScoped
    JavaDelegate approval() {
        return execution -> steps.approve(caseId(execution), decidedBy(execution), message(execution),
                (String) execution.getVariable(RECERTIFY_AFTER));
    }

    @Produces
    @Named("onboardingRejection")
    @ApplicationScoped
    JavaDelegate rejection() {
        return execution -> steps.reject(caseId(execution), decidedBy(execution), message(execution));
    }

    @Produces
    @Named("onboardingRecertification")
    @ApplicationScoped
    JavaDelegate recertification() {
        return execution -> steps.recertified(caseId(execution), decidedBy(execution),
                (String) execution.getVariable(RECERTIFY_AFTER));
    }

    @Produces
    @Named("onboardingSuspension")
    @ApplicationScoped
    JavaDelegate suspension() {
        return execution -> steps.suspend(caseId(execution), decidedBy(execution), message(execution));
    }

    /**
     * The second approval must come from another person than the reviewer (four-eyes). The inbox
     * never offers the task to the reviewer; this guards the engine against any other way in.
     */
    @Produces
    @Named("fourEyesGuard")
    @ApplicationScoped
    TaskListener fourEyesGuard() {
        return task -> {
            Object reviewer = task.getVariable(CaseVariables.REVIEWED_BY);
            if (task.getAssignee() == null || task.getAssignee().equals(reviewer)) {
                throw new CaravelException(ProblemType.FORBIDDEN, "error.four-eyes");
            }
        };
    }

    private static String decidedBy(DelegateExecution execution) {
        return Objects.toString(execution.getVariable(CaseVariables.DECIDED_BY), WORKFLOW);
    }

    private static String message(DelegateExecution execution) {
        return (String) execution.getVariable(CaseVariables.MESSAGE);
    }

    private static String caseId(DelegateExecution execution) {
        return (String) execution.getVariable(CaseVariables.CASE_ID);
    }
}
