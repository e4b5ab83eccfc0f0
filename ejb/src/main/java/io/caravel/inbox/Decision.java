package io.caravel.inbox;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** An officer's decision on a task: an outcome such as APPROVE, with a reason or questions. */
public class Decision implements java.io.Serializable {

    @NotBlank(message = "{caravel.decision.required}")
    @Size(max = 30, message = "{caravel.application.text.size}")
    private String decision;
    @Size(max = 2000, message = "{caravel.application.text.size}")
    private String reason;
    @Size(max = 4000, message = "{caravel.application.text.size}")
    private String questions;

    public Decision() {
    }

    public Decision(String decision, String reason, String questions) {
        this.decision = decision;
        this.reason = reason;
        this.questions = questions;
    }

    public String getDecision() { return decision; }
    public void setDecision(String decision) { this.decision = decision; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public String getQuestions() { return questions; }
    public void setQuestions(String questions) { this.questions = questions; }
}
