package io.caravel.bpmn.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import io.caravel.bpmn.TestEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of {@code seller-onboarding} on an in-memory engine. Delegates are stand-ins that set
 * the variables the real ones set; the risk step evaluates the real {@code seller-risk} DMN.
 */
@Deployment(resources = {"caravel/processes/seller-onboarding/seller-onboarding.bpmn",
        "caravel/processes/seller-onboarding/seller-risk.dmn"})
class SellerOnboardingProcessTest {

    private static final Map<Object, Object> BEANS = TestEngine.BEANS;
    private static final ProcessEngine ENGINE = TestEngine.ENGINE;

    @RegisterExtension
    final ProcessEngineExtension extension = ProcessEngineExtension.builder().useProcessEngine(ENGINE).build();

    /** What the stand-in delegates answer, per test. */
    private final List<Boolean> documentChecks = new ArrayList<>();
    private boolean screeningHit;
    /** The application's facts the risk step reads (in the product: from the application, when it runs). */
    private final Map<String, Object> facts = new HashMap<>();
    private final List<String> calls = new ArrayList<>();

    @BeforeEach
    void delegates() {
        ClockUtil.reset();
        BEANS.put("onboardingDocumentCheck", (JavaDelegate) e -> {
            boolean complete = documentChecks.isEmpty() || documentChecks.remove(0);
            // for the gateway and the request that follow in the same transaction: never stored
            e.setVariable("documentsComplete", Variables.booleanValue(complete, true));
            e.setVariable("missingItems", Variables.stringValue(complete ? "" : "BUSINESS_LICENCE", true));
            calls.add("documents");
        });
        BEANS.put("onboardingScreening", (JavaDelegate) e -> {
            e.setVariable("screeningHit", screeningHit);
            facts.put("screeningHit", screeningHit);
            facts.put("screeningTopScore", screeningHit ? 0.97 : 0.0);
            calls.add("screening");
        });
        BEANS.put("onboardingRiskAssessment", (JavaDelegate) e -> {
            List<Map<String, Object>> factors = e.getProcessEngineServices().getDecisionService()
                    .evaluateDecisionTableByKey("seller-risk").variables(facts).evaluate().getResultList();
            List<String> order = List.of("LOW", "MEDIUM", "HIGH");
            e.setVariable("riskLevel", factors.stream().map(f -> (String) f.get("level"))
                    .max(Comparator.comparingInt(order::indexOf)).orElse("LOW"));
            e.setVariable("riskReasons", factors.stream().map(f -> (String) f.get("reason")).collect(Collectors.joining("; ")));
        });
        for (String name : List.of("onboardingApproval", "onboardingRejection", "onboardingInformationRequest",
                "onboardingReminder", "onboardingAbandonment", "onboardingRecertification", "onboardingSuspension")) {
            BEANS.put(name, (JavaDelegate) e -> calls.add(name));
        }
        BEANS.put("fourEyesGuard", (TaskListener) t -> {
            if (t.getAssignee() == null || t.getAssignee().equals(t.getVariable("reviewedBy"))) {
                throw new ProcessEngineException("four-eyes: the lead must not be the reviewer");
            }
        });
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aCleanLowRiskApplicantIsApprovedAutomaticallyAndRecertifiedYearly() {
        ProcessInstance instance = start("DE", "HOME", 200_000L, 0);
        execute(job());
        assertThat(instance).isWaitingAt("recertificationDue").hasPassed("approveApplication");
        assertThat(calls).containsExactly("documents", "screening", "onboardingApproval");

        execute(job());
        assertThat(instance).isWaitingAt("recertifySeller");
        assertThat(task()).hasCandidateGroup("compliance-officer");
        complete(task(), withVariables("recertification", "CONFIRM"));
        assertThat(instance).isWaitingAt("recertificationDue");
        assertThat(calls).contains("onboardingRecertification");

        execute(job());
        complete(task(), withVariables("recertification", "SUSPEND", "decisionReason", "licence expired"));
        assertThat(instance).isEnded().hasPassed("suspendSeller");
    }

    @Test
    void missingDocumentsAskTheSellerWhoAnswersAndTheChecksRunAgain() {
        documentChecks.add(false);
        ProcessInstance instance = start("DE", "HOME", 10_000L, 0);
        execute(job());
        assertThat(instance).isWaitingAt("awaitSellerInformation").hasPassed("requestInformation");
        // the check's outcome served the gateway and the request in its transaction and was never stored
        assertThat(runtimeService().getVariables(instance.getId())).doesNotContainKeys("documentsComplete", "missingItems");

        runtimeService().createMessageCorrelation("SellerInformationProvided").processInstanceBusinessKey("app-1").correlate();
        assertThat(instance).isWaitingAt("checkDocuments");
        execute(job());
        assertThat(instance).hasPassed("approveApplication").isWaitingAt("recertificationDue");
    }

    @Test
    void theSellerIsRemindedAfterThreeDaysAndTheApplicationClosedAfterFourteen() {
        documentChecks.add(false);
        ProcessInstance instance = start("DE", "HOME", 10_000L, 0);
        execute(job());
        assertThat(instance).isWaitingAt("awaitSellerInformation");
        assertThat(timerDue("reminderDue")).isEqualTo(Duration.ofDays(3));
        assertThat(timerDue("abandonDue")).isEqualTo(Duration.ofDays(14));

        execute(timer("reminderDue"));
        assertThat(instance).isWaitingAt("awaitSellerInformation").hasPassed("remindSeller");

        execute(timer("abandonDue"));
        assertThat(instance).isEnded().hasPassed("abandonApplication");
    }

    @Test
    void mediumRiskGoesToReviewWithADueDateAndCanBeRejected() {
        // the engine's clock stands still, so the task's creation and its due date are read at one instant
        ClockUtil.setCurrentTime(new Date());
        ProcessInstance instance = start("DE", "HEALTH", 10_000L, 0);
        execute(job());
        assertThat(instance).isWaitingAt("reviewApplication");
        Task review = task();
        assertThat(review).hasCandidateGroup("compliance-officer");
        assertThat(Duration.between(review.getCreateTime().toInstant(), review.getDueDate().toInstant()))
                .isEqualTo(Duration.ofDays(2));
        assertThat(runtimeService().getVariable(instance.getId(), "riskReasons")).isEqualTo("CATEGORY_REGULATED");

        taskService().claim(review.getId(), "officer");
        complete(review, withVariables("decision", "REJECT", "decisionReason", "no licence for medicines"));
        assertThat(instance).isEnded().hasPassed("rejectApplication");
    }

    @Test
    void theReviewerCanRequestInformationAndApproveAfterTheAnswer() {
        ProcessInstance instance = start("DE", "FOOD", 10_000L, 0);
        execute(job());
        claimAndComplete("officer", "decision", "REQUEST_INFO", "questions", "Send your food safety licence");
        assertThat(instance).isWaitingAt("awaitSellerInformation");

        runtimeService().createMessageCorrelation("SellerInformationProvided").processInstanceBusinessKey("app-1").correlate();
        execute(job());
        assertThat(instance).isWaitingAt("reviewApplication");
        claimAndComplete("officer", "decision", "APPROVE", "decisionReason", "licence checked");
        assertThat(instance).hasPassed("approveApplication").isWaitingAt("recertificationDue");
    }

    @Test
    void aScreeningHitNeedsASecondApprovalByAnotherPerson() {
        screeningHit = true;
        ProcessInstance instance = start("DE", "HOME", 10_000L, 0);
        execute(job());
        assertThat(runtimeService().getVariable(instance.getId(), "riskLevel")).isEqualTo("HIGH");
        claimAndComplete("lead", "decision", "APPROVE", "decisionReason", "false positive: other date of birth");
        assertThat(instance).isWaitingAt("leadApproval");
        assertThat(task()).hasCandidateGroup("compliance-lead");

        Task approval = task();
        taskService().claim(approval.getId(), "lead");
        assertThatThrownBy(() -> taskService().complete(approval.getId(), Map.of("leadDecision", "APPROVE")))
                .hasMessageContaining("four-eyes");
        assertThat(instance).isWaitingAt("leadApproval");

        taskService().setAssignee(approval.getId(), "lead-2");
        taskService().complete(approval.getId(), Map.of("leadDecision", "APPROVE"));
        assertThat(instance).hasPassed("approveApplication").isWaitingAt("recertificationDue");
    }

    @Test
    void highRiskCanBeRejectedByTheLead() {
        ProcessInstance instance = start("IR", "HOME", 10_000L, 0);
        execute(job());
        assertThat(runtimeService().getVariable(instance.getId(), "riskReasons")).isEqualTo("COUNTRY_HIGH_RISK");
        claimAndComplete("officer", "decision", "APPROVE");
        claimAndComplete("lead", "leadDecision", "REJECT", "leadReason", "jurisdiction not served");
        assertThat(instance).isEnded().hasPassed("rejectApplication");
    }

    @Test
    void aReviewerCanApproveMediumRiskWithoutASecondApproval() {
        ProcessInstance instance = start("DE", "HOME", 9_000_000L, 4);
        execute(job());
        assertThat(runtimeService().getVariable(instance.getId(), "riskReasons")).isEqualTo("HIGH_VOLUME; MISSING_DATA");
        claimAndComplete("officer", "decision", "APPROVE");
        assertThat(instance).hasPassed("approveApplication").hasNotPassed("leadApproval");
    }

    private void claimAndComplete(String user, String... pairs) {
        Task task = task();
        taskService().claim(task.getId(), user);
        Map<String, Object> variables = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            variables.put(pairs[i], pairs[i + 1]);
        }
        complete(task, variables);
    }

