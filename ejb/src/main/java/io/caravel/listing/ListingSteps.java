package io.caravel.listing;

import io.caravel.audit.AuditTrail;
import io.caravel.catalog.CatalogService;
import io.caravel.catalog.ProductDetails;
import io.caravel.catalog.PublishedProduct;
import io.caravel.listing.ListingCheck.Outcome;
import io.caravel.hs.HsService;
import io.caravel.notification.Notifications;
import io.caravel.seller.Seller;
import io.caravel.risk.RiskCategory;
import io.caravel.risk.RiskEvent;
import io.caravel.risk.RiskEvents;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The automatic steps of the {@code listing-review} workflow, called by its delegates in the
 * engine's transaction: the checks of a submitted revision and the outcomes (publish, reject, ask
 * for changes), each written to the listing, the catalog, the audit trail and the seller's messages.
 */
@Stateless
public class ListingSteps {

    static final String WORKFLOW = "workflow";

    private static final KeywordRules KEYWORDS = KeywordRules.bundled();

    @PersistenceContext(unitName = "caravel")
    private EntityManager em;

    @Inject
    private ListingService listings;

    @Inject
    private CatalogService catalog;

    @Inject
    private AuditTrail audit;

    @Inject
    private RiskEvents risks;

    @Inject
    private Notifications notifications;

    @Inject
    private PriceComparison prices;

    @Inject
    private HsService hs;

    private final Clock clock = Clock.systemUTC();

    /** The facts the goods rules (DMN {@code listing-goods}) read. */
    public Map<String, Object> goodsFacts(String listingId) {
        Listing listing = listing(listingId);
        Map<String, Object> facts = new HashMap<>();
        ProductDetails product = listing.product();
        facts.put("hsCode", product.getHsCode());
        facts.put("lithiumBattery", product.isLithiumBattery());
        return facts;
    }

    /**
     * Runs every check on the submitted revision (goods rules from the DMN, keywords, HS code, brand
     * authorisation, price anomaly, minimum advertised price), keeps each result with its reason,
     * records the flagged ones as risk events and returns the verdict.
     */
    public Verdict check(String listingId, List<Map<String, Object>> goodsRules) {
        Listing listing = listing(listingId);
        ProductDetails product = listing.product();
        Set<ListingDocumentKind> documents = EnumSet.noneOf(ListingDocumentKind.class);
        listings.files(listingId, ListingFile.Purpose.DOCUMENT).forEach(f -> documents.add(f.kind()));
        Map<String, CheckResult> results = new LinkedHashMap<>();
        for (Map<String, Object> rule : goodsRules) {
            add(results, restriction((String) rule.get("code"), (String) rule.get("outcome"),
                    RiskCategory.valueOf((String) rule.get("category")), (String) rule.get("document"), documents,
                    "HS " + product.getHsCode()));
        }
        for (KeywordRules.Rule rule : KEYWORDS.matching(product.getSearchText())) {
            add(results, restriction(rule.code(), rule.outcome(), rule.category(), rule.document(), documents,
                    "keyword \"" + rule.keyword() + "\": " + rule.note()));
        }
        hsCode(product).ifPresent(r -> add(results, r));
        brand(product, listing.sellerId()).ifPresent(r -> add(results, r));
        prices.anomaly(listingId, product).ifPresent(r -> add(results, r));
        prices.belowMinimumAdvertisedPrice(product).ifPresent(r -> add(results, r));

        for (CheckResult result : results.values()) {
            em.persist(new ListingCheck(listingId, listing.revision(), result, clock.instant()));
            if (result.outcome() != Outcome.PASSED) {
                risks.record(result.category(), result.code(),
                        result.outcome() == Outcome.PROHIBITED ? RiskEvent.Severity.BLOCK : RiskEvent.Severity.REVIEW,
                        "listing", listingId, listing.sellerId(), result.detail());
            }
        }
        String verdict = results.values().stream().anyMatch(r -> r.outcome() == Outcome.PROHIBITED) ? "PROHIBITED"
                : results.values().stream().anyMatch(r -> r.outcome() == Outcome.REVIEW) ? "REVIEW" : "CLEAN";
        String reasons = results.values().stream().filter(r -> r.outcome() != Outcome.PASSED)
                .map(r -> r.code() + ": " + r.detail()).collect(Collectors.joining("; "));
        audit.record(WORKFLOW, "LISTING_CHECKED", "listing", listingId,
                "revision " + listing.revision() + " " + verdict + (reasons.isEmpty() ? "" : " — " + reasons));
        return new Verdict(verdict, reasons);
    }

