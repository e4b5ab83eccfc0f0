package io.caravel.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caravel.casework.CaseVariables;
import io.caravel.casework.Outcome;
import io.caravel.casework.TaskKind;
import io.caravel.platform.CaravelException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a decision must carry for its task kind, and the process variables it becomes. */
class DecisionRulesTest {

    private static final TaskKind REVIEW = TaskKind.of("reviewThing", "decision",
            Outcome.of("APPROVE"),
            Outcome.of("REJECT").withNote().withMessage("APPLICATION_NOT_ACCEPTED"),
            Outcome.of("REQUEST_INFO").withMessage("MORE_DOCUMENTS"));

    @Test
    void anApprovalNeedsNothingMoreAndNamesWhoDecided() {
        Map<String, Object> variables = InboxService.variables(REVIEW, new Decision(" approve ", null, null), "olivia");
        assertThat(variables).containsEntry("decision", "APPROVE").containsEntry(CaseVariables.DECIDED_BY, "olivia")
                .containsEntry(CaseVariables.NOTE, null).containsEntry(CaseVariables.MESSAGE, null);
    }

    @Test
    void aRejectionNeedsAnInternalNoteAndAMessageToTheSeller() {
        assertThatThrownBy(() -> InboxService.variables(REVIEW, new Decision("REJECT", null, "Sorry."), "olivia"))
                .isInstanceOfSatisfying(CaravelException.class,
                        e -> assertThat(e.fieldErrors().get(0).field()).isEqualTo("note"));
        assertThatThrownBy(() -> InboxService.variables(REVIEW, new Decision("REJECT", "true match", null), "olivia"))
                .isInstanceOfSatisfying(CaravelException.class,
                        e -> assertThat(e.fieldErrors().get(0).field()).isEqualTo("message"));
        Map<String, Object> variables = InboxService.variables(REVIEW, new Decision("REJECT", "true match", "We cannot."),
                "olivia");
        assertThat(variables).containsEntry(CaseVariables.NOTE, "true match").containsEntry(CaseVariables.MESSAGE, "We cannot.");
    }

    @Test
    void aTemplateFillsAnEmptyMessageInBothLanguagesAndOnlyItsOwnTemplatesAreAccepted() {
        Decision decision = new Decision("REJECT", "true match", null);
        decision.setMessageTemplate("APPLICATION_NOT_ACCEPTED");
        assertThat((String) InboxService.variables(REVIEW, decision, "olivia").get(CaseVariables.MESSAGE))
                .startsWith("We are unable to offer you a seller account").contains("很抱歉");
        decision.setMessageTemplate("MORE_DOCUMENTS");
        assertThatThrownBy(() -> InboxService.variables(REVIEW, decision, "olivia"))
                .isInstanceOfSatisfying(CaravelException.class,
                        e -> assertThat(e.fieldErrors().get(0).field()).isEqualTo("messageTemplate"));
    }

    @Test
    void anUnknownDecisionNamesTheAllowedOnes() {
        assertThatThrownBy(() -> InboxService.variables(REVIEW, new Decision("ESCALATE", null, null), "olivia"))
                .isInstanceOfSatisfying(CaravelException.class, e -> assertThat(e.fieldErrors().get(0).arguments())
                        .containsExactly("APPROVE, REJECT, REQUEST_INFO"));
    }
}
