package io.caravel.catalog;

import java.util.List;

/** What the listing review hands to the catalog when a revision passes: the product as buyers will see it. */
public record PublishedProduct(String id, String sellerId, String sellerName, int revision, ProductDetails product,
                               List<String> imageIds) {
}
