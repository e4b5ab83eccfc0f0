package io.caravel.catalog;

import java.math.BigDecimal;

/**
 * A buyer's catalog search: words in English or Chinese, filters, and a price range in
 * {@code currency} (products priced in other currencies are compared at the loaded FX rates);
 * {@code sellerId} limits it to one store (a storefront channel's). {@code sort} null: by relevance
 * when there are words, newest first otherwise; {@code facets}: count the matches by category,
 * brand, origin, price band and where they ship from.
 */
public record CatalogQuery(String q, String category, String brand, String originCountry, BigDecimal minPrice,
                           BigDecimal maxPrice, String currency, boolean wholesale, String sellerId, CatalogSort sort,
                           boolean facets) {
}
