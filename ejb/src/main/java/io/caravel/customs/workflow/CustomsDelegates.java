package io.caravel.customs.workflow;

import io.caravel.casework.CaseVariables;
import io.caravel.customs.CustomsService;
import io.caravel.customs.CustomsWorkflow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * The delegates of {@code customs-declaration}, by the names the BPMN uses. Each reads variables,
 * calls one step of {@link CustomsService} and writes variables back; the routing lives in the BPMN.
 */
@ApplicationScoped
public class CustomsDelegates {

    static final String WORKFLOW = "workflow";

    @Inject
    private CustomsService customs;

    @Produces
    @Named("declarationBuild")
    @ApplicationScoped
    JavaDelegate build() {
        return execution -> customs.build(caseId(execution));
    }

    /** Validates; a new round forgets the decision on an earlier hold, so it never counts twice. */
    @Produces
    @Named("declarationValidation")
    @ApplicationScoped
    JavaDelegate validation() {
        return execution -> {
            execution.removeVariables(CaseVariables.DECISION_VARIABLES);
            execution.removeVariable(CustomsWorkflow.DECISION);
            execution.setVariable(CustomsWorkflow.VALID, customs.validate(caseId(execution)));
        };
    }

    /** Submits attempt n+1 and sets how long to wait for the answer (longer each attempt). */
    @Produces
    @Named("declarationSubmission")
    @ApplicationScoped
    JavaDelegate submission() {
        return execution -> {
            int attempt = ((Number) execution.getVariable(CustomsWorkflow.ATTEMPT)).intValue() + 1;
            execution.removeVariable(CustomsWorkflow.ANSWER);
            execution.removeVariable(CustomsWorkflow.REASON);
            execution.setVariable(CustomsWorkflow.ATTEMPT, attempt);
            execution.setVariable(CustomsWorkflow.ANSWER_WAIT, customs.submit(caseId(execution), attempt).toString());
        };
    }

    @Produces
    @Named("declarationClearance")
    @ApplicationScoped
    JavaDelegate clearance() {
        return execution -> customs.clear(caseId(execution));
    }

    /** Holds for a customs agent; the next round of submissions starts counting again. */
    @Produces
    @Named("declarationHold")
    @ApplicationScoped
    JavaDelegate hold() {
        return execution -> {
            CustomsService.Hold hold = customs.hold(caseId(execution),
                    Boolean.FALSE.equals(execution.getVariable(CustomsWorkflow.VALID)),
                    (String) execution.getVariable(CustomsWorkflow.ANSWER), (String) execution.getVariable(CustomsWorkflow.REASON));
            execution.setVariable(CustomsWorkflow.ATTEMPT, 0);
            execution.setVariable(CaseVariables.RISK_LEVEL, hold.riskLevel());
            execution.setVariable(CaseVariables.RISK_REASONS, String.join(CaseVariables.REASON_SEPARATOR, hold.reasons()));
        };
    }

    @Produces
    @Named("declarationLateShipment")
    @ApplicationScoped
    JavaDelegate lateShipment() {
        return execution -> customs.lateShipment(caseId(execution));
    }

    @Produces
    @Named("declarationCancellation")
    @ApplicationScoped
    JavaDelegate cancellation() {
        return execution -> customs.cancel(caseId(execution),
                Objects.toString(execution.getVariable(CaseVariables.DECIDED_BY), WORKFLOW));
    }

    private static String caseId(DelegateExecution execution) {
        return (String) execution.getVariable(CaseVariables.CASE_ID);
    }
}
