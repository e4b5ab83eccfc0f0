package io.caravel.risk.web;

import io.caravel.platform.CsvRows;
import io.caravel.risk.RiskEvent;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.function.UnaryOperator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Risk events as CSV (UTF-8 with a byte-order mark): the codes for machines and the words for people, in one language. */
final class RiskCsv {

    /** The most events one export holds, newest first. */
    static final int MAX = 50_000;

    private RiskCsv() {
    }

    static byte[] write(List<RiskEvent> events, Locale locale, UnaryOperator<String> names) {
        java.util.Map<String, String> known = new java.util.HashMap<>();
        UnaryOperator<String> sellerName = id -> known.computeIfAbsent(id, names);
        ResourceBundle words = ResourceBundle.getBundle("i18n.messages", locale);
        StringWriter out = new StringWriter();
        out.write('\uFEFF');
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader("occurredAt", "category", "categoryName",
                "severity", "severityName", "rule", "ruleName", "subjectType", "subjectId", "sellerId", "sellerName", "detail",
                "decision", "decidedBy", "decidedAt").get())) {
            for (RiskEvent r : events) {
                csv.printRecord(r.occurredAt(), r.category(), label(words, "riskCategory", r.category().name()), r.severity(),
                        label(words, "riskSeverity", r.severity().name()), r.code(), label(words, "reason", r.code()),
                        r.subjectType(), r.subjectId(), r.sellerId(), r.sellerId() == null ? "" : CsvRows.text(sellerName.apply(r.sellerId())),
                        CsvRows.text(r.detail()), r.decision(), r.decidedBy(), r.decidedAt());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String label(ResourceBundle words, String kind, String code) {
        try {
            return words.getString(kind + "." + code);
        } catch (MissingResourceException e) {
            return code;
        }
    }
}
