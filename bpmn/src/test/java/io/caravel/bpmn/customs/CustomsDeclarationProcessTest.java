package io.caravel.bpmn.customs;

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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of {@code customs-declaration} on an in-memory engine, timers on the engine clock. The
 * validation delegate answers the results a test queues; submission counts attempts and sets the
 * backoff wait like the real one; the other delegates record that they ran.
 */
@Deployment(resources = "caravel/processes/customs-declaration/customs-declaration.bpmn")
class CustomsDeclarationProcessTest {

    private static final Map<Object, Object> BEANS = TestEngine.BEANS;
    private static final ProcessEngine ENGINE = TestEngine.ENGINE;

    @RegisterExtension
    final ProcessEngineExtension extension = ProcessEngineExtension.builder().useProcessEngine(ENGINE).build();

    private final List<Boolean> validations = new ArrayList<>();
    private final List<String> calls = new ArrayList<>();

    @BeforeEach
    void delegates() {
        ClockUtil.reset();
        BEANS.put("declarationValidation", (JavaDelegate) e -> {
            e.setVariable("valid", validations.remove(0));
            calls.add("validate");
        });
        BEANS.put("declarationSubmission", (JavaDelegate) e -> {
            int attempt = (Integer) e.getVariable("attempt") + 1;
            e.setVariable("attempt", attempt);
            e.setVariable("answerWait", "PT" + (1 << attempt) + "M");
            e.removeVariable("answer");
            calls.add("submit");
        });
        for (String name : List.of("declarationBuild", "declarationClearance", "declarationLateShipment", "declarationHold",
                "declarationCancellation")) {
            BEANS.put(name, (JavaDelegate) e -> calls.add(name.substring("declaration".length()).toLowerCase()));
        }
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aValidDeclarationAcceptedByCustomsIsCleared() {
        ProcessInstance instance = start(true);
        ship(instance);
        assertThat(instance).isWaitingAt("submitDeclaration");
        execute(job());
        assertThat(instance).isWaitingAt("awaitAnswer");
        answer(instance, "ACCEPTED");
        assertThat(instance).isEnded().hasPassed("clearDeclaration").hasNotPassed("holdDeclaration");
        assertThat(calls).containsExactly("build", "validate", "submit", "clearance");
    }

    @Test
    void aLateShipmentIsRecordedAndTheDeclarationStillWaitsForTheWaybill() {
        ProcessInstance instance = start(true);
        later(Duration.ofDays(3).plusMinutes(1));
        execute(job());
        assertThat(instance).isWaitingAt("awaitWaybill").hasPassed("recordLateShipment");
        ship(instance);
        execute(job());
        answer(instance, "ACCEPTED");
        assertThat(instance).isEnded();
        assertThat(calls).containsExactly("lateshipment", "build", "validate", "submit", "clearance");
    }

    @Test
    void anInvalidDeclarationIsHeldForACustomsAgentWhoCorrectsAndResubmitsIt() {
        ProcessInstance instance = start(false, true);
        ship(instance);
        assertThat(instance).isWaitingAt("correctDeclaration");
        assertThat(task()).hasCandidateGroup("customs-agent");
        assertThat(task().getDueDate()).isNotNull();
        claim(task(), "customs");
        complete(task(), withVariables("decision", "RESUBMIT"));
        assertThat(instance).isWaitingAt("submitDeclaration");
        execute(job());
        answer(instance, "ACCEPTED");
        assertThat(instance).isEnded().hasPassed("holdDeclaration", "clearDeclaration");
        assertThat(runtimeService().createProcessInstanceQuery().count()).isZero();
        assertThat(calls).containsExactly("build", "validate", "hold", "validate", "submit", "clearance");
    }

    @Test
    void aRejectedDeclarationIsHeldAndTheAgentMayCancelAndRefundTheOrder() {
        ProcessInstance instance = start(true);
        ship(instance);
        execute(job());
        answer(instance, "REJECTED");
        assertThat(instance).isWaitingAt("correctDeclaration");
        claim(task(), "customs");
        complete(task(), withVariables("decision", "CANCEL_AND_REFUND"));
        assertThat(instance).isEnded().hasPassed("cancelOrder").hasNotPassed("clearDeclaration");
        assertThat(calls).containsExactly("build", "validate", "submit", "hold", "cancellation");
    }

    @Test
    void noAnswerIsRetriedWithALongerWaitEachTimeThenHeld() {
        ProcessInstance instance = start(true);
        ship(instance);
        execute(job());
        assertThat(runtimeService().getVariable(instance.getId(), "answerWait")).isEqualTo("PT2M");
        later(Duration.ofMinutes(2).plusSeconds(1));
        execute(job());
        assertThat(instance).isWaitingAt("submitDeclaration");
        execute(job());
        assertThat(runtimeService().getVariable(instance.getId(), "answerWait")).isEqualTo("PT4M");
        // the second wait is longer: two minutes are not enough
        later(Duration.ofMinutes(2).plusSeconds(1));
        assertThat(runtimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()).isNotNull();
        assertThat(instance).isWaitingAt("awaitAnswer");
        later(Duration.ofMinutes(2));
        execute(job());
        execute(job());
        assertThat(runtimeService().getVariable(instance.getId(), "answerWait")).isEqualTo("PT8M");
        later(Duration.ofMinutes(8).plusSeconds(1));
        execute(job());
        assertThat(instance).isWaitingAt("correctDeclaration").hasPassed("holdDeclaration");
        assertThat(calls).containsExactly("build", "validate", "submit", "submit", "submit", "hold");

        // resubmitted after the correction: a new round of attempts, and an answer now clears it
        claim(task(), "customs");
        validations.add(true);
        complete(task(), withVariables("decision", "RESUBMIT", "attempt", 0));
        execute(job());
        answer(instance, "ACCEPTED");
        assertThat(instance).isEnded().hasPassed("clearDeclaration");
    }

    private void ship(ProcessInstance instance) {
        runtimeService().createMessageCorrelation("OrderShipped").processInstanceBusinessKey("declaration-1").correlate();
        assertThat(instance).isWaitingAt("buildDeclaration");
        execute(job());
    }

    private static void answer(ProcessInstance instance, String answer) {
        runtimeService().createMessageCorrelation("CustomsAnswered").processInstanceId(instance.getId())
                .setVariable("answer", answer).correlate();
    }

    private static void later(Duration duration) {
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + duration.toMillis()));
    }

    private ProcessInstance start(Boolean... validationResults) {
        validations.addAll(List.of(validationResults));
        Map<String, Object> variables = new HashMap<>();
        variables.put("caseType", "declaration");
        variables.put("caseId", "declaration-1");
        variables.put("caseTitle", "Order to CN, 1 line");
        variables.put("sellerId", "seller-1");
        variables.put("caseDue", new Date(ClockUtil.getCurrentTime().getTime() + Duration.ofDays(5).toMillis()));
        variables.put("orderId", "order-1");
        variables.put("shipDue", "P3D");
        variables.put("correctionDue", "P1D");
        variables.put("maxAttempts", 3);
        variables.put("attempt", 0);
        ProcessInstance instance = runtimeService().startProcessInstanceByKey("customs-declaration", "declaration-1", variables);
        assertThat(instance).isWaitingAt("awaitWaybill");
        return instance;
    }
}
