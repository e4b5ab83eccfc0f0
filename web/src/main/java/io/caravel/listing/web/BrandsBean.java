package io.caravel.listing.web;

import io.caravel.listing.Brand;
import io.caravel.listing.ListingService;
import io.caravel.platform.Caller;
import io.caravel.platform.CaravelException;
import io.caravel.platform.web.ui.FacesMessages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** The seller's brands page: register a brand the company owns and authorise other sellers to list it. */
@Named
@ViewScoped
public class BrandsBean implements Serializable {

    @Inject
    private ListingService listings;

    @Inject
    private Caller caller;

    private String name;
    private String trademark;
    private String brandId;
    private String sellerId;

    public List<Brand> getBrands() {
        return listings.myBrands(caller);
    }

    public void register() {
        try {
            listings.registerBrand(caller, name, trademark);
            name = null;
            trademark = null;
            FacesMessages.info("brands.registered");
        } catch (CaravelException e) {
            FacesMessages.error(e, null);
        }
    }

    public void authorize() {
        try {
            listings.authorize(caller, brandId, sellerId == null ? null : sellerId.trim());
            sellerId = null;
            FacesMessages.info("brands.authorized");
        } catch (CaravelException e) {
            FacesMessages.error(e, null);
        }
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getTrademark() { return trademark; }
    public void setTrademark(String trademark) { this.trademark = trademark; }
    public String getBrandId() { return brandId; }
    public void setBrandId(String brandId) { this.brandId = brandId; }
    public String getSellerId() { return sellerId; }
    public void setSellerId(String sellerId) { this.sellerId = sellerId; }
}
