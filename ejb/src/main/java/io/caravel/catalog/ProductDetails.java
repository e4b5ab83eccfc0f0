package io.caravel.catalog;

import io.caravel.seller.ProductCategory;
import jakarta.json.bind.annotation.JsonbTransient;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The one definition of a product's fields: what a seller fills in (the listing form and API body),
 * the listing's working copy, each submitted revision and the catalog's published snapshot all hold
 * one of these. A draft may be incomplete; formats are checked on every save, required fields when
 * a listing is submitted.
 */
@Embeddable
public class ProductDetails implements Serializable {

    @Size(max = 200, message = "{caravel.listing.title.size}")
    @Column(name = "title_en")
    private String titleEn;
    @Size(max = 200, message = "{caravel.listing.title.size}")
    @Column(name = "title_zh")
    private String titleZh;
    @Size(max = 4000, message = "{caravel.application.text.size}")
    @Column(name = "description_en")
    private String descriptionEn;
    @Size(max = 4000, message = "{caravel.application.text.size}")
    @Column(name = "description_zh")
    private String descriptionZh;
    @Size(max = 120, message = "{caravel.application.text.size}")
    private String brand;
    @Enumerated(EnumType.STRING)
    private ProductCategory category;
    @Pattern(regexp = "^[0-9][0-9 .]{1,14}$", message = "{caravel.listing.hs.format}")
    @Column(name = "hs_code")
    private String hsCode;
    @Pattern(regexp = "^[A-Za-z]{2}$", message = "{caravel.application.country}")
    @Column(name = "origin_country")
    private String originCountry;
    @DecimalMin(value = "0.01", message = "{caravel.listing.price.min}")
    @Digits(integer = 12, fraction = 4, message = "{caravel.listing.price.min}")
    private BigDecimal price;
    @Pattern(regexp = "^[A-Za-z]{3}$", message = "{caravel.listing.currency.format}")
    private String currency;
    @Min(value = 0, message = "{caravel.listing.quantity.min}")
    @Max(value = 10_000_000, message = "{caravel.listing.quantity.min}")
    @Column(name = "stock_own", nullable = false)
    private int stockOwn;
    @Min(value = 0, message = "{caravel.listing.quantity.min}")
    @Max(value = 10_000_000, message = "{caravel.listing.quantity.min}")
    @Column(name = "stock_overseas", nullable = false)
    private int stockOverseas;
    @Size(max = 120, message = "{caravel.application.text.size}")
    @Column(name = "overseas_warehouse")
    private String overseasWarehouse;
    @Min(value = 1, message = "{caravel.listing.quantity.min}")
    @Max(value = 1_000_000, message = "{caravel.listing.quantity.min}")
    @Column(name = "weight_grams")
    private Integer weightGrams;
    @Min(value = 1, message = "{caravel.listing.quantity.min}")
    @Max(value = 10_000, message = "{caravel.listing.quantity.min}")
    @Column(name = "length_mm")
    private Integer lengthMm;
    @Min(value = 1, message = "{caravel.listing.quantity.min}")
    @Max(value = 10_000, message = "{caravel.listing.quantity.min}")
    @Column(name = "width_mm")
    private Integer widthMm;
    @Min(value = 1, message = "{caravel.listing.quantity.min}")
    @Max(value = 10_000, message = "{caravel.listing.quantity.min}")
    @Column(name = "height_mm")
    private Integer heightMm;
    @Column(name = "lithium_battery", nullable = false)
    private boolean lithiumBattery;
    @Pattern(regexp = "^(UN)?(3480|3481|3090|3091)$", message = "{caravel.listing.un.format}")
    @Column(name = "un_number")
    private String unNumber;
    @Column(nullable = false)
    private boolean wholesale;
    @DecimalMin(value = "0.01", message = "{caravel.listing.price.min}")
    @Digits(integer = 12, fraction = 4, message = "{caravel.listing.price.min}")
    @Column(name = "min_advertised_price")
    private BigDecimal minAdvertisedPrice;
    @Size(max = 36, message = "{caravel.application.text.size}")
    @Column(name = "supplier_listing_id")
    private String supplierListingId;

    /** A copy as it is stored: text trimmed (blank is empty), codes upper case, HS code without dots and spaces. */
    public ProductDetails normalized() {
        ProductDetails d = copy();
        d.titleEn = trim(titleEn);
        d.titleZh = trim(titleZh);
        d.descriptionEn = trim(descriptionEn);
        d.descriptionZh = trim(descriptionZh);
        d.brand = trim(brand);
        d.hsCode = hsCode == null || hsCode.isBlank() ? null : hsCode.replaceAll("[ .]", "");
        d.originCountry = upper(originCountry);
        d.currency = upper(currency);
        d.overseasWarehouse = trim(overseasWarehouse);
        d.unNumber = unNumber == null || unNumber.isBlank() ? null
                : "UN" + unNumber.trim().toUpperCase(Locale.ROOT).replace("UN", "");
        d.minAdvertisedPrice = wholesale ? minAdvertisedPrice : null;
        d.supplierListingId = trim(supplierListingId);
        return d;
    }