    private ProcessInstance start(String country, String category, long sales, int missingFields) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("caseType", "application");
        variables.put("caseId", "app-1");
        variables.put("caseTitle", "Beauty Export GmbH");
        variables.put("sellerId", "seller-1");
        variables.put("caseDue", new Date(ClockUtil.getCurrentTime().getTime() + Duration.ofDays(14).toMillis()));
        facts.put("country", country);
        facts.put("mainCategory", category);
        facts.put("expectedYearlySalesEur", sales);
        facts.put("missingFields", missingFields);
        variables.put("reviewDue", "P2D");
        variables.put("reminderAfter", "P3D");
        variables.put("abandonAfter", "P14D");
        variables.put("recertifyAfter", "P1Y");
        ProcessInstance instance = runtimeService().startProcessInstanceByKey("seller-onboarding", "app-1", variables);
        assertThat(instance).isWaitingAt("checkDocuments");
        return instance;
    }

    private org.camunda.bpm.engine.runtime.Job timer(String activityId) {
        return ENGINE.getManagementService().createJobQuery().activityId(activityId).singleResult();
    }

    private Duration timerDue(String activityId) {
        Date due = timer(activityId).getDuedate();
        return Duration.ofDays(Math.round((due.getTime() - ClockUtil.getCurrentTime().getTime()) / 86_400_000.0));
    }
}
