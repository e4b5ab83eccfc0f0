package io.caravel.listing;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.caravel.risk.RiskCategory;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Words in a listing's title, description or brand that make it prohibited, restricted or worth a
 * look, read from data ({@code caravel/listing/keyword-rules.csv}: keyword, outcome, code,
 * category, document, note). Latin keywords match whole words, Chinese ones anywhere in the text.
 */
public final class KeywordRules {

    static final String RESOURCE = "caravel/listing/keyword-rules.csv";

    /** One rule: a keyword and what it means (outcome PROHIBITED, RESTRICTED or REVIEW). */
    @Schema(name = "KeywordRule")
    public record Rule(String keyword, String outcome, String code, RiskCategory category, String document, String note,
                       Pattern pattern) {
    }

    private final List<Rule> rules;

    KeywordRules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The rules shipped with the product. */
    public static KeywordRules bundled() {
        try (InputStream in = KeywordRules.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            return read(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static KeywordRules read(Reader reader) throws IOException {
        List<Rule> rules = new ArrayList<>();
        for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get()
                .parse(reader)) {
            String keyword = row.get("keyword").toLowerCase(Locale.ROOT);
            boolean latin = keyword.chars().allMatch(c -> c < 0x2E80);
            Pattern pattern = Pattern.compile(latin ? "(?<![\\p{L}\\p{N}])" + Pattern.quote(keyword) + "(?![\\p{L}\\p{N}])"
                    : Pattern.quote(keyword), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            String document = row.get("document");
            rules.add(new Rule(keyword, row.get("outcome"), row.get("code"), RiskCategory.valueOf(row.get("category")),
                    document.isEmpty() ? null : document, row.get("note"), pattern));
        }
        return new KeywordRules(rules);
    }

    /** The rules whose keyword occurs in the text. */
    public List<Rule> matching(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return rules.stream().filter(r -> r.pattern().matcher(text).find()).toList();
    }
}
