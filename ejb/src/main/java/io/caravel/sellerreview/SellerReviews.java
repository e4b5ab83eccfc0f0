package io.caravel.sellerreview;

import io.caravel.audit.AuditTrail;
import io.caravel.casework.CaseHeader;
import io.caravel.casework.CaseVariables;
import io.caravel.listing.ListingService;
import io.caravel.notification.Notifications;
import io.caravel.platform.Caller;
import io.caravel.platform.Roles;
import io.caravel.seller.Seller;
import io.caravel.seller.SellerDirectory;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Reviews of sellers' accounts: one open review per seller at a time, started when a threshold is passed. */
@Stateless
public class SellerReviews {

    @Inject
    private RuntimeService runtime;

    @Inject
    private SellerDirectory sellers;

    @Inject
    private Notifications notifications;

    @Inject
    private AuditTrail audit;

    @Inject
    private ListingService listings;

    @Inject
    private Event<SellerReviewEnded> ended;

    @Inject
    private Event<SellerReviewFinished> finishedEvents;

    @PersistenceContext(unitName = "caravel")
    private EntityManager em;

    @Inject
    @ConfigProperty(name = "caravel.seller-review.due", defaultValue = "P2D")
    private String due;

    private final Clock clock = Clock.systemUTC();

    /** Starts a review of the seller's account for the rule's code, unless one is open already; answers whether it started one. */
    public boolean startIfNone(String sellerId, String reasonCode) {
        // two rules (or two lists' re-screens) passing at once wait for each other here: one review, not two
        em.find(Seller.class, sellerId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (runtime.createProcessInstanceQuery().processDefinitionKey(SellerReviewWorkflow.PROCESS_KEY)
                .processInstanceBusinessKey(sellerId).active().count() > 0) {
            return false;
        }
        Instant now = clock.instant();
        var variables = new CaseHeader(SellerReviewWorkflow.CASE_TYPE, sellerId, sellers.legalName(sellerId), sellerId,
                now.plus(Duration.parse(due))).variables()
                .putValue(SellerReviewWorkflow.REVIEW_REASON, reasonCode)
                .putValue(CaseVariables.RISK_LEVEL, "HIGH")
                .putValue(CaseVariables.RISK_REASONS, reasonCode);
        runtime.startProcessInstanceByKey(SellerReviewWorkflow.PROCESS_KEY, sellerId, variables);
        audit.record("workflow", "SELLER_REVIEW_STARTED", SellerReviewWorkflow.CASE_TYPE, sellerId, reasonCode);
        return true;
    }

    /** No new listings until the limit is lifted; the seller is told why. */
    public void limitListings(String sellerId, String message, String by) {
        em.find(Seller.class, sellerId).limitListings();
        notifications.notify(sellerId, sellerId, "LISTINGS_LIMITED", message == null ? "" : message);
        audit.recordForSeller(by, "SELLER_LISTINGS_LIMITED", SellerReviewWorkflow.CASE_TYPE, sellerId, message, message);
    }

    /**
     * A suspension both the officer and a lead approved: the account is suspended (no selling, no
     * listing), every live listing leaves the catalog, the seller is told why.
     */
    public void suspend(String sellerId, String message, String proposedBy, String approvedBy) {
        em.find(Seller.class, sellerId).suspend();
        int withdrawn = listings.withdrawAll(sellerId, new Caller(approvedBy, Set.of(Roles.COMPLIANCE_LEAD), null),
                "seller suspended after an account review (proposed by " + proposedBy + ", approved by " + approvedBy + ")", message);
        notifications.notify(sellerId, sellerId, "SUSPENDED", message == null ? "" : message);
        audit.recordForSeller(approvedBy, "SELLER_SUSPENDED", SellerReviewWorkflow.CASE_TYPE, sellerId,
                "proposed by " + proposedBy + "; " + withdrawn + " listings withdrawn", message);
        ended.fire(new SellerReviewEnded(sellerId, SellerReviewEnded.Outcome.SUSPENDED, message, approvedBy));
    }

    /** The officer found nothing to act on: recorded with the reason, and whoever raised the review is told. */
    public void close(String sellerId, String note, String by) {
        audit.record(by, "SELLER_REVIEW_NO_ACTION", SellerReviewWorkflow.CASE_TYPE, sellerId, note == null ? "" : note);
        ended.fire(new SellerReviewEnded(sellerId, SellerReviewEnded.Outcome.NO_ACTION, note, by));
    }

    /** The review is over, whichever way it ended. */
    public void finished(String sellerId) {
        finishedEvents.fire(new SellerReviewFinished(sellerId));
    }

    /** The officer's warning reaches the seller as written. */
    public void warn(String sellerId, String message, String by) {
        notifications.notify(sellerId, sellerId, "ACCOUNT_WARNING", message == null ? "" : message);
        audit.recordForSeller(by, "SELLER_WARNED", SellerReviewWorkflow.CASE_TYPE, sellerId, message, message);
    }
}
