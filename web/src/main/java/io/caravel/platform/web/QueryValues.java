package io.caravel.platform.web;

import io.caravel.platform.CaravelException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Values of query parameters and small request fields, read one way everywhere. */
public final class QueryValues {

    private QueryValues() {
    }

    /**
     * The constant named by {@code text} in any case, none for a missing or blank value; another name is
     * a 400 naming the field and every allowed value.
     */
    public static <E extends Enum<E>> E oneOf(Class<E> type, String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw CaravelException.invalid(field, "error.value.one-of", field,
                    Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }
}
