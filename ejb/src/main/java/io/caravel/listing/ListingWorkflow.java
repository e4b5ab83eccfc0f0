package io.caravel.listing;

import io.caravel.casework.CaseWorkflow;
import io.caravel.casework.Outcome;
import io.caravel.casework.TaskKind;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The {@code listing-review} workflow as the inbox sees it (its case seam), and the names of its own
 * process variables. Its cases are listings; each submitted revision runs the checks again.
 */
@ApplicationScoped
public class ListingWorkflow extends CaseWorkflow {

    public static final String PROCESS_KEY = "listing-review";
    public static final String CASE_TYPE = "listing";
    /** The message a resubmitted revision sends to a process waiting for the seller's changes. */
    public static final String RESUBMITTED_MESSAGE = "ListingResubmitted";

    // start variables besides the case header
    public static final String REVISION = "revision";
    public static final String REVIEW_DUE = "reviewDue";
    public static final String CHANGES_DUE = "changesDue";

    // written by the checks
    public static final String VERDICT = "verdict";
    public static final String FLAGGED_BEFORE = "flaggedBefore";

    // the human task and the variable its decision is written to
    public static final String REVIEW_LISTING = "reviewListing";
    public static final String DECISION = "decision";

    public ListingWorkflow() {
        super(PROCESS_KEY, CASE_TYPE, "/inbox/cases/listing.xhtml",
                TaskKind.of(REVIEW_LISTING, DECISION,
                        Outcome.of("PUBLISH"),
                        Outcome.of("CHANGES_REQUIRED").withMessage("FIX_HS_CODE", "ADD_DOCUMENT", "FIX_DESCRIPTION",
                                "CHECK_PRICE", "BRAND_AUTHORIZATION"),
                        Outcome.of("REJECT").withNote().withMessage("PRODUCT_PROHIBITED", "PRODUCT_RESTRICTED",
                                "BRAND_NOT_AUTHORIZED")));
    }
}
