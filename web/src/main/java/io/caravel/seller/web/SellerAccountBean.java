package io.caravel.seller.web;

import io.caravel.platform.Caller;
import io.caravel.seller.Seller;
import io.caravel.seller.SellerDirectory;
import io.caravel.seller.SellerStatus;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The signed-in user's seller account as the portal pages need it: where it stands, and so whether
 * the pages offer listing actions (only an ACTIVE seller may list and sell).
 */
@Named("sellerAccount")
@RequestScoped
public class SellerAccountBean {

    @Inject
    private SellerDirectory sellers;

    @Inject
    private Caller caller;

    private Seller seller;
    private boolean loaded;

    /** The caller's seller account, or null for a user who acts for no seller. */
    public Seller getSeller() {
        if (!loaded) {
            seller = sellers.find(caller.sellerId()).orElse(null);
            loaded = true;
        }
        return seller;
    }

    public SellerStatus getStatus() {
        return getSeller() == null ? null : getSeller().status();
    }

    /** Whether the seller may list and sell. */
    public boolean isActive() {
        return getStatus() == SellerStatus.ACTIVE;
    }
}
