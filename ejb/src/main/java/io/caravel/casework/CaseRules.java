package io.caravel.casework;

import io.caravel.platform.Caller;
import io.caravel.platform.CaravelException;
import io.caravel.platform.CaravelException.FieldError;
import io.caravel.platform.ProblemType;
import java.util.Collection;
import java.util.List;

/**
 * The rules every case service applies the same way: who may see a case (its seller and compliance
 * staff; to anyone else it does not exist), who may change it (its seller), that a change is made to
 * the version read, and that an incomplete case is not submitted.
 */
public final class CaseRules {

    private CaseRules() {
    }

    /** The case, if the caller may see it; "not found" otherwise, so ids of other sellers' cases reveal nothing. */
    public static <T extends SellerCase> T visible(T found, Caller caller, String what, String id) {
        if (found == null || !(caller.isComplianceStaff() || found.sellerId().equals(caller.sellerId()))) {
            throw CaravelException.notFound(what, id);
        }
        return found;
    }

    /** Only the case's own seller changes it (staff look, they do not edit). */
    public static void requireOwner(Caller caller, SellerCase found) {
        if (!found.sellerId().equals(caller.sellerId())) {
            throw CaravelException.forbidden();
        }
    }

    /** A change names the version it was made to (If-Match); a stale one is refused with 412. */
    public static void requireVersion(SellerCase found, Integer expected) {
        if (expected != null && expected != found.version()) {
            throw new CaravelException(ProblemType.PRECONDITION_FAILED, "error.stale-version");
        }
    }

    /** Refuses a submission that lacks required fields, naming each. */
    public static void requireComplete(List<FieldError> missing, String messageKey) {
        if (!missing.isEmpty()) {
            throw new CaravelException(ProblemType.VALIDATION, missing, messageKey);
        }
    }

    /** Adds a "required" error for the field when the value is missing, blank or empty. */
    public static void require(List<FieldError> missing, String field, Object value) {
        if (value == null || value instanceof String s && s.isBlank() || value instanceof Collection<?> c && c.isEmpty()) {
            missing.add(new FieldError(field, "error.application.field-required"));
        }
    }
}
