package io.caravel.catalog;

import io.caravel.platform.CaravelException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The orders a catalog search can come in; by relevance only when there are words to be relevant to. */
public enum CatalogSort {
    RELEVANCE, NEWEST, PRICE_ASC, PRICE_DESC;

    /** The API's spelling: relevance, newest, price-asc, price-desc. */
    public String value() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Reads the {@code sort} parameter; null or blank is null (the default), anything else unknown is a 400. */
    public static CatalogSort parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (CatalogSort sort : values()) {
            if (sort.value().equalsIgnoreCase(value.trim())) {
                return sort;
            }
        }
        throw CaravelException.invalid("sort", "error.catalog.sort",
                Arrays.stream(values()).map(CatalogSort::value).collect(Collectors.joining(", ")));
    }
}
