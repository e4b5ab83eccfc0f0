package io.caravel.payout;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.caravel.audit.AuditTrail;
import io.caravel.fx.FxService;
import io.caravel.notification.Notifications;
import io.caravel.platform.Caller;
import io.caravel.platform.CaravelException;
import io.caravel.platform.Money;
import io.caravel.platform.ProblemType;
import io.caravel.platform.Roles;
import io.caravel.seller.Seller;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Penalties for marketplace rule breaches: a compliance lead or an administrator fines a seller (an
 * amount in a currency, the rule broken, what the seller reads); the seller's next payout deducts it
 * (a PENALTY entry, a total of its own) unless it was waived first. The seller is told at once.
 */
@Stateless
public class Penalties {

    /** The most one penalty may be, in any currency's units (a typing slip of zeros is refused, not paid). */
    static final BigDecimal MAX = new BigDecimal("1000000");

    @PersistenceContext(unitName = "caravel")
    private EntityManager em;

    @Inject
    private FxService fx;

    @Inject
    private AuditTrail audit;

    @Inject
    private Notifications notifications;

    private final Clock clock = Clock.systemUTC();

    /** A penalty as the seller and staff see it; {@code status} DEDUCTED once a payout took it, with that payout. */
    @Schema(name = "PenaltyView")
    public record View(String id, String sellerId, Money amount, PenaltyReason reason, String explanation, String riskEventId,
                       String status, String payoutId, Instant createdAt, Instant waivedAt) {
    }

    /** What is imposed. */
    @Schema(name = "PenaltyRequest")
    public record Request(String sellerId, BigDecimal amount, String currency, String reason, String explanation,
                          String riskEventId) {
    }

    public View impose(Caller caller, Request request) {
        requireLeadOrAdmin(caller);
        if (request == null) {
            throw new CaravelException(ProblemType.VALIDATION, "error.body-required");
        }
        Seller seller = request.sellerId() == null ? null : em.find(Seller.class, request.sellerId(), LockModeType.PESSIMISTIC_WRITE);
        if (seller == null) {
            throw CaravelException.invalid("sellerId", "error.penalty.seller", request.sellerId());
        }
        if (request.amount() == null || request.amount().signum() <= 0 || request.amount().compareTo(MAX) > 0
                || request.amount().scale() > 2) {
            throw CaravelException.invalid("amount", "error.penalty.amount", MAX.toPlainString());
        }
        String currency = request.currency() == null ? "" : request.currency().strip().toUpperCase(Locale.ROOT);
        if (!currency.matches("[A-Z]{3}") || !fx.table().knows(currency)) {
            throw CaravelException.invalid("currency", "error.catalog.currency", currency);
        }
        if (Money.round(request.amount(), currency).compareTo(request.amount()) != 0) {
            // a yen has no cents: a fine the payout could not pay exactly is refused
            throw CaravelException.invalid("amount", "error.penalty.minor-unit", currency,
                    Money.round(BigDecimal.ZERO, currency).scale());
        }
        PenaltyReason reason;
        try {
            reason = PenaltyReason.valueOf(String.valueOf(request.reason()).strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw CaravelException.invalid("reason", "error.penalty.reason", java.util.Arrays.toString(PenaltyReason.values()));
        }
        if (request.explanation() == null || request.explanation().isBlank() || request.explanation().length() > 1000) {
            throw CaravelException.invalid("explanation", "error.penalty.explanation", 1000);
        }
        String riskEvent = request.riskEventId() == null || request.riskEventId().isBlank() ? null : request.riskEventId().strip();
        if (riskEvent != null && em.createQuery("select r.id from RiskEvent r where r.id = :id and r.sellerId = :s", String.class)
                .setParameter("id", riskEvent).setParameter("s", seller.id()).getResultList().isEmpty()) {
            throw CaravelException.invalid("riskEventId", "error.penalty.risk-event", riskEvent);
        }
        if (riskEvent != null && !em.createQuery("select p.id from Penalty p where p.riskEventId = :e and p.status <> :waived",
                String.class).setParameter("e", riskEvent).setParameter("waived", Penalty.Status.WAIVED).getResultList().isEmpty()) {
            // one fine per breach (the seller row is locked, so two leads at once cannot both fine it)
            throw CaravelException.conflict("error.penalty.event-fined");
        }
        Penalty penalty = new Penalty(seller.id(), request.amount(), currency, reason, request.explanation().strip(), riskEvent,
                clock.instant(), caller.username());
        em.persist(penalty);
        String money = request.amount().toPlainString() + " " + currency;
        audit.recordForSeller(caller.username(), "PENALTY_IMPOSED", "penalty", penalty.id(), money + " " + reason, money + " " + reason);
        notifications.notify(seller.id(), penalty.id(), "PENALTY_IMPOSED", money);
        return view(penalty);
    }

    /** Waives a penalty no payout has deducted yet (409 after); the seller row is locked like a payout run's. */
    public View waive(Caller caller, String id) {
        requireLeadOrAdmin(caller);
        Penalty penalty = id == null ? null : em.find(Penalty.class, id);
        if (penalty == null) {
            throw CaravelException.notFound("penalty", id);
        }
        em.find(Seller.class, penalty.sellerId(), LockModeType.PESSIMISTIC_WRITE);
        em.refresh(penalty);
        if (penalty.status() == Penalty.Status.WAIVED) {
            return view(penalty);
        }
        if (deductedBy(penalty.id()) != null) {
            throw CaravelException.conflict("error.penalty.deducted");
        }
        penalty.waive(clock.instant(), caller.username());
        audit.recordForSeller(caller.username(), "PENALTY_WAIVED", "penalty", id, penalty.amount().toPlainString() + " "
                + penalty.currency(), penalty.reason().name());
        return view(penalty);
    }

    /** Penalties newest first: a seller its own; compliance staff and administrators every seller's, or one seller's. */
    public List<View> list(Caller caller, String sellerId) {
        String seller;
        if (caller.isComplianceStaff() || caller.isAdmin()) {
            seller = sellerId == null || sellerId.isBlank() ? null : sellerId;
        } else if (caller.hasRole(Roles.SELLER) && caller.sellerId() != null) {
            seller = caller.sellerId();
        } else {
            throw CaravelException.forbidden();
        }
        TypedQuery<Penalty> query = em.createQuery("select p from Penalty p" + (seller == null ? "" : " where p.sellerId = :s")
                + " order by p.createdAt desc, p.id desc", Penalty.class);
        if (seller != null) {
            query.setParameter("s", seller);
        }
        return query.setMaxResults(500).getResultStream().map(this::view).toList();
    }

    private String deductedBy(String penaltyId) {
        return em.createQuery("select e.payoutId from PayoutEntry e where e.kind = :k and e.sourceId = :id", String.class)
                .setParameter("k", PayoutEntry.Kind.PENALTY).setParameter("id", penaltyId).getResultStream().findFirst().orElse(null);
    }

    private View view(Penalty p) {
        String payout = p.status() == Penalty.Status.OPEN ? deductedBy(p.id()) : null;
        return new View(p.id(), p.sellerId(), new Money(p.amount(), p.currency()), p.reason(), p.explanation(), p.riskEventId(),
                payout != null ? "DEDUCTED" : p.status().name(), payout, p.createdAt(), p.waivedAt());
    }

    private static void requireLeadOrAdmin(Caller caller) {
        if (!caller.isAdmin() && !caller.hasRole(Roles.COMPLIANCE_LEAD)) {
            throw CaravelException.forbidden();
        }
    }
}
