package io.caravel.catalog;

import java.math.BigDecimal;
import java.util.List;

/** What the listing review hands to the catalog when a revision passes: the product as buyers will see it. */
public record PublishedProduct(String id, String sellerId, String sellerName, int revision, String titleEn, String titleZh,
                               String descriptionEn, String descriptionZh, String brand, String brandKey, String category,
                               String hsCode, String originCountry, BigDecimal price, String currency, int stock,
                               String shipsFrom, Integer weightGrams, Integer lengthMm, Integer widthMm, Integer heightMm,
                               boolean lithiumBattery, String unNumber, boolean wholesale, BigDecimal minAdvertisedPrice,
                               String supplierProductId, List<String> imageIds) {
}
