package io.caravel.bpmn.creator;

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

/** Both paths of {@code creator-screening}: an officer clears a false positive, or rejects the creator with a message. */
@Deployment(resources = "caravel/processes/creator-screening/creator-screening.bpmn")
class CreatorScreeningProcessTest {

    @RegisterExtension
    final ProcessEngineExtension extension = ProcessEngineExtension.builder().useProcessEngine(TestEngine.ENGINE).build();

    private final List<String> done = new ArrayList<>();

    @BeforeEach
    void delegates() {
        TestEngine.BEANS.put("creatorApproval", (JavaDelegate) e -> done.add("approved " + e.getVariable("caseId")
                + " by " + e.getVariable("decidedBy")));
        TestEngine.BEANS.put("creatorRejection", (JavaDelegate) e -> done.add("rejected: " + e.getVariable("sellerMessage")));
    }

    @Test
    void anOfficerClearsAFalsePositive() {
        ProcessInstance instance = start();
        claim(task(), "officer");
        complete(task(), withVariables("creatorDecision", "APPROVE", "decidedBy", "officer"));
        assertThat(instance).isEnded().hasPassed("approved").hasNotPassed("rejectCreator");
        assertThat(done).containsExactly("approved creator-1 by officer");
    }

    @Test
    void anOfficerRejectsWithTheMessageTheCreatorReads() {
        ProcessInstance instance = start();
        claim(task(), "officer");
        complete(task(), withVariables("creatorDecision", "REJECT", "sellerMessage", "We cannot accept this registration."));
        assertThat(instance).isEnded().hasPassed("rejected").hasNotPassed("approveCreator");
        assertThat(done).containsExactly("rejected: We cannot accept this registration.");
    }

    private static ProcessInstance start() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("caseType", "creator");
        variables.put("caseId", "creator-1");
        variables.put("caseTitle", "Creator screening: Ali Hassan");
        variables.put("caseDue", new Date(System.currentTimeMillis() + 3 * 86_400_000L));
        ProcessInstance instance = runtimeService().startProcessInstanceByKey("creator-screening", "creator-1", variables);
        assertThat(instance).isWaitingAt("reviewCreator");
        assertThat(task()).hasCandidateGroup("compliance-officer");
        assertThat(task().getDueDate()).isNotNull();
        return instance;
    }
}
