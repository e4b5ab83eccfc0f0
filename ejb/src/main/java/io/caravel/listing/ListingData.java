package io.caravel.listing;

import io.caravel.seller.ProductCategory;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.math.BigDecimal;

/**
 * The listing form as a seller fills it. A draft may be incomplete; formats are checked on every
 * save, required fields when the listing is submitted.
 */
public class ListingData implements Serializable {

    @Size(max = 200, message = "{caravel.listing.title.size}")
    private String titleEn;
    @Size(max = 200, message = "{caravel.listing.title.size}")
    private String titleZh;
    @Size(max = 4000, message = "{caravel.application.text.size}")
    private String descriptionEn;
    @Size(max = 4000, message = "{caravel.application.text.size}")
    private String descriptionZh;
    @Size(max = 120, message = "{caravel.application.text.size}")
    private String brand;
    private ProductCategory category;
    @Pattern(regexp = "^[0-9][0-9 .]{1,14}$", message = "{caravel.listing.hs.format}")
    private String hsCode;
    @Pattern(regexp = "^[A-Za-z]{2}$", message = "{caravel.application.country}")
    private String originCountry;
    @DecimalMin(value = "0.01", message = "{caravel.listing.price.min}")
    @Digits(integer = 12, fraction = 4, message = "{caravel.listing.price.min}")
    private BigDecimal price;
    @Pattern(regexp = "^[A-Za-z]{3}$", message = "{caravel.listing.currency.format}")
    private String currency;
    @Min(value = 0, message = "{caravel.listing.quantity.min}")
    @Max(value = 10_000_000, message = "{caravel.listing.quantity.min}")
    private int stockOwn;
    @Min(value = 0, message = "{caravel.listing.quantity.min}")
    @Max(value = 10_000_000, message = "{caravel.listing.quantity.min}")
    private int stockOverseas;
    @Size(max = 120, message = "{caravel.application.text.size}")
    private String overseasWarehouse;
    @Min(value = 1, message = "{caravel.listing.quantity.min}")
    @Max(value = 1_000_000, message = "{caravel.listing.quantity.min}")
    private Integer weightGrams;
    @Min(value = 1, message = "{caravel.listing.quantity.min}")
    @Max(value = 10_000, message = "{caravel.listing.quantity.min}")
    private Integer lengthMm;
    @Min(value = 1, message = "{caravel.listing.quantity.min}")
    @Max(value = 10_000, message = "{caravel.listing.quantity.min}")
    private Integer widthMm;
    @Min(value = 1, message = "{caravel.listing.quantity.min}")
    @Max(value = 10_000, message = "{caravel.listing.quantity.min}")
    private Integer heightMm;
    private boolean lithiumBattery;
    @Pattern(regexp = "^(UN)?(3480|3481|3090|3091)$", message = "{caravel.listing.un.format}")
    private String unNumber;
    private boolean wholesale;
    @DecimalMin(value = "0.01", message = "{caravel.listing.price.min}")
    @Digits(integer = 12, fraction = 4, message = "{caravel.listing.price.min}")
    private BigDecimal minAdvertisedPrice;
    @Size(max = 36, message = "{caravel.application.text.size}")
    private String supplierListingId;

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