    /** Publishes the reviewed revision: the catalog serves it from now on. */
    public void publish(String listingId, String by) {
        Listing listing = listing(listingId);
        Seller seller = em.find(Seller.class, listing.sellerId());
        List<String> images = listings.files(listingId, ListingFile.Purpose.IMAGE).stream().map(ListingFile::id).toList();
        catalog.publish(new PublishedProduct(listing.id(), listing.sellerId(), seller.legalName(), listing.revision(),
                listing.product(), images.size() > 8 ? images.subList(0, 8) : images));
        listing.published();
        audit.record(by, "LISTING_PUBLISHED", "listing", listingId, "revision " + listing.revision());
        notifications.notify(listing.sellerId(), listingId, "LISTING_PUBLISHED", listing.displayTitle());
    }

    /** Rejects the revision with its reason; a version already live stays live. */
    public void reject(String listingId, String by, String reason) {
        Listing listing = listing(listingId);
        listing.rejected(reason);
        audit.record(by, "LISTING_REJECTED", "listing", listingId, reason);
        notifications.notify(listing.sellerId(), listingId, "LISTING_REJECTED", reason);
    }

    /** Sends the listing back to its seller with what to fix. */
    public void requestChanges(String listingId, String by, String whatToFix) {
        Listing listing = listing(listingId);
        listing.changesRequired(whatToFix);
        audit.record(by, "LISTING_CHANGES_REQUIRED", "listing", listingId, whatToFix);
        notifications.notify(listing.sellerId(), listingId, "LISTING_CHANGES_REQUIRED", whatToFix);
    }

    /** The seller did not make the requested changes in time; the review closes (the seller may submit again later). */
    public void changesExpired(String listingId) {
        Listing listing = listing(listingId);
        audit.record(WORKFLOW, "LISTING_REVIEW_CLOSED", "listing", listingId, "changes not made in time");
        notifications.notify(listing.sellerId(), listingId, "LISTING_CHANGES_EXPIRED", listing.reviewNote());
    }

    /** The outcome of the checks: CLEAN, REVIEW or PROHIBITED, and the flagged results' reasons. */
    public record Verdict(String verdict, String reasons) {
    }

    private static CheckResult restriction(String code, String outcome, RiskCategory category, String document,
                                           Set<ListingDocumentKind> documents, String why) {
        if ("PROHIBITED".equals(outcome)) {
            return new CheckResult(code, Outcome.PROHIBITED, category, "prohibited goods (" + why + ")");
        }
        if ("RESTRICTED".equals(outcome) && document != null) {
            boolean provided = documents.contains(ListingDocumentKind.valueOf(document));
            return new CheckResult(code, provided ? Outcome.PASSED : Outcome.REVIEW, category,
                    "restricted goods (" + why + "): " + document + (provided ? " provided" : " missing"));
        }
        return new CheckResult(code, Outcome.REVIEW, category, why);
    }

    /** Keeps the most severe result per code (a rule found both by HS code and by keyword counts once). */
    private static void add(Map<String, CheckResult> results, CheckResult result) {
        results.merge(result.code(), result, (a, b) -> b.outcome().ordinal() < a.outcome().ordinal() ? b : a);
    }

    private Optional<CheckResult> hsCode(ProductDetails product) {
        return hs.problem(product.getHsCode()).map(problem -> new CheckResult("INVALID_HS_CODE", Outcome.REVIEW,
                RiskCategory.COMPLIANCE, "HS code " + product.getHsCode() + " is not valid in " + hs.edition() + " ("
                        + problem + ")"));
    }

    private Optional<CheckResult> brand(ProductDetails product, String sellerId) {
        if (product.getBrand() == null) {
            return Optional.empty();
        }
        Brand brand = listings.brandByName(product.getBrand());
        if (brand == null || listings.mayList(brand, sellerId)) {
            return Optional.empty();
        }
        return Optional.of(new CheckResult("BRAND_NOT_AUTHORIZED", Outcome.REVIEW, RiskCategory.IP,
                "brand \"" + brand.name() + "\" is registered by another seller who has not authorised this one"));
    }

    private Listing listing(String id) {
        Listing listing = em.find(Listing.class, id);
        if (listing == null) {
            throw new IllegalStateException("No listing " + id);
        }
        return listing;
    }
}
