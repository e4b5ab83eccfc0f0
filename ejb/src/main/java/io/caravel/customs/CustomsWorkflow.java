package io.caravel.customs;

import io.caravel.casework.CaseWorkflow;
import io.caravel.casework.Outcome;
import io.caravel.casework.TaskKind;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The {@code customs-declaration} workflow as the inbox sees it (its case seam), and the names of its
 * own process variables. Its cases are declarations, one per paid order.
 */
@ApplicationScoped
public class CustomsWorkflow extends CaseWorkflow {

    public static final String PROCESS_KEY = "customs-declaration";
    public static final String CASE_TYPE = "declaration";
    public static final String SHIPPED_MESSAGE = "OrderShipped";
    public static final String ANSWERED_MESSAGE = "CustomsAnswered";

    // start variables besides the case header
    public static final String ORDER_ID = "orderId";
    public static final String SHIP_DUE = "shipDue";
    public static final String CORRECTION_DUE = "correctionDue";
    public static final String MAX_ATTEMPTS = "maxAttempts";
    public static final String ATTEMPT = "attempt";

    // written by the steps and the gateway's answer
    public static final String VALID = "valid";
    public static final String ANSWER_WAIT = "answerWait";
    public static final String ANSWER = "answer";
    public static final String REASON = "answerReason";

    // the human task and the variable its decision is written to
    public static final String CORRECT_DECLARATION = "correctDeclaration";
    public static final String DECISION = "decision";

    public CustomsWorkflow() {
        super(PROCESS_KEY, CASE_TYPE, "/inbox/cases/declaration.xhtml",
                TaskKind.of(CORRECT_DECLARATION, DECISION,
                        Outcome.of("RESUBMIT").withNote(),
                        Outcome.of("CANCEL_AND_REFUND").withNote()));
    }
}
