package io.caravel.sellerreview;

import io.caravel.casework.CaseWorkflow;
import io.caravel.casework.Outcome;
import io.caravel.casework.TaskKind;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The {@code seller-review} workflow as the inbox sees it: a review of a seller's account started when
 * a platform rule's threshold is passed (the dispute rate, repeated prices below a minimum advertised price). Its cases are sellers.
 */
@ApplicationScoped
public class SellerReviewWorkflow extends CaseWorkflow {

    public static final String PROCESS_KEY = "seller-review";
    public static final String CASE_TYPE = "seller";
    /** The code of the rule whose threshold started the review, e.g. DISPUTE_RATE_HIGH. */
    public static final String REVIEW_REASON = "reviewReason";
    public static final String REVIEW_SELLER_ACCOUNT = "reviewSellerAccount";
    public static final String DECISION = "reviewDecision";
    /** A lead's second approval of a suspension (four-eyes: never the officer who proposed it). */
    public static final String APPROVE_SUSPENSION = "approveSuspension";
    public static final String SUSPENSION_DECISION = "suspensionDecision";

    public SellerReviewWorkflow() {
        super(PROCESS_KEY, CASE_TYPE, "/inbox/cases/seller.xhtml",
                TaskKind.of(REVIEW_SELLER_ACCOUNT, DECISION,
                        Outcome.of("NO_ACTION").withNote(),
                        Outcome.of("WARN").withNote().withMessage(),
                        Outcome.of("LIMIT_LISTINGS").withNote().withMessage(),
                        Outcome.of("SUSPEND").withNote().withMessage()),
                TaskKind.of(APPROVE_SUSPENSION, SUSPENSION_DECISION,
                        Outcome.of("APPROVE").withNote(),
                        Outcome.of("REJECT").withNote()).asSecondApproval());
    }
}
