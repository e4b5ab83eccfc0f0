package io.caravel.platform.engine;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;

/** Makes the engine's services injectable into business components. */
@ApplicationScoped
public class EngineServices {

    @Inject
    private WorkflowEngine workflowEngine;

    @Produces
    RuntimeService runtimeService() {
        return workflowEngine.engine().getRuntimeService();
    }

    @Produces
    TaskService taskService() {
        return workflowEngine.engine().getTaskService();
    }

    @Produces
    RepositoryService repositoryService() {
        return workflowEngine.engine().getRepositoryService();
    }

    @Produces
    HistoryService historyService() {
        return workflowEngine.engine().getHistoryService();
    }

    @Produces
    ManagementService managementService() {
        return workflowEngine.engine().getManagementService();
    }

    @Produces
    DecisionService decisionService() {
        return workflowEngine.engine().getDecisionService();
    }
}
