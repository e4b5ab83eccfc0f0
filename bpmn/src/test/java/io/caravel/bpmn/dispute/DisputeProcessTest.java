package io.caravel.bpmn.dispute;

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
 * Every path of {@code dispute} on an in-memory engine, its timers on the engine clock: the seller
 * accepts, contests, or does not answer (reminded first, then decided for the buyer); an agent decides a
 * contested dispute; the appeal window passes or an appeal is decided. The delegates record that they
 * ran; the decision's delegate sets the appeal deadline as the real one does.
 */
@Deployment(resources = "caravel/processes/dispute/dispute.bpmn")
class DisputeProcessTest {

    private static final Map<Object, Object> BEANS = TestEngine.BEANS;
    private static final ProcessEngine ENGINE = TestEngine.ENGINE;
    private static final Duration APPEAL_WINDOW = Duration.ofDays(30);

    @RegisterExtension
    final ProcessEngineExtension extension = ProcessEngineExtension.builder().useProcessEngine(ENGINE).build();

    private final List<String> calls = new ArrayList<>();

    @BeforeEach
    void delegates() {
        ClockUtil.reset();
        BEANS.put("disputeDecision", (JavaDelegate) e -> {
            e.setVariable("appealDeadline", later(APPEAL_WINDOW));
            calls.add("decision:" + e.getVariable("decision"));
        });
        for (String name : List.of("disputeNotification", "disputeReminder", "disputeTimeout", "disputeRefund",
                "disputeAppealDecision", "disputeClosing")) {
            BEANS.put(name, (JavaDelegate) e -> calls.add(name.substring("dispute".length()).toLowerCase()));
        }
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theSellerAcceptsAndTheBuyerIsRefunded() {
        ProcessInstance instance = start();
        answer(instance, "ACCEPT");
        assertThat(instance).isEnded().hasPassed("refundBuyer", "closeDispute").hasNotPassed("reviewDispute");
        assertThat(calls).containsExactly("notification", "refund", "closing");
    }

    @Test
    void theSellerIsRemindedBeforeTheDeadlineAndNoAnswerDecidesForTheBuyer() {
        ProcessInstance instance = start();
        ClockUtil.setCurrentTime(later(Duration.ofDays(2).plusMinutes(1)));
        execute(job("sellerReminderDue"));
        assertThat(instance).isWaitingAt("awaitSellerResponse").hasPassed("sendReminder");
        ClockUtil.setCurrentTime(later(Duration.ofDays(1)));
        execute(job("sellerDeadlinePassed"));
        assertThat(instance).isEnded().hasPassed("decideOnTimeout", "refundBuyer", "closeDispute");
        assertThat(calls).containsExactly("notification", "reminder", "timeout", "refund", "closing");
    }

    @Test
    void aContestedDisputeIsDecidedByAnAgentAndClosesWhenTheAppealWindowPasses() {
        ProcessInstance instance = start();
        answer(instance, "CONTEST");
        assertThat(instance).isWaitingAt("reviewDispute");
        assertThat(task()).hasCandidateGroup("dispute-agent");
        assertThat(task().getDueDate()).isNotNull();
        claim(task(), "disputes");
        complete(task(), withVariables("decision", "SPLIT"));
        assertThat(instance).isWaitingAt("appealGateway");
        assertThat(runtimeService().getVariable(instance.getId(), "reviewedBy")).isEqualTo("disputes");
        ClockUtil.setCurrentTime(later(APPEAL_WINDOW.plusMinutes(1)));
        execute(job());
        assertThat(instance).isEnded().hasPassed("appealWindowOver", "closeDispute").hasNotPassed("reviewAppeal");
        assertThat(calls).containsExactly("notification", "decision:SPLIT", "closing");
    }

    @Test
    void anAppealWithinTheWindowIsDecidedAgain() {
        ProcessInstance instance = start();
        answer(instance, "CONTEST");
        claim(task(), "disputes");
        complete(task(), withVariables("decision", "SELLER"));
        runtimeService().createMessageCorrelation("AppealFiled").processInstanceId(instance.getId()).correlate();
        assertThat(instance).isWaitingAt("reviewAppeal");
        assertThat(task()).hasCandidateGroup("dispute-agent");
        claim(task(), "lead-disputes");
        complete(task(), withVariables("appealDecision", "BUYER"));
        assertThat(instance).isEnded().hasPassed("applyAppealDecision", "closeDispute").hasNotPassed("appealWindowOver");
        assertThat(runtimeService().createProcessInstanceQuery().count()).isZero();
        assertThat(calls).containsExactly("notification", "decision:SELLER", "appealdecision", "closing");
    }

    private static void answer(ProcessInstance instance, String answer) {
        runtimeService().createMessageCorrelation("SellerResponded").processInstanceId(instance.getId())
                .setVariable("sellerAnswer", answer).correlate();
    }

    private static Date later(Duration duration) {
        return new Date(ClockUtil.getCurrentTime().getTime() + duration.toMillis());
    }

    private ProcessInstance start() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("caseType", "dispute");
        variables.put("caseId", "dispute-1");
        variables.put("caseTitle", "Item not received: order 1234");
        variables.put("sellerId", "seller-1");
        variables.put("caseDue", later(Duration.ofDays(10)));
        variables.put("sellerReminderAt", later(Duration.ofDays(2)));
        variables.put("sellerDeadline", later(Duration.ofDays(3)));
        variables.put("reviewDue", "P2D");
        ProcessInstance instance = runtimeService().startProcessInstanceByKey("dispute", "dispute-1", variables);
        assertThat(instance).isWaitingAt("awaitSellerResponse");
        return instance;
    }
}
