package io.caravel.catalog.web;

import io.caravel.catalog.CatalogProduct;
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
                          String sellerId, String sellerName, List<String> images, Instant publishedAt) {

    /** A text in English and Chinese (either may be missing). */
    public record Text(String en, String zh) {
    }

    /** An amount in a currency. */
    public record Money(BigDecimal amount, String currency) {
    }

    /** The price converted for the buyer, naming the reference rate, its date and source. */
    public record BuyerPrice(BigDecimal amount, String currency, BigDecimal rate, LocalDate rateDate, String source) {
    }

    /** Package size in millimetres. */
    public record Dimensions(Integer lengthMm, Integer widthMm, Integer heightMm) {
    }

    /** The product with its price in {@code buyer}'s currency when one was asked for ({@code buyer} may be null). */
    static ProductView of(CatalogProduct p, FxTable.Conversion buyer, String imageBase) {
        Dimensions dimensions = p.lengthMm() == null && p.widthMm() == null && p.heightMm() == null ? null
                : new Dimensions(p.lengthMm(), p.widthMm(), p.heightMm());
        return new ProductView(p.id(), p.revision(), new Text(p.titleEn(), p.titleZh()),
                new Text(p.descriptionEn(), p.descriptionZh()), p.brand(), p.category(), p.hsCode(), p.originCountry(),
                new Money(p.price(), p.currency()),
                buyer == null ? null : new BuyerPrice(buyer.amount(), buyer.currency(), buyer.rate(), buyer.rateDate(), buyer.source()),
                p.stock(), p.shipsFrom(), p.weightGrams(), dimensions, p.lithiumBattery(), p.unNumber(), p.wholesale(),
                p.minAdvertisedPrice() == null ? null : new Money(p.minAdvertisedPrice(), p.currency()),
                p.supplierProductId(), p.sellerId(), p.sellerName(),
                p.imageIds().stream().map(id -> imageBase + p.id() + "/images/" + id).toList(), p.publishedAt());
    }
}
