package io.caravel.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** The published revision of a listing, as the public catalog serves it; the seller's later edits do not touch it. */
@Entity(name = "CatalogProduct")
@Table(name = "catalog_product")
public class CatalogProduct {

    @Id
    private String id;
    @Column(name = "seller_id", nullable = false)
    private String sellerId;
    @Column(name = "seller_name", nullable = false)
    private String sellerName;
    @Column(nullable = false)
    private int revision;
    @Column(name = "title_en")
    private String titleEn;
    @Column(name = "title_zh")
    private String titleZh;
    @Column(name = "description_en")
    private String descriptionEn;
    @Column(name = "description_zh")
    private String descriptionZh;
    private String brand;
    @Column(name = "brand_key")
    private String brandKey;
    @Column(nullable = false)
    private String category;
    @Column(name = "hs_code", nullable = false)
    private String hsCode;
    @Column(name = "origin_country", nullable = false)
    private String originCountry;
    @Column(nullable = false)
    private BigDecimal price;
    @Column(nullable = false)
    private String currency;
    @Column(nullable = false)
    private int stock;
    @Column(name = "ships_from", nullable = false)
    private String shipsFrom;
    @Column(name = "weight_grams")
    private Integer weightGrams;
    @Column(name = "length_mm")
    private Integer lengthMm;
    @Column(name = "width_mm")
    private Integer widthMm;
    @Column(name = "height_mm")
    private Integer heightMm;
    @Column(name = "lithium_battery", nullable = false)
    private boolean lithiumBattery;
    @Column(name = "un_number")
    private String unNumber;
    @Column(nullable = false)
    private boolean wholesale;
    @Column(name = "min_advertised_price")
    private BigDecimal minAdvertisedPrice;
    @Column(name = "supplier_product_id")
    private String supplierProductId;
    @Column(name = "image_ids")
    private String imageIds;
    @Column(name = "first_published_at", nullable = false, updatable = false)
    private Instant firstPublishedAt;
    @Column(name = "published_at", nullable = false)
    private Instant publishedAt;

    protected CatalogProduct() {
    }

    CatalogProduct(PublishedProduct p, Instant now) {
        this.id = p.id();
        this.firstPublishedAt = now;
        replace(p, now);
    }

    /** Replaces the served revision with a newer one. */
    void replace(PublishedProduct p, Instant now) {
        sellerId = p.sellerId();
        sellerName = p.sellerName();
        revision = p.revision();
        titleEn = p.titleEn();
        titleZh = p.titleZh();
        descriptionEn = p.descriptionEn();
        descriptionZh = p.descriptionZh();
        brand = p.brand();
        brandKey = p.brandKey();
        category = p.category();
        hsCode = p.hsCode();
        originCountry = p.originCountry();
        price = p.price();
        currency = p.currency();
        stock = p.stock();
        shipsFrom = p.shipsFrom();
        weightGrams = p.weightGrams();
        lengthMm = p.lengthMm();
        widthMm = p.widthMm();
        heightMm = p.heightMm();
        lithiumBattery = p.lithiumBattery();
        unNumber = p.unNumber();
        wholesale = p.wholesale();
        minAdvertisedPrice = p.minAdvertisedPrice();
        supplierProductId = p.supplierProductId();
        imageIds = String.join(",", p.imageIds());
        publishedAt = now;
    }

    /** The words the product is found by, in both languages. */
    String searchText() {
        return String.join(" ", nonNull(titleEn), nonNull(titleZh), nonNull(descriptionEn), nonNull(descriptionZh),
                nonNull(brand));
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    public String id() { return id; }
    public String sellerId() { return sellerId; }
    public String sellerName() { return sellerName; }
    public int revision() { return revision; }
    public String titleEn() { return titleEn; }
    public String titleZh() { return titleZh; }
    public String descriptionEn() { return descriptionEn; }
    public String descriptionZh() { return descriptionZh; }
    public String brand() { return brand; }
    public String category() { return category; }
    public String hsCode() { return hsCode; }
    public String originCountry() { return originCountry; }
    public BigDecimal price() { return price; }
    public String currency() { return currency; }
    public int stock() { return stock; }
    public String shipsFrom() { return shipsFrom; }
    public Integer weightGrams() { return weightGrams; }
    public Integer lengthMm() { return lengthMm; }
    public Integer widthMm() { return widthMm; }
    public Integer heightMm() { return heightMm; }
    public boolean lithiumBattery() { return lithiumBattery; }
    public String unNumber() { return unNumber; }
    public boolean wholesale() { return wholesale; }
    public BigDecimal minAdvertisedPrice() { return minAdvertisedPrice; }
    public String supplierProductId() { return supplierProductId; }
    public Instant firstPublishedAt() { return firstPublishedAt; }
    public Instant publishedAt() { return publishedAt; }

    public List<String> imageIds() {
        return imageIds == null || imageIds.isEmpty() ? List.of() : Arrays.asList(imageIds.split(","));
    }
}
