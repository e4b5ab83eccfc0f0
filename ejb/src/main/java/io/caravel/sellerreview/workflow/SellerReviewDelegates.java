package io.caravel.sellerreview.workflow;

import io.caravel.casework.CaseVariables;
import io.caravel.sellerreview.SellerReviews;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** The delegate of {@code seller-review}: the officer's warning sent to the seller. */
@ApplicationScoped
public class SellerReviewDelegates {

    @Inject
    private SellerReviews reviews;

    @Produces
    @Named("sellerWarning")
    @ApplicationScoped
    JavaDelegate warning() {
        return execution -> reviews.warn((String) execution.getVariable(CaseVariables.CASE_ID),
                (String) execution.getVariable(CaseVariables.MESSAGE),
                Objects.toString(execution.getVariable(CaseVariables.DECIDED_BY), "workflow"));
    }
}
