package io.caravel.listing;

import io.caravel.catalog.CatalogProduct;
import io.caravel.catalog.CatalogService;
import io.caravel.catalog.ProductDetails;
import io.caravel.fx.FxService;
import io.caravel.fx.FxTable;
import io.caravel.listing.ListingCheck.Outcome;
import io.caravel.risk.RiskCategory;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The price checks of a listing: far below comparable products (market risk), and a dropship
 * listing under its supplier's minimum advertised price (a price-system violation, 价格体系混乱).
 */
@Stateless
public class PriceComparison {

    /** A price below this share of the comparable products' median is an anomaly. */
    static final BigDecimal ANOMALY_SHARE = new BigDecimal("0.30");
    /** Fewer comparable products than this say nothing about a price. */
    static final int MIN_COMPARABLES = 3;
    static final int MAX_COMPARABLES = 200;

    @Inject
    private CatalogService catalog;

    @Inject
    private FxService fx;

    /** Flags a price far below the median of published products in the same HS subheading. */
    public Optional<CheckResult> anomaly(String listingId, ProductDetails listing) {
        List<BigDecimal> comparable = new ArrayList<>();
        FxTable rates = fx.table();
        for (CatalogProduct p : catalog.comparables(listing.getHsCode(), listingId, MAX_COMPARABLES)) {
            rates.convert(p.product().getPrice(), p.product().getCurrency(), listing.getCurrency()).ifPresent(c -> comparable.add(c.amount()));
        }
        if (comparable.size() < MIN_COMPARABLES) {
            return Optional.empty();
        }
        BigDecimal median = median(comparable);
        if (listing.getPrice().compareTo(median.multiply(ANOMALY_SHARE)) >= 0) {
            return Optional.empty();
        }
        return Optional.of(new CheckResult("PRICE_ANOMALY", Outcome.REVIEW, RiskCategory.MARKET,
                "price " + listing.getPrice().stripTrailingZeros().toPlainString() + " " + listing.getCurrency()
                        + " is below " + ANOMALY_SHARE.movePointRight(2).stripTrailingZeros().toPlainString()
                        + "% of the median " + median.setScale(2, RoundingMode.HALF_EVEN).toPlainString() + " "
                        + listing.getCurrency() + " of " + comparable.size() + " comparable products (HS "
                        + listing.getHsCode().substring(0, Math.min(6, listing.getHsCode().length())) + ")"));
    }

    /** Flags a dropship listing priced under the supplier's minimum advertised price. */
    public Optional<CheckResult> belowMinimumAdvertisedPrice(ProductDetails listing) {
        if (listing.getSupplierListingId() == null || !catalog.isPublished(listing.getSupplierListingId())) {
            return Optional.empty();
        }
        ProductDetails item = catalog.product(listing.getSupplierListingId()).product();
        if (item.getMinAdvertisedPrice() == null) {
            return Optional.empty();
        }
        Optional<BigDecimal> floor = fx.table().convert(item.getMinAdvertisedPrice(), item.getCurrency(), listing.getCurrency())
                .map(FxTable.Conversion::amount);
        if (floor.isEmpty() || listing.getPrice().compareTo(floor.get()) >= 0) {
            return Optional.empty();
        }
        return Optional.of(new CheckResult("MAP_VIOLATION", Outcome.REVIEW, RiskCategory.PLATFORM_RULES,
                "price " + listing.getPrice().stripTrailingZeros().toPlainString() + " " + listing.getCurrency()
                        + " is below the supplier's minimum advertised price "
                        + item.getMinAdvertisedPrice().stripTrailingZeros().toPlainString() + " " + item.getCurrency()));
    }

    static BigDecimal median(List<BigDecimal> values) {
        List<BigDecimal> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2)
                : sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(BigDecimal.valueOf(2), 4, RoundingMode.HALF_EVEN);
    }
}
