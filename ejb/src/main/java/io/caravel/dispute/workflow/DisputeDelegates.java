package io.caravel.dispute.workflow;

import io.caravel.casework.CaseVariables;
import io.caravel.dispute.DisputeSteps;
import io.caravel.dispute.DisputeWorkflow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * The delegates of {@code dispute}, by the names the BPMN uses. Each reads variables, calls one step
 * of {@link DisputeSteps} and writes variables back; the routing lives in the BPMN.
 */
@ApplicationScoped
public class DisputeDelegates {

    @Inject
    private DisputeSteps disputes;

    @Produces
    @Named("disputeNotification")
    @ApplicationScoped
    JavaDelegate notification() {
        return execution -> disputes.notifySeller(caseId(execution));
    }

    @Produces
    @Named("disputeReminder")
    @ApplicationScoped
    JavaDelegate reminder() {
        return execution -> disputes.remind(caseId(execution));
    }

    @Produces
    @Named("disputeTimeout")
    @ApplicationScoped
    JavaDelegate timeout() {
        return execution -> disputes.timeout(caseId(execution));
    }

    @Produces
    @Named("disputeRefund")
    @ApplicationScoped
    JavaDelegate refund() {
        return execution -> disputes.refundSettlement(caseId(execution));
    }

    /** Applies the agent's decision and sets when the appeal window closes. */
    @Produces
    @Named("disputeDecision")
    @ApplicationScoped
    JavaDelegate decision() {
        return execution -> execution.setVariable(DisputeWorkflow.APPEAL_DEADLINE, Date.from(disputes.decide(caseId(execution),
                (String) execution.getVariable(DisputeWorkflow.DECISION),
                (String) execution.getVariable(CaseVariables.DECIDED_BY),
                (String) execution.getVariable(CaseVariables.MESSAGE))));
    }

    @Produces
    @Named("disputeAppealDecision")
    @ApplicationScoped
    JavaDelegate appealDecision() {
        return execution -> disputes.decideAppeal(caseId(execution),
                (String) execution.getVariable(DisputeWorkflow.APPEAL_DECISION),
                (String) execution.getVariable(CaseVariables.DECIDED_BY),
                (String) execution.getVariable(CaseVariables.MESSAGE));
    }

    @Produces
    @Named("disputeClosing")
    @ApplicationScoped
    JavaDelegate closing() {
        return execution -> disputes.close(caseId(execution));
    }

    private static String caseId(DelegateExecution execution) {
        return (String) execution.getVariable(CaseVariables.CASE_ID);
    }
}
