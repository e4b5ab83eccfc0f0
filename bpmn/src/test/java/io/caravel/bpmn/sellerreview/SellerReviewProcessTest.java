package io.caravel.bpmn.sellerreview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.claim;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import io.caravel.bpmn.TestEngine;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path of {@code seller-review}: no action, a warning, a listing limit, a suspension a lead approves (four-eyes) or declines. */
@Deployment(resources = "caravel/processes/seller-review/seller-review.bpmn")
class SellerReviewProcessTest {

    @RegisterExtension
    final ProcessEngineExtension extension = ProcessEngineExtension.builder().useProcessEngine(TestEngine.ENGINE).build();

    private final List<String> warned = new ArrayList<>();

    private final List<String> actions = new ArrayList<>();

    private final List<String> finished = new ArrayList<>();

    @BeforeEach
    void delegates() {
        TestEngine.BEANS.put("sellerReviewFinished", (org.camunda.bpm.engine.delegate.ExecutionListener) e -> finished.add(
                (String) e.getVariable("caseId")));
        TestEngine.BEANS.put("sellerWarning", (JavaDelegate) e -> warned.add((String) e.getVariable("sellerMessage")));
        TestEngine.BEANS.put("sellerReviewClosed", (JavaDelegate) e -> actions.add("closed: " + e.getVariable("decisionNote")));
        TestEngine.BEANS.put("sellerListingLimit", (JavaDelegate) e -> actions.add("limited: " + e.getVariable("sellerMessage")));
        TestEngine.BEANS.put("sellerSuspension", (JavaDelegate) e -> actions.add("suspended: " + e.getVariable("suspensionMessage")
                + " (proposed by " + e.getVariable("reviewedBy") + ")"));
        TestEngine.BEANS.put("fourEyesGuard", (TaskListener) t -> {
            if (t.getAssignee() == null || t.getAssignee().equals(t.getVariable("reviewedBy"))) {
                throw new IllegalStateException("four eyes");
            }
        });
    }

    @Test
    void anOfficerLimitsNewListings() {
        ProcessInstance instance = start();
        claim(task(), "officer");
        complete(task(), withVariables("reviewDecision", "LIMIT_LISTINGS", "sellerMessage", "No new listings until you fix shipping."));
        assertThat(instance).isEnded().hasPassed("limitListings", "listingsLimited");
        assertThat(actions).containsExactly("limited: No new listings until you fix shipping.");
    }

    @Test
    void aSuspensionNeedsAnotherPersonsApproval() {
        ProcessInstance instance = start();
        claim(task(), "officer");
        complete(task(), withVariables("reviewDecision", "SUSPEND", "sellerMessage", "Your account is suspended for late shipments."));
        assertThat(instance).isWaitingAt("approveSuspension");
        assertThat(task()).hasCandidateGroup("compliance-lead");
        assertThat(actions).isEmpty();
        // the officer who proposed it cannot approve it
        claim(task(), "officer");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> complete(task(), withVariables("suspensionDecision", "APPROVE")))
                .hasMessageContaining("four eyes");
        taskService().setAssignee(task().getId(), "lead");
        complete(task(), withVariables("suspensionDecision", "APPROVE", "sellerMessage", null));
        assertThat(instance).isEnded().hasPassed("suspendSeller", "sellerSuspended");
        assertThat(actions).containsExactly("suspended: Your account is suspended for late shipments. (proposed by officer)");
    }

    @Test
    void aLeadDeclinesTheSuspension() {
        ProcessInstance instance = start();
        claim(task(), "officer");
        complete(task(), withVariables("reviewDecision", "SUSPEND", "sellerMessage", "Suspended."));
        claim(task(), "lead");
        complete(task(), withVariables("suspensionDecision", "REJECT"));
        assertThat(instance).isEnded().hasPassed("suspensionDeclined").hasNotPassed("suspendSeller");
        assertThat(actions).isEmpty();
        assertThat(finished).as("every ending is reported, this one too").containsExactly("seller-1");
    }

    @Test
    void anOfficerTakesNoAction() {
        ProcessInstance instance = start();
        claim(task(), "officer");
        complete(task(), withVariables("reviewDecision", "NO_ACTION", "decisionNote", "Another person: other date of birth."));
        assertThat(instance).isEnded().hasPassed("closeReview", "noAction").hasNotPassed("warnSeller");
        assertThat(warned).isEmpty();
        assertThat(actions).containsExactly("closed: Another person: other date of birth.");
    }

    @Test
    void anOfficerWarnsTheSeller() {
        ProcessInstance instance = start();
        claim(task(), "officer");
        complete(task(), withVariables("reviewDecision", "WARN", "sellerMessage", "Please check your packaging."));
        assertThat(instance).isEnded().hasPassed("warnSeller", "sellerWarned");
        assertThat(warned).containsExactly("Please check your packaging.");
        assertThat(finished).containsExactly("seller-1");
    }

    private static ProcessInstance start() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("caseType", "seller");
        variables.put("caseId", "seller-1");
        variables.put("caseTitle", "Seller A Trading");
        variables.put("sellerId", "seller-1");
        variables.put("caseDue", new Date(System.currentTimeMillis() + 86_400_000L));
        variables.put("reviewReason", "DISPUTE_RATE_HIGH");
        ProcessInstance instance = runtimeService().startProcessInstanceByKey("seller-review", "seller-1", variables);
        assertThat(instance).isWaitingAt("reviewSellerAccount");
        assertThat(task()).hasCandidateGroup("compliance-officer");
        assertThat(task().getDueDate()).isNotNull();
        return instance;
    }
}
