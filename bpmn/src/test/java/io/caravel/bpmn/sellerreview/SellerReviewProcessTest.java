package io.caravel.bpmn.sellerreview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.claim;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import io.caravel.bpmn.TestEngine;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Both paths of {@code seller-review}: an officer takes no action, or warns the seller (the warning delegate runs once). */
@Deployment(resources = "caravel/processes/seller-review/seller-review.bpmn")
class SellerReviewProcessTest {

    @RegisterExtension
    final ProcessEngineExtension extension = ProcessEngineExtension.builder().useProcessEngine(TestEngine.ENGINE).build();

    private final List<String> warned = new ArrayList<>();

    @BeforeEach
    void delegates() {
        TestEngine.BEANS.put("sellerWarning", (JavaDelegate) e -> warned.add((String) e.getVariable("sellerMessage")));
    }

    @Test
    void anOfficerTakesNoAction() {
        ProcessInstance instance = start();
        claim(task(), "officer");
        complete(task(), withVariables("reviewDecision", "NO_ACTION"));
        assertThat(instance).isEnded().hasPassed("noAction").hasNotPassed("warnSeller");
        assertThat(warned).isEmpty();
    }

    @Test
    void anOfficerWarnsTheSeller() {
        ProcessInstance instance = start();
        claim(task(), "officer");
        complete(task(), withVariables("reviewDecision", "WARN", "sellerMessage", "Please check your packaging."));
        assertThat(instance).isEnded().hasPassed("warnSeller", "sellerWarned");
        assertThat(warned).containsExactly("Please check your packaging.");
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
