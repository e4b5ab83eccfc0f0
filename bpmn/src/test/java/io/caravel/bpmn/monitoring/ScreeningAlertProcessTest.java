package io.caravel.bpmn.monitoring;

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

/** The paths of {@code screening-alert}: a cleared consignee releases the order; a block needs a lead, who may send it back. */
@Deployment(resources = "caravel/processes/screening-alert/screening-alert.bpmn")
class ScreeningAlertProcessTest {

    @RegisterExtension
    final ProcessEngineExtension extension = ProcessEngineExtension.builder().useProcessEngine(TestEngine.ENGINE).build();

    private final List<String> done = new ArrayList<>();

    @BeforeEach
    void delegates() {
        TestEngine.BEANS.put("consigneeCleared", (JavaDelegate) e -> done.add("released " + e.getVariable("caseId")));
        TestEngine.BEANS.put("consigneeBlocked", (JavaDelegate) e -> done.add("blocked " + e.getVariable("caseId")
                + " by " + e.getVariable("reviewedBy") + "/" + e.getVariable("decidedBy")));
    }

    @Test
    void aClearedConsigneeReleasesTheOrder() {
        ProcessInstance instance = start();
        complete(task(), withVariables("consigneeDecision", "CLEAR", "decidedBy", "officer"));
        assertThat(instance).isEnded().hasPassed("released").hasNotPassed("approveBlock", "blockOrder");
        assertThat(done).containsExactly("released order-1");
    }

    @Test
    void aBlockWaitsForALeadAndABlockSentBackReturnsToTheOfficer() {
        ProcessInstance instance = start();
        claim(task(), "officer");
        complete(task(), withVariables("consigneeDecision", "BLOCK", "decidedBy", "officer"));
        assertThat(instance).isWaitingAt("approveBlock");
        assertThat(runtimeService().getVariable(instance.getId(), "reviewedBy")).isEqualTo("officer");
        assertThat(task()).hasCandidateGroup("compliance-lead");
        assertThat(done).isEmpty();

        complete(task(), withVariables("blockDecision", "REJECT", "decidedBy", "lead"));
        assertThat(instance).isWaitingAt("reviewConsignee");
        assertThat(done).isEmpty();

        claim(task(), "officer");
        complete(task(), withVariables("consigneeDecision", "BLOCK", "decidedBy", "officer"));
        complete(task(), withVariables("blockDecision", "APPROVE", "decidedBy", "lead"));
        assertThat(instance).isEnded().hasPassed("blocked").hasNotPassed("releaseOrder");
        assertThat(done).containsExactly("blocked order-1 by officer/lead");
    }

    private static ProcessInstance start() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("caseType", "order-screening");
        variables.put("caseId", "order-1");
        variables.put("caseTitle", "Viktor Bout · DE · 59.00 EUR");
        variables.put("caseDue", new Date(System.currentTimeMillis() + 86_400_000L));
        ProcessInstance instance = runtimeService().startProcessInstanceByKey("screening-alert", "order-1", variables);
        assertThat(instance).isWaitingAt("reviewConsignee");
        assertThat(task()).hasCandidateGroup("compliance-officer");
        assertThat(task().getDueDate()).isNotNull();
        return instance;
    }
}