    /** An independent copy (the embedded value of one entity is never shared with another). */
    public ProductDetails copy() {
        ProductDetails d = new ProductDetails();
        for (Field field : fields()) {
            try {
                field.set(d, field.get(this));
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return d;
    }

    /** The fields that differ from {@code earlier}, in form order (amounts compared by value: 5.0 = 5.00). */
    public List<Change> changesSince(ProductDetails earlier) {
        List<Change> changes = new ArrayList<>();
        for (Field field : fields()) {
            try {
                Object before = field.get(earlier);
                Object after = field.get(this);
                boolean same = before instanceof BigDecimal b && after instanceof BigDecimal a ? a.compareTo(b) == 0
                        : Objects.equals(before, after);
                if (!same) {
                    changes.add(new Change(field.getName(), before, after));
                }
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return changes;
    }

    /** One changed field between two revisions. */
    public record Change(String field, Object before, Object after) implements Serializable {
    }

    /** The title for lists and the inbox: English, else Chinese. */
    @JsonbTransient
    public String getDisplayTitle() {
        return titleEn != null ? titleEn : titleZh;
    }

    /** Units the seller can ship: own and overseas warehouse stock together. */
    @JsonbTransient
    public int getTotalStock() {
        return stockOwn + stockOverseas;
    }

    /** Where an order ships from: the supplier (dropship), an overseas warehouse, the seller's own, or both. */
    @JsonbTransient
    public String getShipsFrom() {
        if (supplierListingId != null) {
            return "SUPPLIER";
        }
        if (stockOverseas > 0) {
            return stockOwn > 0 ? "OWN_AND_OVERSEAS_WAREHOUSE" : "OVERSEAS_WAREHOUSE";
        }
        return "OWN_WAREHOUSE";
    }

    /** The words the product is found by, in both languages. */
    @JsonbTransient
    public String getSearchText() {
        return String.join(" ", nonNull(titleEn), nonNull(titleZh), nonNull(descriptionEn), nonNull(descriptionZh),
                nonNull(brand));
    }

    /** The form two spellings of one brand share: case, accents, spaces and punctuation ignored ("Dyna-Volt" = "dynavolt"). */
    public static String brandKey(String name) {
        String folded = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        return folded.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }

    private static List<Field> fields() {
        List<Field> fields = new ArrayList<>();
        for (Field field : ProductDetails.class.getDeclaredFields()) {
            int modifiers = field.getModifiers();
            if (!Modifier.isStatic(modifiers) && !Modifier.isTransient(modifiers) && !field.isSynthetic()
                    && !field.getName().startsWith("_")) { // woven persistence fields start with _
                field.setAccessible(true);
                fields.add(field);
            }
        }
        return fields;
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String upper(String s) {
        return s == null || s.isBlank() ? null : s.trim().toUpperCase(Locale.ROOT);
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    public String getTitleEn() { return titleEn; }
    public void setTitleEn(String titleEn) { this.titleEn = titleEn; }
    public String getTitleZh() { return titleZh; }
    public void setTitleZh(String titleZh) { this.titleZh = titleZh; }
    public String getDescriptionEn() { return descriptionEn; }
    public void setDescriptionEn(String descriptionEn) { this.descriptionEn = descriptionEn; }
    public String getDescriptionZh() { return descriptionZh; }
    public void setDescriptionZh(String descriptionZh) { this.descriptionZh = descriptionZh; }
    public String getBrand() { return brand; }
    public void setBrand(String brand) { this.brand = brand; }
    public ProductCategory getCategory() { return category; }
    public void setCategory(ProductCategory category) { this.category = category; }
    public String getHsCode() { return hsCode; }
    public void setHsCode(String hsCode) { this.hsCode = hsCode; }
    public String getOriginCountry() { return originCountry; }
    public void setOriginCountry(String originCountry) { this.originCountry = originCountry; }
    public BigDecimal getPrice() { return price; }
    public void setPrice(BigDecimal price) { this.price = price; }
    public String getCurrency() { return currency; }
    public void setCurrency(String currency) { this.currency = currency; }
    public int getStockOwn() { return stockOwn; }
    public void setStockOwn(int stockOwn) { this.stockOwn = stockOwn; }
    public int getStockOverseas() { return stockOverseas; }
    public void setStockOverseas(int stockOverseas) { this.stockOverseas = stockOverseas; }
    public String getOverseasWarehouse() { return overseasWarehouse; }
    public void setOverseasWarehouse(String overseasWarehouse) { this.overseasWarehouse = overseasWarehouse; }
    public Integer getWeightGrams() { return weightGrams; }
    public void setWeightGrams(Integer weightGrams) { this.weightGrams = weightGrams; }
    public Integer getLengthMm() { return lengthMm; }
    public void setLengthMm(Integer lengthMm) { this.lengthMm = lengthMm; }
    public Integer getWidthMm() { return widthMm; }
    public void setWidthMm(Integer widthMm) { this.widthMm = widthMm; }
    public Integer getHeightMm() { return heightMm; }
    public void setHeightMm(Integer heightMm) { this.heightMm = heightMm; }
    public boolean isLithiumBattery() { return lithiumBattery; }
    public void setLithiumBattery(boolean lithiumBattery) { this.lithiumBattery = lithiumBattery; }
    public String getUnNumber() { return unNumber; }
    public void setUnNumber(String unNumber) { this.unNumber = unNumber; }
    public boolean isWholesale() { return wholesale; }
    public void setWholesale(boolean wholesale) { this.wholesale = wholesale; }
    public BigDecimal getMinAdvertisedPrice() { return minAdvertisedPrice; }
    public void setMinAdvertisedPrice(BigDecimal minAdvertisedPrice) { this.minAdvertisedPrice = minAdvertisedPrice; }
    public String getSupplierListingId() { return supplierListingId; }
    public void setSupplierListingId(String supplierListingId) { this.supplierListingId = supplierListingId; }
}
