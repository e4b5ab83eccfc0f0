package io.caravel.creator;

import io.caravel.casework.CaseWorkflow;
import io.caravel.casework.Outcome;
import io.caravel.casework.TaskKind;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The {@code creator-screening} workflow as the inbox sees it: a creator whose name resembles a listed
 * party waits for a compliance officer, who approves (a false positive; the creator may earn) or
 * rejects them. Its cases are creators.
 */
@ApplicationScoped
public class CreatorWorkflow extends CaseWorkflow {

    public static final String PROCESS_KEY = "creator-screening";
    public static final String CASE_TYPE = "creator";
    public static final String REVIEW = "reviewCreator";
    public static final String DECISION = "creatorDecision";

    public CreatorWorkflow() {
        super(PROCESS_KEY, CASE_TYPE, "/inbox/cases/creator.xhtml",
                TaskKind.of(REVIEW, DECISION,
                        Outcome.of("APPROVE").withNote(),
                        Outcome.of("REJECT").withNote().withMessage()));
    }
}
