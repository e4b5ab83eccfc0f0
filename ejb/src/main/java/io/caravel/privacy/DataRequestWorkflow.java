package io.caravel.privacy;

import io.caravel.casework.CaseWorkflow;
import io.caravel.casework.Outcome;
import io.caravel.casework.TaskKind;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The {@code data-request} workflow as the inbox sees it: a person's request for a copy or the
 * erasure of their personal data, handled by a compliance officer before its due date. Its cases
 * are data requests.
 */
@ApplicationScoped
public class DataRequestWorkflow extends CaseWorkflow {

    public static final String PROCESS_KEY = "data-request";
    public static final String CASE_TYPE = "data-request";
    public static final String HANDLE = "handleDataRequest";
    public static final String DECISION = "dataDecision";

    public DataRequestWorkflow() {
        super(PROCESS_KEY, CASE_TYPE, "/inbox/cases/data-request.xhtml",
                TaskKind.of(HANDLE, DECISION,
                        Outcome.of("FULFIL").withNote(),
                        Outcome.of("REFUSE").withNote().withMessage()));
    }
}
