package io.caravel.customs;

import java.util.Map;

/**
 * One reason a declaration does not pass, with the field and each document's value of it, so the
 * case page can show the documents side by side with the mismatch marked.
 */
public record Finding(String code, String field, Map<String, String> values) {
}
