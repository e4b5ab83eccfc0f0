package io.caravel.bpmn.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.claim;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
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

/** Both paths of {@code data-request}: an officer fulfils it (in a job of its own, retried on failure) or refuses it with a reason. */
@Deployment(resources = "caravel/processes/data-request/data-request.bpmn")
class DataRequestProcessTest {

    @RegisterExtension
    final ProcessEngineExtension extension = ProcessEngineExtension.builder().useProcessEngine(TestEngine.ENGINE).build();

    private final List<String> done = new ArrayList<>();

    @BeforeEach
    void delegates() {
        TestEngine.BEANS.put("dataRequestFulfilment", (JavaDelegate) e -> done.add("fulfilled " + e.getVariable("caseId")));
        TestEngine.BEANS.put("dataRequestRefusal", (JavaDelegate) e -> done.add("refused: " + e.getVariable("sellerMessage")));
    }

    @Test
    void anOfficerFulfilsTheRequestInAJobOfItsOwn() {
        ProcessInstance instance = start();
        claim(task(), "officer");
        complete(task(), withVariables("dataDecision", "FULFIL"));
        assertThat(instance).isWaitingAt("fulfilRequest");
        assertThat(done).isEmpty();
        execute(job());
        assertThat(instance).isEnded().hasPassed("fulfilled");
        assertThat(done).containsExactly("fulfilled request-1");
    }

    @Test
    void anOfficerRefusesWithTheReasonTheRequesterReads() {
        ProcessInstance instance = start();
        claim(task(), "officer");
        complete(task(), withVariables("dataDecision", "REFUSE", "sellerMessage", "We could not verify your identity."));
        assertThat(instance).isEnded().hasPassed("refused").hasNotPassed("fulfilRequest");
        assertThat(done).containsExactly("refused: We could not verify your identity.");
    }

    private static ProcessInstance start() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("caseType", "data-request");
        variables.put("caseId", "request-1");
        variables.put("caseTitle", "Export of personal data: buyer");
        variables.put("caseDue", new Date(System.currentTimeMillis() + 15 * 86_400_000L));
        ProcessInstance instance = runtimeService().startProcessInstanceByKey("data-request", "request-1", variables);
        assertThat(instance).isWaitingAt("handleDataRequest");
        assertThat(task()).hasCandidateGroup("compliance-officer");
        assertThat(task().getDueDate()).isNotNull();
        return instance;
    }
}
