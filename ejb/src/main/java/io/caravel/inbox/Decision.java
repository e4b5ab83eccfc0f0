package io.caravel.inbox;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A person's decision on a task: an outcome such as APPROVE, an internal note for staff (kept in the
 * audit trail, never shown to the seller or buyer) and, separately, the message the seller or buyer
 * reads, which may start from a template.
 */
public class Decision implements java.io.Serializable {

    @NotBlank(message = "{caravel.decision.required}")
    @Size(max = 30, message = "{caravel.application.text.size}")
    private String decision;
    @Size(max = 2000, message = "{caravel.application.text.size}")
    private String note;
    @Size(max = 4000, message = "{caravel.application.text.size}")
    private String message;
    @Size(max = 60, message = "{caravel.application.text.size}")
    private String messageTemplate;

    public Decision() {
    }

    public Decision(String decision, String note, String message) {
        this.decision = decision;
        this.note = note;
        this.message = message;
    }

    public String getDecision() { return decision; }
    public void setDecision(String decision) { this.decision = decision; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
    public String getMessage() { return message; }
    public void setMessage(String message) { this.message = message; }
    public String getMessageTemplate() { return messageTemplate; }
    public void setMessageTemplate(String messageTemplate) { this.messageTemplate = messageTemplate; }
}
