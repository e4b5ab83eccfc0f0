package io.caravel.listing.web;

import io.caravel.listing.ListingService;
import io.caravel.listing.ListingView;
import io.caravel.platform.Caller;
import io.caravel.platform.Page;
import io.caravel.platform.PageRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The seller's listings page: the newest listings, a page at a time. */
@Named
@RequestScoped
public class SellerListingsBean {

    @Inject
    private ListingService listings;

    @Inject
    private Caller caller;

    private String cursor;
    private Page<ListingView> page;

    public Page<ListingView> getPage() {
        if (page == null) {
            page = listings.list(caller, null, PageRequest.of(PageRequest.DEFAULT_LIMIT, cursor));
        }
        return page;
    }

    public String getCursor() { return cursor; }
    public void setCursor(String cursor) { this.cursor = cursor; }
}
