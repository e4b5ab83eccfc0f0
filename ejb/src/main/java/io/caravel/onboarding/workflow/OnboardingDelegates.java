package io.caravel.onboarding.workflow;

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
import java.util.stream.Collectors;
import org.camunda.bpm.engine.DecisionService;
import java.util.Objects;
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

    @Inject
    private OnboardingSteps steps;

    @Inject
    private DecisionService decisions;

    @Produces
    @Named("onboardingDocumentCheck")
    @ApplicationScoped
    JavaDelegate documentCheck() {
        return execution -> {
            List<String> missing = steps.missingDocuments(applicationId(execution));
            execution.setVariable("documentsComplete", missing.isEmpty());
            execution.setVariable("missingItems", String.join(", ", missing));
        };
    }

    @Produces
    @Named("onboardingScreening")
    @ApplicationScoped
    JavaDelegate screening() {
        return execution -> {
            ScreeningSummary summary = steps.screen(applicationId(execution));
            execution.setVariable("screeningHit", summary.hit());
            execution.setVariable("screeningTopScore", summary.topScore());
            execution.setVariable("screeningListVersion", summary.listVersion());
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
            String reasons = factors.isEmpty() ? "NO_RISK_FACTORS"
                    : factors.stream().map(f -> (String) f.get("reason")).collect(Collectors.joining("; "));
            execution.setVariable("riskLevel", level);
            execution.setVariable("riskReasons", reasons);
            steps.riskAssessed(applicationId(execution), level, reasons);
        };
    }

    @Produces
    @Named("onboardingInformationRequest")
    @ApplicationScoped
    JavaDelegate informationRequest() {
        return execution -> {
            Object questions = execution.getVariable("questions");
            Object missing = execution.getVariable("missingItems");
            boolean documentsMissing = Boolean.FALSE.equals(execution.getVariable("documentsComplete"));
            String text = documentsMissing && missing != null && !missing.toString().isBlank()
                    ? "Missing documents: " + missing
                    : Objects.toString(questions, "");
            steps.requestInformation(applicationId(execution), text);
        };
    }

    @Produces
    @Named("onboardingReminder")
    @ApplicationScoped
    JavaDelegate reminder() {
        return execution -> steps.remind(applicationId(execution));
    }

    @Produces
    @Named("onboardingAbandonment")
    @ApplicationScoped
    JavaDelegate abandonment() {
        return execution -> steps.abandon(applicationId(execution));
    }

    @Produces
    @Named("onboardingApproval")
    @ApplicationScoped
    JavaDelegate approval() {
        return execution -> {
            String by = Objects.toString(execution.getVariable("reviewedBy"), "workflow");
            String reason = Objects.toString(execution.getVariable("decisionReason"), "low risk, approved automatically");
            steps.approve(applicationId(execution), by, reason, (String) execution.getVariable("recertifyAfter"));
        };
    }

    @Produces
    @Named("onboardingRejection")
    @ApplicationScoped
    JavaDelegate rejection() {
        return execution -> {
            Object leadReason = execution.getVariable("leadReason");
            String reason = Objects.toString(leadReason != null ? leadReason : execution.getVariable("decisionReason"), "");
            steps.reject(applicationId(execution), decidedBy(execution), reason);
        };
    }

    @Produces
    @Named("onboardingRecertification")
    @ApplicationScoped
    JavaDelegate recertification() {
        return execution -> steps.recertified(applicationId(execution), decidedBy(execution),
                (String) execution.getVariable("recertifyAfter"));
    }

    @Produces
    @Named("onboardingSuspension")
    @ApplicationScoped
    JavaDelegate suspension() {
        return execution -> steps.suspend(applicationId(execution), decidedBy(execution),
                Objects.toString(execution.getVariable("decisionReason"), "suspended at recertification"));
    }

    /** The second approval must come from another person than the reviewer (four-eyes). */
    @Produces
    @Named("fourEyesGuard")
    @ApplicationScoped
    TaskListener fourEyesGuard() {
        return task -> {
            Object reviewer = task.getVariable("reviewedBy");
            if (task.getAssignee() == null || task.getAssignee().equals(reviewer)) {
                throw new CaravelException(ProblemType.FORBIDDEN, "error.four-eyes");
            }
        };
    }

    private static String decidedBy(DelegateExecution execution) {
        Object lead = execution.getVariable("leadDecidedBy");
        return Objects.toString(lead != null ? lead : execution.getVariable("reviewedBy"), "workflow");
    }

    private static String applicationId(DelegateExecution execution) {
        return (String) execution.getVariable("applicationId");
    }
}
