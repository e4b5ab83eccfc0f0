package io.caravel.onboarding.workflow;

import static io.caravel.onboarding.OnboardingWorkflow.DOCUMENTS_COMPLETE;
import static io.caravel.onboarding.OnboardingWorkflow.MISSING_ITEMS;
import static io.caravel.onboarding.OnboardingWorkflow.RECERTIFY_AFTER;
import static io.caravel.onboarding.OnboardingWorkflow.SCREENING_HIT;
import static io.caravel.onboarding.OnboardingWorkflow.SCREENING_LIST_VERSION;
import static io.caravel.onboarding.OnboardingWorkflow.SCREENING_TOP_SCORE;

import io.caravel.casework.CaseVariables;
import io.caravel.onboarding.OnboardingSteps;
import io.caravel.onboarding.OnboardingSteps.ScreeningSummary;
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

    /** Starts a round of checks: decisions of an earlier round no longer apply. */
    @Produces
    @Named("onboardingDocumentCheck")
    @ApplicationScoped
    JavaDelegate documentCheck() {
        return execution -> {
            execution.removeVariables(CaseVariables.DECISION_VARIABLES);
            List<String> missing = steps.missingDocuments(caseId(execution));
            execution.setVariable(DOCUMENTS_COMPLETE, missing.isEmpty());
            execution.setVariable(MISSING_ITEMS, String.join(",", missing));
        };
    }

    @Produces
    @Named("onboardingScreening")
    @ApplicationScoped
    JavaDelegate screening() {
        return execution -> {
            ScreeningSummary summary = steps.screen(caseId(execution));
            execution.setVariable(SCREENING_HIT, summary.hit());
            execution.setVariable(SCREENING_TOP_SCORE, summary.topScore());
            execution.setVariable(SCREENING_LIST_VERSION, summary.listVersion());
        };
    }

    /**
     * Evaluates the {@code seller-risk} DMN: every matching rule is a factor; the level is the highest
     * factor's (LOW without factors) and the reasons are the factors' codes.
     */
    @Produces
    @Named("onboardingRiskAssessment")
    @ApplicationScoped
    JavaDelegate riskAssessment() {
        return execution -> {
            List<Map<String, Object>> factors = decisions.evaluateDecisionTableByKey(RISK_DECISION)
                    .variables(execution.getVariables()).evaluate().getResultList();
            String level = factors.stream().map(f -> (String) f.get("level"))
                    .max(Comparator.comparingInt(RISK_ORDER::indexOf)).orElse("LOW");
            List<String> reasons = factors.stream().map(f -> (String) f.get("reason")).distinct().toList();
            String joined = reasons.isEmpty() ? "NO_RISK_FACTORS" : String.join(CaseVariables.REASON_SEPARATOR, reasons);
            execution.setVariable(CaseVariables.RISK_LEVEL, level);
            execution.setVariable(CaseVariables.RISK_REASONS, joined);
            steps.riskAssessed(caseId(execution), level, joined);
        };
    }

    /** Asks the seller: for the missing documents the check found, or the reviewer's questions. */
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
