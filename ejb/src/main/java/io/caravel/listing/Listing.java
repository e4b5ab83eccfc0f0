package io.caravel.listing;

import io.caravel.seller.ProductCategory;
import io.caravel.platform.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;

/**
 * A seller's product as the seller edits it (the working copy). What buyers see is the catalog's
 * snapshot of the last published revision; {@code live} says whether there is one.
 */
@Entity(name = "Listing")
@Table(name = "listing")
public class Listing {

    @Id
    private String id;
    @Column(name = "seller_id", nullable = false, updatable = false)
    private String sellerId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ListingStatus status;
    @Column(nullable = false)
    private boolean live;
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
    @Enumerated(EnumType.STRING)
    private ProductCategory category;
    @Column(name = "hs_code")
    private String hsCode;
    @Column(name = "origin_country")
    private String originCountry;
    private BigDecimal price;
    private String currency;
    @Column(name = "stock_own", nullable = false)
    private int stockOwn;
    @Column(name = "stock_overseas", nullable = false)
    private int stockOverseas;
    @Column(name = "overseas_warehouse")
    private String overseasWarehouse;
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
    @Column(name = "supplier_listing_id")
    private String supplierListingId;
    @Column(name = "review_note")
    private String reviewNote;
    @Column(name = "process_instance_id")
    private String processInstanceId;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Column(name = "submitted_at")
    private Instant submittedAt;
    @Version
    private int version;

    protected Listing() {
    }

    Listing(String sellerId, Instant now) {
        this.id = Ids.newId();
        this.sellerId = sellerId;
        this.status = ListingStatus.DRAFT;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Takes the form's values; a change to a listing that is decided (published, rejected...) makes it a draft again. */
    void update(ListingData d, Instant now) {
        titleEn = trim(d.getTitleEn());
        titleZh = trim(d.getTitleZh());
        descriptionEn = trim(d.getDescriptionEn());
        descriptionZh = trim(d.getDescriptionZh());
        brand = trim(d.getBrand());
        category = d.getCategory();
        hsCode = d.getHsCode() == null || d.getHsCode().isBlank() ? null : d.getHsCode().replaceAll("[ .]", "");
        originCountry = upper(d.getOriginCountry());
        price = d.getPrice();
        currency = upper(d.getCurrency());
        stockOwn = d.getStockOwn();
        stockOverseas = d.getStockOverseas();
        overseasWarehouse = trim(d.getOverseasWarehouse());
        weightGrams = d.getWeightGrams();
        lengthMm = d.getLengthMm();
        widthMm = d.getWidthMm();
        heightMm = d.getHeightMm();
        lithiumBattery = d.isLithiumBattery();
        unNumber = d.getUnNumber() == null || d.getUnNumber().isBlank() ? null
                : "UN" + d.getUnNumber().trim().toUpperCase(Locale.ROOT).replace("UN", "");
        wholesale = d.isWholesale();
        minAdvertisedPrice = d.isWholesale() ? d.getMinAdvertisedPrice() : null;
        supplierListingId = trim(d.getSupplierListingId());
        updatedAt = now;
        if (status != ListingStatus.CHANGES_REQUIRED) {
            status = ListingStatus.DRAFT;
        }
    }

    /** The form's values, to edit them. */
    public ListingData data() {
        ListingData d = new ListingData();
        d.setTitleEn(titleEn);
        d.setTitleZh(titleZh);
        d.setDescriptionEn(descriptionEn);
        d.setDescriptionZh(descriptionZh);
        d.setBrand(brand);
        d.setCategory(category);
        d.setHsCode(hsCode);
        d.setOriginCountry(originCountry);
        d.setPrice(price);
        d.setCurrency(currency);
        d.setStockOwn(stockOwn);
        d.setStockOverseas(stockOverseas);
        d.setOverseasWarehouse(overseasWarehouse);
        d.setWeightGrams(weightGrams);
        d.setLengthMm(lengthMm);
        d.setWidthMm(widthMm);
        d.setHeightMm(heightMm);
        d.setLithiumBattery(lithiumBattery);
        d.setUnNumber(unNumber);
        d.setWholesale(wholesale);
        d.setMinAdvertisedPrice(minAdvertisedPrice);
        d.setSupplierListingId(supplierListingId);
        return d;
    }

    void submitted(Instant now) {
        status = ListingStatus.PENDING;
        revision++;
        submittedAt = now;
        reviewNote = null;
    }

    void reviewStarted(String processInstance) {
        processInstanceId = processInstance;
    }

    void published() {
        status = ListingStatus.PUBLISHED;
        live = true;
        reviewNote = null;
    }

    void rejected(String reason) {
        status = ListingStatus.REJECTED;
        reviewNote = reason;
    }

    void changesRequired(String whatToFix) {
        status = ListingStatus.CHANGES_REQUIRED;
        reviewNote = whatToFix;
    }

    /** Taken out of the catalog; a listing with a change under review keeps its status. */
    void unpublished(String reason) {
        live = false;
        if (status == ListingStatus.PUBLISHED) {
            status = ListingStatus.UNPUBLISHED;
        }
        reviewNote = reason;
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String upper(String s) {
        return s == null || s.isBlank() ? null : s.trim().toUpperCase(Locale.ROOT);
    }

    public String id() { return id; }
    public String sellerId() { return sellerId; }
    public ListingStatus status() { return status; }
    public boolean live() { return live; }
    public int revision() { return revision; }
    public String titleEn() { return titleEn; }
    public String titleZh() { return titleZh; }
    public String descriptionEn() { return descriptionEn; }
    public String descriptionZh() { return descriptionZh; }
    public String brand() { return brand; }
    public ProductCategory category() { return category; }
    public String hsCode() { return hsCode; }
    public String originCountry() { return originCountry; }
    public BigDecimal price() { return price; }
    public String currency() { return currency; }
    public int stockOwn() { return stockOwn; }
    public int stockOverseas() { return stockOverseas; }
    public String overseasWarehouse() { return overseasWarehouse; }
    public Integer weightGrams() { return weightGrams; }
    public Integer lengthMm() { return lengthMm; }
    public Integer widthMm() { return widthMm; }
    public Integer heightMm() { return heightMm; }
    public boolean lithiumBattery() { return lithiumBattery; }
    public String unNumber() { return unNumber; }
    public boolean wholesale() { return wholesale; }
    public BigDecimal minAdvertisedPrice() { return minAdvertisedPrice; }
    public String supplierListingId() { return supplierListingId; }
    public String reviewNote() { return reviewNote; }
    public String processInstanceId() { return processInstanceId; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public Instant submittedAt() { return submittedAt; }
    public int version() { return version; }

    /** A title for lists and the inbox: English, else Chinese. */
    public String displayTitle() {
        return titleEn != null ? titleEn : titleZh;
    }
}
