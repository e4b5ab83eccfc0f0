package io.caravel.listing;

import io.caravel.audit.AuditTrail;
import io.caravel.audit.Detail;
import io.caravel.audit.Detail.Arg;
import io.caravel.casework.MessageTemplates;
import io.caravel.catalog.CatalogService;
import io.caravel.catalog.ProductDetails;
import io.caravel.catalog.PublishedProduct;
import io.caravel.listing.ListingCheck.Outcome;
import io.caravel.hs.HsService;
import io.caravel.notification.Notifications;
import io.caravel.seller.Seller;
import io.caravel.seller.SellerStatus;
import io.caravel.risk.RiskCategory;
import io.caravel.risk.RiskEvent;
import io.caravel.risk.RiskEvents;
import io.caravel.warehouse.Warehouses;
import io.caravel.webhook.WebhookEventType;
import io.caravel.webhook.Webhooks;
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

/**
 * The automatic steps of the {@code listing-review} workflow, called by its delegates in the
 * engine's transaction: the checks of a submitted revision and the outcomes (publish, reject, ask
 * for changes), each written to the listing, the catalog, the audit trail and the seller's messages.
 */
@Stateless
public class ListingSteps {

    static final String WORKFLOW = "workflow";
    static final String CASE = ListingWorkflow.CASE_TYPE;

    private static final KeywordRules KEYWORDS = KeywordRules.bundled();

    @PersistenceContext(unitName = "caravel")
    private EntityManager em;

    @Inject
    private ListingService listings;

    @Inject
    private CatalogService catalog;

    @Inject
    private Warehouses warehouses;

    @Inject
    private AuditTrail audit;

    @Inject
    private RiskEvents risks;

    @Inject
    private Notifications notifications;

    @Inject
    private Webhooks webhooks;

    @Inject
    private PriceComparison prices;

    @Inject
    private HsService hs;

    private final Clock clock = Clock.systemUTC();

