package io.caravel.catalog;

import io.caravel.seller.ProductCategory;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Published products for index tests: a title, a price in a currency, a category, stock, made in China. */
final class TestProducts {

    private TestProducts() {
    }

    static CatalogProduct product(String id, String title, String description, String price, String currency,
                                  ProductCategory category) {
        ProductDetails p = new ProductDetails();
        p.setTitleEn(title);
        p.setDescriptionEn(description);
        p.setCategory(category);
        p.setOriginCountry("CN");
        p.setPrice(new BigDecimal(price));
        p.setCurrency(currency);
        p.setStockOwn(5);
        return new CatalogProduct(new PublishedProduct(id, "seller", "Seller", 1, p, List.of()),
                Instant.parse("2026-11-01T10:00:00Z"));
    }
}
