package io.caravel.onboarding.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A check's outcome that only the next gateway reads is never stored, and a process that stored it under an earlier
 * version still runs its checks (the engine refuses to turn a stored variable transient), on a real engine.
 */
class TransactionVariablesTest {

    private static final Map<Object, Object> BEANS = new HashMap<>();
    private static ProcessEngine engine;

    @BeforeAll
    static void engine() {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setJdbcUrl("jdbc:h2:mem:transaction-variables;DB_CLOSE_DELAY=-1");
        configuration.setJobExecutorActivate(false);
        configuration.setBeans(BEANS);
        engine = configuration.buildProcessEngine();
        BEANS.put("check", (JavaDelegate) execution ->
                OnboardingDelegates.setForThisTransaction(execution, "complete", execution.getVariable("answer")));
        // check -> gateway on the outcome -> a wait state on either branch
        engine.getRepositoryService().createDeployment().addModelInstance("check.bpmn", Bpmn.createExecutableProcess("check")
                .camundaHistoryTimeToLive(1).startEvent().userTask("prepare")
                .serviceTask("runCheck").camundaDelegateExpression("${check}")
                .exclusiveGateway("outcome")
                .condition("complete", "${complete}").userTask("passed").endEvent()
                .moveToLastGateway().condition("incomplete", "${!complete}").userTask("failed").endEvent()
                .done()).deploy();
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void theOutcomeServesTheGatewayAndIsNeverStored() {
        String instance = start(true);
        assertThat(waitingAt(instance)).isEqualTo("passed");
        assertThat(runtime().getVariables(instance)).doesNotContainKey("complete");
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance)
                .variableName("complete").count()).isZero();
        assertThat(waitingAt(start(false))).isEqualTo("failed");
    }

    @Test
    void aProcessThatStoredTheOutcomeRunsTheCheckAndKeepsItUpToDate() {
        String instance = runtime().startProcessInstanceByKey("check", Map.of("answer", false, "complete", true)).getId();
        runCheck(instance);
        assertThat(waitingAt(instance)).isEqualTo("failed");
        assertThat(runtime().getVariable(instance, "complete")).isEqualTo(false);
    }

    private String start(boolean answer) {
        String instance = runtime().startProcessInstanceByKey("check", Map.of("answer", answer)).getId();
        runCheck(instance);
        return instance;
    }

    private void runCheck(String instance) {
        engine.getTaskService().complete(engine.getTaskService().createTaskQuery().processInstanceId(instance)
                .singleResult().getId());
    }

    private String waitingAt(String instance) {
        return engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getTaskDefinitionKey();
    }

    private RuntimeService runtime() {
        return engine.getRuntimeService();
    }
}
