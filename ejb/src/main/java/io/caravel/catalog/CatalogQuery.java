package io.caravel.catalog;

import java.math.BigDecimal;

/**
 * A buyer's catalog search: words in English or Chinese, filters, and a price range in
 * {@code currency} (products priced in other currencies are compared at the loaded FX rates);
 * {@code sellerId} limits it to one store (a storefront channel's).
 */
public record CatalogQuery(String q, String category, String brand, String originCountry, BigDecimal minPrice,
                           BigDecimal maxPrice, String currency, boolean wholesale, String sellerId) {
}
