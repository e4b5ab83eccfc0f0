package io.caravel.catalog;

import java.util.List;
import java.util.Map;

/**
 * One page of a catalog search: the products in order, the cursor of the next page (null on the last),
 * and, when asked for, how many match in all and the facet counts (dimension → values, most first).
 */
public record CatalogHits<T>(List<T> items, String nextCursor, Long total, Map<String, List<FacetCount>> facets) {

    public CatalogHits {
        items = List.copyOf(items);
    }

    /** How many matching products have this value. */
    public record FacetCount(String value, long count) {
    }

    <U> CatalogHits<U> with(List<U> items) {
        return new CatalogHits<>(items, nextCursor, total, facets);
    }
}
