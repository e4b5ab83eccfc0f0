package io.caravel.catalog.web;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.caravel.catalog.CatalogProduct;
import io.caravel.catalog.ProductDetails;
import io.caravel.fx.FxTable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A published product as storefronts get it: both languages, the seller's price and, on request, the buyer's. */
public record ProductView(String id, int revision, Text title, Text description, String brand, String category,
                          String hsCode, String originCountry, Money price, BuyerPrice buyerPrice, int stock,
                          String shipsFrom, Integer weightGrams, Dimensions dimensions, boolean lithiumBattery,
                          String unNumber, boolean wholesale, Money minAdvertisedPrice, String supplierProductId,
                          String sellerId, String sellerName, boolean firstParty, List<String> images, Instant publishedAt) {

    /** A text in English and Chinese (either may be missing). */
    public record Text(String en, String zh) {
    }

    /** An amount in a currency. */
    @Schema(name = "ProductMoney")
    public record Money(BigDecimal amount, String currency) {
    }

    /** The price converted for the buyer, naming the reference rate, its date and source. */
    public record BuyerPrice(BigDecimal amount, String currency, BigDecimal rate, LocalDate rateDate, String source) {
    }

    /** Package size in millimetres. */
    public record Dimensions(Integer lengthMm, Integer widthMm, Integer heightMm) {
    }

    /** The product with its price in {@code buyer}'s currency when one was asked for ({@code buyer} may be null). */
    static ProductView of(CatalogProduct published, FxTable.Conversion buyer, String imageBase, boolean firstParty) {
        ProductDetails p = published.product();
        Dimensions dimensions = p.getLengthMm() == null && p.getWidthMm() == null && p.getHeightMm() == null ? null
                : new Dimensions(p.getLengthMm(), p.getWidthMm(), p.getHeightMm());
        return new ProductView(published.id(), published.revision(), new Text(p.getTitleEn(), p.getTitleZh()),
                new Text(p.getDescriptionEn(), p.getDescriptionZh()), p.getBrand(), p.getCategory().name(), p.getHsCode(),
                p.getOriginCountry(), new Money(p.getPrice(), p.getCurrency()),
                buyer == null ? null : new BuyerPrice(buyer.amount(), buyer.currency(), buyer.rate(), buyer.rateDate(), buyer.source()),
                p.getTotalStock(), p.getShipsFrom(), p.getWeightGrams(), dimensions, p.isLithiumBattery(), p.getUnNumber(),
                p.isWholesale(), p.getMinAdvertisedPrice() == null ? null : new Money(p.getMinAdvertisedPrice(), p.getCurrency()),
                p.getSupplierListingId(), published.sellerId(), published.sellerName(), firstParty,
                published.imageIds().stream().map(id -> imageBase + published.id() + "/images/" + id).toList(),
                published.publishedAt());
    }
}
