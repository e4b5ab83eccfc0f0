package io.caravel.monitoring.workflow;

import io.caravel.casework.CaseVariables;
import io.caravel.monitoring.ConsigneeScreening;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** The delegates of {@code screening-alert}: the officer's (and for a block, the lead's) decision carried out. */
@ApplicationScoped
public class ScreeningAlertDelegates {

    @Inject
    private ConsigneeScreening consignees;

    @Produces
    @Named("consigneeCleared")
    @ApplicationScoped
    JavaDelegate cleared() {
        return execution -> consignees.cleared(caseId(execution), decidedBy(execution, CaseVariables.DECIDED_BY),
                (String) execution.getVariable(CaseVariables.NOTE));
    }

    @Produces
    @Named("consigneeBlocked")
    @ApplicationScoped
    JavaDelegate blocked() {
        // the officer who proposed the block and the lead who approved it
        return execution -> consignees.blocked(caseId(execution), decidedBy(execution, CaseVariables.REVIEWED_BY) + " / "
                + decidedBy(execution, CaseVariables.DECIDED_BY), (String) execution.getVariable(CaseVariables.NOTE));
    }

    private static String caseId(DelegateExecution execution) {
        return (String) execution.getVariable(CaseVariables.CASE_ID);
    }

    private static String decidedBy(DelegateExecution execution, String variable) {
        return Objects.toString(execution.getVariable(variable), "workflow");
    }
}
