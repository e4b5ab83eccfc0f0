package io.caravel.sellerreview.workflow;

import io.caravel.casework.CaseVariables;
import io.caravel.sellerreview.SellerReviews;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** The delegates of {@code seller-review}: no action, the officer's warning, a listing limit, a suspension a lead approved. */
@ApplicationScoped
public class SellerReviewDelegates {

    /** The officer's message to the seller, kept when the lead's decision overwrites sellerMessage. */
    static final String SUSPENSION_MESSAGE = "suspensionMessage";

    @Inject
    private SellerReviews reviews;

    /** The review ended, whichever way (a process end listener). */
    @Produces
    @Named("sellerReviewFinished")
    @ApplicationScoped
    ExecutionListener finished() {
        return execution -> reviews.finished((String) execution.getVariable(CaseVariables.CASE_ID));
    }

    @Produces
    @Named("sellerListingLimit")
    @ApplicationScoped
    JavaDelegate listingLimit() {
        return execution -> reviews.limitListings((String) execution.getVariable(CaseVariables.CASE_ID),
                (String) execution.getVariable(CaseVariables.MESSAGE),
                Objects.toString(execution.getVariable(CaseVariables.DECIDED_BY), "workflow"));
    }

    /** The suspension the officer proposed (reviewedBy, with the message) and a lead approved (decidedBy). */
    @Produces
    @Named("sellerSuspension")
    @ApplicationScoped
    JavaDelegate suspension() {
        return execution -> reviews.suspend((String) execution.getVariable(CaseVariables.CASE_ID),
                (String) execution.getVariable(SUSPENSION_MESSAGE),
                Objects.toString(execution.getVariable(CaseVariables.REVIEWED_BY), "workflow"),
                Objects.toString(execution.getVariable(CaseVariables.DECIDED_BY), "workflow"));
    }

    /** No action: the officer's note is the reason, e.g. why a possible sanctions match is someone else. */
    @Produces
    @Named("sellerReviewClosed")
    @ApplicationScoped
    JavaDelegate closed() {
        return execution -> reviews.close((String) execution.getVariable(CaseVariables.CASE_ID),
                (String) execution.getVariable(CaseVariables.NOTE),
                Objects.toString(execution.getVariable(CaseVariables.DECIDED_BY), "workflow"));
    }

    @Produces
    @Named("sellerWarning")
    @ApplicationScoped
    JavaDelegate warning() {
        return execution -> reviews.warn((String) execution.getVariable(CaseVariables.CASE_ID),
                (String) execution.getVariable(CaseVariables.MESSAGE),
                Objects.toString(execution.getVariable(CaseVariables.DECIDED_BY), "workflow"));
    }
}
