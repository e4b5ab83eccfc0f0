package io.caravel.onboarding;

import io.caravel.casework.CaseWorkflow;
import io.caravel.casework.Outcome;
import io.caravel.casework.TaskKind;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The {@code seller-onboarding} workflow as the inbox sees it (its case seam), and the names of its
 * own process variables. Its cases are seller applications.
 */
@ApplicationScoped
public class OnboardingWorkflow extends CaseWorkflow {

    public static final String PROCESS_KEY = "seller-onboarding";
    public static final String CASE_TYPE = "application";
    /** The message the seller's answer to a request for information sends to the waiting process. */
    public static final String INFORMATION_MESSAGE = "SellerInformationProvided";

    // start variables besides the case header: the durations of the model's timers and due dates
    public static final String REVIEW_DUE = "reviewDue";
    public static final String REMINDER_AFTER = "reminderAfter";
    public static final String ABANDON_AFTER = "abandonAfter";
    public static final String RECERTIFY_AFTER = "recertifyAfter";

    // written by the delegates: kept for the gateways after a person's decision
    public static final String SCREENING_HIT = "screeningHit";
    // written by the delegates for the gateway and step that follow in the same transaction (transient, never stored)
    public static final String DOCUMENTS_COMPLETE = "documentsComplete";
    public static final String MISSING_ITEMS = "missingItems";

    // the inputs of the seller-risk decision table, read from the application when the risk is assessed
    public static final String COUNTRY = "country";
    public static final String MAIN_CATEGORY = "mainCategory";
    public static final String EXPECTED_YEARLY_SALES_EUR = "expectedYearlySalesEur";
    public static final String MISSING_FIELDS = "missingFields";
    public static final String SCREENING_TOP_SCORE = "screeningTopScore";

    // the human tasks and the variables their decisions are written to
    public static final String REVIEW_APPLICATION = "reviewApplication";
    public static final String LEAD_APPROVAL = "leadApproval";
    public static final String RECERTIFY_SELLER = "recertifySeller";
    public static final String DECISION = "decision";
    public static final String LEAD_DECISION = "leadDecision";
    public static final String RECERTIFICATION = "recertification";

    private static final String[] REJECTION_MESSAGES = {"APPLICATION_NOT_ACCEPTED", "DOCUMENTS_NOT_VERIFIED",
            "CATEGORY_NOT_SUPPORTED"};

    public OnboardingWorkflow() {
        super(PROCESS_KEY, CASE_TYPE, "/inbox/cases/application.xhtml",
                TaskKind.of(REVIEW_APPLICATION, DECISION,
                        Outcome.of("APPROVE"),
                        Outcome.of("REJECT").withNote().withMessage(REJECTION_MESSAGES),
                        Outcome.of("REQUEST_INFO").withMessage("MORE_DOCUMENTS", "OWNERSHIP_DETAILS", "BUSINESS_DETAILS")),
                TaskKind.of(LEAD_APPROVAL, LEAD_DECISION,
                        Outcome.of("APPROVE"),
                        Outcome.of("REJECT").withNote().withMessage(REJECTION_MESSAGES)).asSecondApproval(),
                TaskKind.of(RECERTIFY_SELLER, RECERTIFICATION,
                        Outcome.of("CONFIRM"),
                        Outcome.of("SUSPEND").withNote().withMessage("RECERTIFICATION_FAILED")));
    }
}