    /** The facts the goods rules (DMN {@code listing-goods}) read. */
    public Map<String, Object> goodsFacts(String listingId) {
        ProductDetails product = revision(listing(listingId)).product();
        Map<String, Object> facts = new HashMap<>();
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
        ProductDetails product = revision(listing).product();
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
                        CASE, listingId, listing.sellerId(), result.detail());
            }
        }
        ListingRevision.Verdict verdict = results.values().stream().anyMatch(r -> r.outcome() == Outcome.PROHIBITED)
                ? ListingRevision.Verdict.PROHIBITED
                : results.values().stream().anyMatch(r -> r.outcome() == Outcome.REVIEW) ? ListingRevision.Verdict.REVIEW
                : ListingRevision.Verdict.CLEAN;
        List<String> reasons = results.values().stream().filter(r -> r.outcome() != Outcome.PASSED)
                .map(CheckResult::code).distinct().toList();
        boolean flaggedBefore = flaggedBefore(listingId, listing.revision());
        revision(listing).checked(verdict, clock.instant());
        audit.record(WORKFLOW, "LISTING_CHECKED", CASE, listingId, "revision " + listing.revision() + " " + verdict
                + (reasons.isEmpty() ? "" : ": " + String.join(", ", reasons))
                + (flaggedBefore ? " (flagged before: a person reviews it)" : ""),
                Detail.of("LISTING_CHECKED", Arg.text(listing.revision()), Arg.code("listingVerdict", verdict))
                        .and("REASONS", Arg.codes("reason", reasons)).andIf(flaggedBefore, "FLAGGED_BEFORE"));
        return new Verdict(verdict.name(), reasons, flaggedBefore);
    }

    /**
     * Publishes the reviewed revision, exactly as it was submitted: the catalog serves it from now on.
     * Its stock figures adjust the catalog's by what the seller changed since the revision served before
     * (units sold meanwhile stay sold).
     */
    public void publish(String listingId, String by) {
        Listing listing = listing(listingId);
        ListingRevision revision = revision(listing);
        Seller seller = em.find(Seller.class, listing.sellerId());
        if (seller.status() != SellerStatus.ACTIVE) {
            // suspended while the revision was reviewed: nothing goes (back) into the catalog
            String message = MessageTemplates.text("SELLER_NOT_ACTIVE");
            catalog.withdraw(listingId);
            revision.decided(ListingRevision.Outcome.REJECTED, by, clock.instant());
            listing.rejected(message);
            listing.unpublished(message);
            audit.recordForSeller(by, "LISTING_NOT_PUBLISHED", CASE, listingId, "seller " + seller.status(),
                    Detail.of("SELLER_STATUS", Arg.code("sellerStatus", seller.status())), message);
            return;
        }
        List<String> images = listings.files(listingId, ListingFile.Purpose.IMAGE).stream().map(ListingFile::id).toList();
        ProductDetails served = em.createQuery("select r from ListingRevision r where r.listingId = :id and r.revision < :rev"
                        + " and r.outcome = :published order by r.revision desc", ListingRevision.class)
                .setParameter("id", listingId).setParameter("rev", revision.revision())
                .setParameter("published", ListingRevision.Outcome.PUBLISHED).setMaxResults(1)
                .getResultStream().findFirst().map(ListingRevision::product).orElse(null);
        catalog.publish(new PublishedProduct(listing.id(), listing.sellerId(), seller.legalName(), revision.revision(),
                revision.product(), images.size() > 8 ? images.subList(0, 8) : images), served);
        warehouses.restock(listing.id());
        listing.published();
        revision.decided(ListingRevision.Outcome.PUBLISHED, by, clock.instant());
        audit.recordForSeller(by, "LISTING_PUBLISHED", CASE, listingId, "revision " + listing.revision(),
                revisionWords(listing), "revision " + listing.revision());
        notifications.notify(listing.sellerId(), listingId, "LISTING_PUBLISHED", listing.displayTitle());
        webhooks.raise(WebhookEventType.LISTING_PUBLISHED, listing.sellerId(), listingId, Webhooks.data(
                "listingId", listingId, "revision", listing.revision(), "title", listing.displayTitle()));
    }

    /** Rejects the revision with the message for the seller; a version already live stays live. */
    public void reject(String listingId, String by, String message) {
        Listing listing = listing(listingId);
        listing.rejected(message);
        revision(listing).decided(ListingRevision.Outcome.REJECTED, by, clock.instant());
        audit.recordForSeller(by, "LISTING_REJECTED", CASE, listingId, "revision " + listing.revision(),
                revisionWords(listing), message);
        notifications.notify(listing.sellerId(), listingId, "LISTING_REJECTED", message);
        webhooks.raise(WebhookEventType.LISTING_REJECTED, listing.sellerId(), listingId, Webhooks.data(
                "listingId", listingId, "revision", listing.revision(), "message", message));
    }

    /** Rejects a revision the checks found prohibited, telling the seller which rules it broke. */
    public void rejectProhibited(String listingId) {
        reject(listingId, WORKFLOW, MessageTemplates.text("PRODUCT_PROHIBITED"));
    }

    /** Sends the listing back to its seller with what to fix. */
    public void requestChanges(String listingId, String by, String whatToFix) {
        Listing listing = listing(listingId);
        listing.changesRequired(whatToFix);
        revision(listing).decided(ListingRevision.Outcome.CHANGES_REQUIRED, by, clock.instant());
        audit.recordForSeller(by, "LISTING_CHANGES_REQUIRED", CASE, listingId, "revision " + listing.revision(),
                revisionWords(listing), whatToFix);
        notifications.notify(listing.sellerId(), listingId, "LISTING_CHANGES_REQUIRED", whatToFix);
        webhooks.raise(WebhookEventType.LISTING_CHANGES_REQUIRED, listing.sellerId(), listingId, Webhooks.data(
                "listingId", listingId, "revision", listing.revision(), "message", whatToFix));
    }

    /** The seller did not make the requested changes in time; the review closes (the seller may submit again later). */
    public void changesExpired(String listingId) {
        Listing listing = listing(listingId);
        String message = MessageTemplates.text("LISTING_CHANGES_EXPIRED");
        audit.recordForSeller(WORKFLOW, "LISTING_REVIEW_CLOSED", CASE, listingId, "changes not made in time",
                Detail.of("CHANGES_NOT_MADE"), message);
        notifications.notify(listing.sellerId(), listingId, "LISTING_CHANGES_EXPIRED", message);
    }

    /**
     * The outcome of the checks: CLEAN, REVIEW or PROHIBITED, the codes of the flagged checks, and
     * whether an earlier revision was ever flagged, sent back, rejected or taken down.
     */
    public record Verdict(String verdict, List<String> reasons, boolean flaggedBefore) {
    }

    /** Whether a revision before this one was flagged by a check or sent back, rejected or taken down by a person. */
    boolean flaggedBefore(String listingId, int revision) {
        boolean earlierRevision = em.createQuery("select r from ListingRevision r where r.listingId = :id"
                        + " and r.revision < :revision", ListingRevision.class)
                .setParameter("id", listingId).setParameter("revision", revision)
                .getResultStream().anyMatch(ListingRevision::flagged);
        return earlierRevision || em.createQuery("select count(c) from ListingCheck c where c.listingId = :id"
                        + " and c.revision < :revision and c.outcome <> :passed", Long.class)
                .setParameter("id", listingId).setParameter("revision", revision).setParameter("passed", Outcome.PASSED)
                .getSingleResult() > 0;
    }

    /** "Revision 3" in the reader's language. */
    private static Detail revisionWords(Listing listing) {
        return Detail.of("REVISION", Arg.text(listing.revision()));
    }

    private ListingRevision revision(Listing listing) {
        ListingRevision revision = em.find(ListingRevision.class, new ListingRevision.Key(listing.id(), listing.revision()));
        if (revision == null) {
            throw new IllegalStateException("No revision " + listing.revision() + " of listing " + listing.id());
        }
        return revision;
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
