package io.caravel.dispute;

import io.caravel.casework.CaseWorkflow;
import io.caravel.casework.Outcome;
import io.caravel.casework.TaskKind;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The {@code dispute} workflow as the inbox sees it (its case seam), and the names of its own process
 * variables and messages. Its cases are disputes; an appeal is decided by another agent than the
 * one who decided the dispute (four-eyes).
 */
@ApplicationScoped
public class DisputeWorkflow extends CaseWorkflow {

    public static final String PROCESS_KEY = "dispute";
    public static final String CASE_TYPE = "dispute";
    public static final String SELLER_RESPONDED = "SellerResponded";
    public static final String APPEAL_FILED = "AppealFiled";

    // dates (java.util.Date) the timers and task due dates read
    public static final String SELLER_REMINDER_AT = "sellerReminderAt";
    public static final String SELLER_DEADLINE = "sellerDeadline";
    public static final String REVIEW_DUE = "reviewDue";
    public static final String APPEAL_DEADLINE = "appealDeadline";

    // the timers on the seller's answer (their job due dates move when a chargeback's provider date comes first)
    public static final String SELLER_REMINDER_DUE = "sellerReminderDue";
    public static final String SELLER_DEADLINE_PASSED = "sellerDeadlinePassed";

    /** The seller's answer: ACCEPT or CONTEST. */
    public static final String SELLER_ANSWER = "sellerAnswer";

    // the human tasks and the variables their decisions are written to
    public static final String REVIEW_DISPUTE = "reviewDispute";
    public static final String DECISION = "decision";
    public static final String REVIEW_APPEAL = "reviewAppeal";
    public static final String APPEAL_DECISION = "appealDecision";

    public DisputeWorkflow() {
        super(PROCESS_KEY, CASE_TYPE, "/inbox/cases/dispute.xhtml",
                TaskKind.of(REVIEW_DISPUTE, DECISION, decisions()),
                TaskKind.of(REVIEW_APPEAL, APPEAL_DECISION, decisions()).asSecondApproval());
    }

    /** For the buyer, for the seller, or split (the agent sets the amount first); each with a note and a message to both parties. */
    private static Outcome[] decisions() {
        return new Outcome[] {
                Outcome.of(Dispute.Decision.BUYER.name()).withNote().withMessage(),
                Outcome.of(Dispute.Decision.SELLER.name()).withNote().withMessage(),
                Outcome.of(Dispute.Decision.SPLIT.name()).withNote().withMessage()};
    }
}
