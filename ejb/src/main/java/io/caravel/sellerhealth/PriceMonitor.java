package io.caravel.sellerhealth;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.caravel.catalog.CatalogProduct;
import io.caravel.catalog.CatalogService;
import io.caravel.fx.FxService;
import io.caravel.fx.FxTable;
import io.caravel.listing.CheckResult;
import io.caravel.listing.ListingWorkflow;
import io.caravel.listing.PriceComparison;
import io.caravel.notification.Notifications;
import io.caravel.risk.RiskCategory;
import io.caravel.risk.RiskEvent;
import io.caravel.risk.RiskEvents;
import io.caravel.sellerreview.SellerReviews;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Price-system monitoring (价格体系混乱): a scan of every live dropship listing against its supplier's
 * minimum advertised price (a supplier may raise it, a currency may move, an officer may have published
 * a listing anyway), and of the same wholesale item across resellers and currencies. A violation is a
 * risk event (platform rules) the brand owner and the reseller are told about, at most once a day per
 * listing; repeated violations by a reseller (3 in 30 days) start a review of its account.
 */
@Stateless
public class PriceMonitor {

    /** Resellers of one item whose highest price (in euros) is above this multiple of the lowest: the price system is apart. */
    static final BigDecimal DISPERSION = new BigDecimal("2");
    /** This many minimum-price violations of a reseller within the period start a review of its account. */
    static final int REPEATED = 3;
    static final Duration PERIOD = Duration.ofDays(30);
    /** A finding still there is recorded again after this, so repeated violations count by day. */
    static final Duration ONCE_A_DAY = Duration.ofHours(23);
    /** The scan's finding: a live listing below its supplier's minimum advertised price (the review's own check is MAP_VIOLATION). */
    static final String LIVE_BELOW_MAP = "MAP_VIOLATION_LIVE";

    @Inject
    private CatalogService catalog;

    @Inject
    private PriceComparison prices;

    @Inject
    private FxService fx;

    @Inject
    private RiskEvents risks;

    @Inject
    private Notifications notifications;

    @Inject
    private SellerReviews reviews;

    /** What a scan found. */
    @Schema(name = "PriceScanResult")
    public record ScanResult(int scanned, int violations, int dispersed, List<String> reviewsStarted) {
    }

    /** Scans every live dropship listing now, in one transaction. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public ScanResult scan() {
        List<CatalogProduct> resold = catalog.resold();
        FxTable rates = fx.table();
        int violations = 0;
        Map<String, List<CatalogProduct>> byItem = new LinkedHashMap<>();
        Map<String, Integer> sellersFlagged = new LinkedHashMap<>();
        for (CatalogProduct listing : resold) {
            byItem.computeIfAbsent(listing.product().getSupplierListingId(), k -> new ArrayList<>()).add(listing);
            Optional<CheckResult> below = prices.belowMinimumAdvertisedPrice(listing.product());
            if (below.isPresent() && !risks.recent(LIVE_BELOW_MAP, listing.id(), ONCE_A_DAY)) {
                risks.record(RiskCategory.PLATFORM_RULES, LIVE_BELOW_MAP, RiskEvent.Severity.REVIEW, ListingWorkflow.CASE_TYPE,
                        listing.id(), listing.sellerId(), "price scan: " + below.get().detail());
                String owner = catalog.product(listing.product().getSupplierListingId()).sellerId();
                notifications.notify(owner, listing.id(), "MAP_VIOLATION_REPORTED", title(listing) + ": "
                        + below.get().detail());
                notifications.notify(listing.sellerId(), listing.id(), "PRICE_BELOW_MAP", title(listing) + ": "
                        + below.get().detail());
                sellersFlagged.merge(listing.sellerId(), 1, Integer::sum);
                violations++;
            }
        }
        List<String> started = new ArrayList<>();
        for (String seller : sellersFlagged.keySet()) {
            // violations found at review (MAP_VIOLATION) and live ones found by the scan, each day
            long found = risks.count(seller, "MAP_VIOLATION", PERIOD) + risks.count(seller, LIVE_BELOW_MAP, PERIOD);
            if (found >= REPEATED && reviews.startIfNone(seller, "MAP_VIOLATIONS_REPEATED")) {
                started.add(seller);
            }
        }
        int dispersed = 0;
        for (Map.Entry<String, List<CatalogProduct>> item : byItem.entrySet()) {
            Optional<String> apart = catalog.isPublished(item.getKey()) ? dispersion(item.getValue(), rates) : Optional.empty();
            if (apart.isPresent() && !risks.recent("PRICE_DISPERSION", item.getKey(), ONCE_A_DAY)) {
                risks.record(RiskCategory.MARKET, "PRICE_DISPERSION", RiskEvent.Severity.INFO, ListingWorkflow.CASE_TYPE,
                        item.getKey(), catalog.product(item.getKey()).sellerId(), apart.get());
                dispersed++;
            }
        }
        return new ScanResult(resold.size(), violations, dispersed, started);
    }

    private static String title(CatalogProduct listing) {
        return listing.product().getTitleEn() != null ? listing.product().getTitleEn() : listing.product().getTitleZh();
    }

    /** The resellers' prices of one item in euros: apart when the highest is above DISPERSION times the lowest. */
    private static Optional<String> dispersion(List<CatalogProduct> listings, FxTable rates) {
        if (listings.size() < 2) {
            return Optional.empty();
        }
        BigDecimal low = null;
        BigDecimal high = null;
        for (CatalogProduct p : listings) {
            Optional<BigDecimal> eur = rates.convert(p.product().getPrice(), p.product().getCurrency(), "EUR").map(FxTable.Conversion::amount);
            if (eur.isEmpty()) {
                continue;
            }
            low = low == null || eur.get().compareTo(low) < 0 ? eur.get() : low;
            high = high == null || eur.get().compareTo(high) > 0 ? eur.get() : high;
        }
        if (low == null || low.signum() <= 0 || high.compareTo(low.multiply(DISPERSION)) <= 0) {
            return Optional.empty();
        }
        return Optional.of(listings.size() + " resellers price it from " + low.setScale(2, RoundingMode.HALF_EVEN) + " to "
                + high.setScale(2, RoundingMode.HALF_EVEN) + " EUR (more than " + DISPERSION + "×)");
    }
}
