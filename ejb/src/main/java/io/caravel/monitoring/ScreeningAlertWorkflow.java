package io.caravel.monitoring;

import io.caravel.casework.CaseWorkflow;
import io.caravel.casework.Outcome;
import io.caravel.casework.TaskKind;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The {@code screening-alert} workflow as the inbox sees it: an order whose consignee resembles a listed
 * party is held while a compliance officer compares them; CLEAR (a false positive, remembered for that
 * buyer's consignee name and entry) releases the order, BLOCK (a true match), once a lead other than
 * the officer approves it, stops it with the money held; a lead's REJECT sends it back to the officer. Neither outcome sends a message: the buyer is not told of the check. Its cases are orders.
 */
@ApplicationScoped
public class ScreeningAlertWorkflow extends CaseWorkflow {

    public static final String PROCESS_KEY = "screening-alert";
    public static final String CASE_TYPE = "order-screening";
    public static final String REVIEW = "reviewConsignee";
    public static final String DECISION = "consigneeDecision";
    /** A lead's second approval of a block (four-eyes: never the officer who proposed it). */
    public static final String APPROVE_BLOCK = "approveBlock";
    public static final String BLOCK_DECISION = "blockDecision";

    public ScreeningAlertWorkflow() {
        super(PROCESS_KEY, CASE_TYPE, "/inbox/cases/order-screening.xhtml",
                TaskKind.of(REVIEW, DECISION,
                        Outcome.of("CLEAR").withNote().withoutMessage(),
                        Outcome.of("BLOCK").withNote().withoutMessage()),
                TaskKind.of(APPROVE_BLOCK, BLOCK_DECISION,
                        Outcome.of("APPROVE").withNote().withoutMessage(),
                        Outcome.of("REJECT").withNote().withoutMessage()).asSecondApproval());
    }
}
