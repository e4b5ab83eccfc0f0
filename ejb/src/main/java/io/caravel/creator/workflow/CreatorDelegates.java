package io.caravel.creator.workflow;

import io.caravel.casework.CaseVariables;
import io.caravel.creator.Creators;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** The delegates of {@code creator-screening}: the officer's decision carried out. */
@ApplicationScoped
public class CreatorDelegates {

    @Inject
    private Creators creators;

    @Produces
    @Named("creatorApproval")
    @ApplicationScoped
    JavaDelegate approval() {
        return execution -> creators.approve(caseId(execution), decidedBy(execution), note(execution));
    }

    @Produces
    @Named("creatorRejection")
    @ApplicationScoped
    JavaDelegate rejection() {
        return execution -> creators.reject(caseId(execution), decidedBy(execution), note(execution),
                (String) execution.getVariable(CaseVariables.MESSAGE));
    }

    private static String caseId(DelegateExecution execution) {
        return (String) execution.getVariable(CaseVariables.CASE_ID);
    }

    private static String decidedBy(DelegateExecution execution) {
        return Objects.toString(execution.getVariable(CaseVariables.DECIDED_BY), "workflow");
    }

    private static String note(DelegateExecution execution) {
        return (String) execution.getVariable(CaseVariables.NOTE);
    }
}
