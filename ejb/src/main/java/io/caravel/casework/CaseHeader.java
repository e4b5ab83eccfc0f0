package io.caravel.casework;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/** What every case-carrying process starts with: which case it is, its title, its seller and when it is due. */
public record CaseHeader(String caseType, String caseId, String title, String sellerId, Instant due) {

    /** The header as process variables (see {@link CaseVariables}). */
    public VariableMap variables() {
        return Variables.createVariables()
                .putValue(CaseVariables.CASE_TYPE, caseType)
                .putValue(CaseVariables.CASE_ID, caseId)
                .putValue(CaseVariables.CASE_TITLE, title)
                .putValue(CaseVariables.SELLER_ID, sellerId)
                .putValue(CaseVariables.CASE_DUE, due == null ? null : Date.from(due));
    }

    /** Reads the header back from a process's variables. */
    public static CaseHeader of(Map<String, Object> variables) {
        Object due = variables.get(CaseVariables.CASE_DUE);
        return new CaseHeader(text(variables.get(CaseVariables.CASE_TYPE)), text(variables.get(CaseVariables.CASE_ID)),
                text(variables.get(CaseVariables.CASE_TITLE)), text(variables.get(CaseVariables.SELLER_ID)),
                due instanceof Date date ? date.toInstant() : null);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
