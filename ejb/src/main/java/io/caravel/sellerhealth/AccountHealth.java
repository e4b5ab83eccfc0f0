package io.caravel.sellerhealth;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.caravel.dispute.DisputeService;
import io.caravel.dispute.DisputeSteps;
import io.caravel.order.OrderStatus;
import io.caravel.platform.Caller;
import io.caravel.platform.CaravelException;
import io.caravel.risk.RiskCategory;
import io.caravel.risk.RiskEvent;
import io.caravel.risk.RiskEvents;
import io.caravel.sellerreview.SellerReviews;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A seller account's health over the last 90 days, in the measures large marketplaces publish: late
 * shipments and cancellations per paid order, listings taken down, the dispute rate; each against a
 * threshold (configuration). A measure past its threshold is a platform-rules risk event and starts a
 * review of the account in the inbox (warning, listing limits, or suspension with four-eyes).
 */
@Stateless
public class AccountHealth {

    static final Duration PERIOD = Duration.ofDays(90);

    @PersistenceContext(unitName = "caravel")
    private EntityManager em;

    @Inject
    private RiskEvents risks;

    @Inject
    private DisputeService disputes;

    @Inject
    private SellerReviews reviews;

    @Inject
    @ConfigProperty(name = "caravel.health.late-shipment-rate", defaultValue = "0.04")
    private BigDecimal lateShipmentLimit;

    @Inject
    @ConfigProperty(name = "caravel.health.cancellation-rate", defaultValue = "0.025")
    private BigDecimal cancellationLimit;

    @Inject
    @ConfigProperty(name = "caravel.health.take-downs", defaultValue = "3")
    private long takeDownLimit;

    @Inject
    @ConfigProperty(name = "caravel.health.min-orders", defaultValue = "20")
    private long minOrders;

    private final Clock clock = Clock.systemUTC();

    /** One measure: its value, its threshold, whether it is past it (rates count only from the minimum of orders). */
    public record Measure(String code, BigDecimal value, BigDecimal limit, long count, boolean breached) {
    }

    /** The account's measures over the period. */
    public record Health(String sellerId, long paidOrders, long periodDays, List<Measure> measures) {
        public boolean healthy() {
            return measures.stream().noneMatch(Measure::breached);
        }
    }

    /** A seller's own health, or any seller's for compliance staff. */
    public Health of(Caller caller, String sellerId) {
        String seller = caller.isComplianceStaff() || caller.isAdmin() ? (sellerId == null || sellerId.isBlank() ? caller.sellerId() : sellerId)
                : caller.sellerId();
        if (seller == null || em.find(io.caravel.seller.Seller.class, seller) == null
                || !caller.isComplianceStaff() && !caller.isAdmin() && sellerId != null && !sellerId.isBlank()
                && !sellerId.equals(caller.sellerId())) {
            throw CaravelException.notFound("seller", sellerId == null ? "" : sellerId);
        }
        return measure(seller);
    }

    /** The measures of one seller now. */
    public Health measure(String sellerId) {
        Instant since = clock.instant().minus(PERIOD);
        long paid = em.createQuery("select count(o) from CustomerOrder o where o.sellerId = :s and o.paidAt >= :since", Long.class)
                .setParameter("s", sellerId).setParameter("since", since).getSingleResult();
        long cancelled = em.createQuery("select count(o) from CustomerOrder o where o.sellerId = :s and o.paidAt >= :since"
                        + " and o.status = :cancelled", Long.class)
                .setParameter("s", sellerId).setParameter("since", since).setParameter("cancelled", OrderStatus.CANCELLED)
                .getSingleResult();
        long late = risks.count(sellerId, "LATE_SHIPMENT", PERIOD);
        long takeDowns = risks.count(sellerId, "TAKEN_DOWN", PERIOD);
        DisputeSteps.SellerHealth dispute = disputes.health(sellerId);
        boolean enough = paid >= minOrders;
        List<Measure> measures = new ArrayList<>();
        measures.add(rate("LATE_SHIPMENT_RATE_HIGH", late, paid, lateShipmentLimit, enough));
        measures.add(rate("CANCELLATION_RATE_HIGH", cancelled, paid, cancellationLimit, enough));
        measures.add(new Measure("TAKE_DOWNS_MANY", BigDecimal.valueOf(takeDowns), BigDecimal.valueOf(takeDownLimit), takeDowns,
                takeDowns >= takeDownLimit));
        measures.add(new Measure("DISPUTE_RATE_HIGH", dispute.rate(), dispute.limit(), dispute.lostDisputes(), dispute.aboveLimit()));
        return new Health(sellerId, paid, PERIOD.toDays(), measures);
    }

    private static Measure rate(String code, long count, long orders, BigDecimal limit, boolean enough) {
        BigDecimal value = orders == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(count).divide(BigDecimal.valueOf(orders), 4, RoundingMode.HALF_UP);
        return new Measure(code, value, limit, count, enough && value.compareTo(limit) > 0);
    }

    /** What a scan found: sellers measured, measures past their threshold, reviews started. */
    @Schema(name = "AccountHealthScanResult")
    public record ScanResult(int sellers, int breaches, List<String> reviewsStarted) {
    }

    /**
     * Measures every active seller; a breached measure not yet recorded and undecided is a risk event,
     * and the seller's account is reviewed (one open review per seller).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public ScanResult scan() {
        List<String> sellers = em.createQuery("select s.id from Seller s where s.status = io.caravel.seller.SellerStatus.ACTIVE"
                + " order by s.id", String.class).getResultList();
        int breaches = 0;
        List<String> started = new ArrayList<>();
        for (String seller : sellers) {
            Health health = measure(seller);
            for (Measure m : health.measures()) {
                // once per period: a breach that lasts is one event and one review, not one a day
                if (m.breached() && !m.code().equals("DISPUTE_RATE_HIGH") && !risks.recent(m.code(), seller, PERIOD)) {
                    risks.record(RiskCategory.PLATFORM_RULES, m.code(), RiskEvent.Severity.REVIEW, "seller", seller, seller,
                            m.code() + ": " + m.value().stripTrailingZeros().toPlainString() + " (limit "
                                    + m.limit().stripTrailingZeros().toPlainString() + ", " + m.count() + " in " + health.periodDays()
                                    + " days, " + health.paidOrders() + " paid orders)");
                    breaches++;
                    if (reviews.startIfNone(seller, m.code())) {
                        started.add(seller);
                    }
                }
            }
        }
        return new ScanResult(sellers.size(), breaches, started);
    }
}
