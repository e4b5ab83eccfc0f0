package io.caravel.privacy.workflow;

import io.caravel.casework.CaseVariables;
import io.caravel.privacy.DataRequests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** The delegates of {@code data-request}: the officer's decision carried out (export or erasure, or the refusal told). */
@ApplicationScoped
public class DataRequestDelegates {

    @Inject
    private DataRequests requests;

    @Produces
    @Named("dataRequestFulfilment")
    @ApplicationScoped
    JavaDelegate fulfilment() {
        return execution -> requests.fulfil(caseId(execution), decidedBy(execution), message(execution));
    }

    @Produces
    @Named("dataRequestRefusal")
    @ApplicationScoped
    JavaDelegate refusal() {
        return execution -> requests.refuse(caseId(execution), decidedBy(execution), message(execution));
    }

    private static String caseId(DelegateExecution execution) {
        return (String) execution.getVariable(CaseVariables.CASE_ID);
    }

    private static String decidedBy(DelegateExecution execution) {
        return Objects.toString(execution.getVariable(CaseVariables.DECIDED_BY), "workflow");
    }

    private static String message(DelegateExecution execution) {
        return (String) execution.getVariable(CaseVariables.MESSAGE);
    }
}
