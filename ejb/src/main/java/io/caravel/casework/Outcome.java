package io.caravel.casework;

import java.util.List;

/**
 * One decision a task accepts (e.g. APPROVE) and what the decider must give with it: an internal
 * note for staff, and a message to the seller, which may start from one of the listed templates.
 */
public record Outcome(String code, boolean noteRequired, Need message, List<String> templates) {

    /** Whether the seller must, may or need not be told something with this decision. */
    public enum Need { NONE, OPTIONAL, REQUIRED }

    public Outcome {
        templates = List.copyOf(templates);
    }

    /** A decision that needs neither note nor message (both may still be given). */
    public static Outcome of(String code) {
        return new Outcome(code, false, Need.OPTIONAL, List.of());
    }

    /** The same decision, needing an internal note. */
    public Outcome withNote() {
        return new Outcome(code, true, message, templates);
    }

    /** The same decision, with no message to anyone outside (e.g. a compliance check the buyer must not learn of). */
    public Outcome withoutMessage() {
        return new Outcome(code, noteRequired, Need.NONE, List.of());
    }

    /** The same decision, needing a message to the seller, offered from these templates. */
    public Outcome withMessage(String... templateCodes) {
        return new Outcome(code, noteRequired, Need.REQUIRED, List.of(templateCodes));
    }
}
