package io.caravel.screening.web;

import io.caravel.screening.Explanation;
import io.caravel.screening.IdentifierCheck;
import java.util.List;
import jakarta.faces.context.FacesContext;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * A hit's reasons in the page's language: a score adjustment ("Other year of birth (1970 / 11 Feb 1934): -0.15")
 * and why the names matched ("As written ~ without middle names · viktor = viktor 1.00 · not paired: anatolijevitch").
 */
public final class Adjustments {

    private Adjustments() {
    }

    public static String words(IdentifierCheck.Adjustment adjustment) {
        return label("adjustment." + adjustment.code(), adjustment.code()) + " (" + adjustment.detail() + "): "
                + String.format(Locale.ROOT, "%+.2f", adjustment.delta());
    }

    /** Why the names matched, in words; empty when not known. */
    public static String words(Explanation explanation) {
        if (explanation == null) {
            return "";
        }
        StringBuilder text = new StringBuilder(label("nameForm." + explanation.queryForm(), explanation.queryForm().name()))
                .append(" ~ ").append(label("nameForm." + explanation.listedForm(), explanation.listedForm().name()));
        if (!explanation.pairs().isEmpty()) {
            text.append(" · ").append(String.join(", ", explanation.pairs().stream()
                    .map(p -> p.query() + " = " + p.listed() + String.format(Locale.ROOT, " %.2f", p.similarity())).toList()));
        }
        List<String> unpaired = new java.util.ArrayList<>(explanation.unmatchedQuery());
        unpaired.addAll(explanation.unmatchedListed());
        if (!unpaired.isEmpty()) {
            text.append(" · ").append(label("nameForm.unpaired", "not paired")).append(": ").append(String.join(", ", unpaired));
        }
        return text.toString();
    }

    private static String label(String key, String fallback) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ResourceBundle bundle = faces.getApplication().getResourceBundle(faces, "msg");
        return bundle.containsKey(key) ? bundle.getString(key) : fallback;
    }
}
