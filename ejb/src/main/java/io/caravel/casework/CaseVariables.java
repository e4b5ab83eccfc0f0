package io.caravel.casework;

/**
 * The process-variable names every case-carrying workflow shares with the inbox: the case header its
 * process starts with, the risk its checks assess, and what a person's decision on a task writes.
 * A workflow's own variables are constants beside its delegates.
 */
public final class CaseVariables {

    /** The kind of case, also the audit trail's subject type, e.g. "application" or "listing". */
    public static final String CASE_TYPE = "caseType";
    /** The case's id (the process's business key). */
    public static final String CASE_ID = "caseId";
    /** The title officers see in the inbox. */
    public static final String CASE_TITLE = "caseTitle";
    /** The seller the case is about. */
    public static final String SELLER_ID = "sellerId";
    /** When the whole case should be decided (a java.util.Date). */
    public static final String CASE_DUE = "caseDue";

    /** LOW, MEDIUM or HIGH, as the workflow's checks assessed it. */
    public static final String RISK_LEVEL = "riskLevel";
    /** The reasons for the risk level: stable codes separated by "; " (shown in words). */
    public static final String RISK_REASONS = "riskReasons";

    /** Who decided the first review of a case; a second approval is never offered to them (four-eyes). */
    public static final String REVIEWED_BY = "reviewedBy";
    /** Who decided the task just completed. */
    public static final String DECIDED_BY = "decidedBy";
    /** The decider's internal note: staff only, kept in the audit trail, never shown to a seller or buyer. */
    public static final String NOTE = "decisionNote";
    /** What the seller (or buyer) is told about the decision, exactly as they will read it. */
    public static final String MESSAGE = "sellerMessage";
    /** The code of the message template the decider started from, if any. */
    public static final String MESSAGE_TEMPLATE = "sellerMessageTemplate";

    /** What one decision writes; a new round of checks forgets them, so an earlier decision never counts twice. */
    public static final java.util.List<String> DECISION_VARIABLES = java.util.List.of(REVIEWED_BY, DECIDED_BY, NOTE,
            MESSAGE, MESSAGE_TEMPLATE);

    /** Separates reason codes in {@link #RISK_REASONS}. */
    public static final String REASON_SEPARATOR = "; ";

    private CaseVariables() {
    }
}
