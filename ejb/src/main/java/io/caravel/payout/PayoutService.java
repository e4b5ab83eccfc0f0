package io.caravel.payout;

import io.caravel.audit.AuditTrail;
import io.caravel.creator.Creators;
import io.caravel.platform.Caller;
import io.caravel.platform.CaravelException;
import io.caravel.platform.Money;
import io.caravel.platform.Page;
import io.caravel.platform.PageRequest;
import io.caravel.platform.ProblemType;
import io.caravel.platform.Roles;
import io.caravel.platform.TimeCursor;
import io.caravel.seller.SellerDirectory;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Payouts: a run settles every seller and every creator up to a cut-off (one payout per payee and
 * currency, each sale, referral and refund in one payout only), sellers and creators read their own
 * payouts and statements, administrators everyone's and mark them paid.
 */
@Stateless
public class PayoutService {

    private static final Logger LOG = Logger.getLogger(PayoutService.class.getName());

    @PersistenceContext(unitName = "caravel")
    private EntityManager em;

    @Inject
    private PayoutRun run;

    @Inject
    private SellerDirectory sellers;

    @Inject
    private Creators creators;

    @Inject
    private AuditTrail audit;

    @Inject
    @ConfigProperty(name = "caravel.payout.commission-rules-file")
    private Optional<String> rulesFile;

    private final Clock clock = Clock.systemUTC();

    /** The commission table in force: the operator's file when configured, else the one shipped. */
    public CommissionRules rules() {
        if (rulesFile.isEmpty() || rulesFile.get().isBlank()) {
            return CommissionRules.bundled();
        }
        Path file = Path.of(rulesFile.get());
        try {
            return CommissionRules.parse(String.valueOf(file.getFileName()), Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("caravel.payout.commission-rules-file cannot be read: " + file, e);
        }
    }

    /** What a run made: the payouts, and the sellers and creators it could not settle now (tried again by the next run). */
    public record RunResult(Instant cutoff, List<PayoutView> payouts, List<String> failedSellers, List<String> failedCreators) {
    }

    /** Settles every seller due up to the cut-off (at most now), each seller in a transaction of its own. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public RunResult run(Caller caller, Instant cutoff) {
        requireAdmin(caller);
        Instant now = clock.instant();
        Instant at = cutoff == null ? now : cutoff;
        if (at.isAfter(now)) {
            throw CaravelException.invalid("cutoff", "error.payout.cutoff-future");
        }
        return runAt(at, caller.username());
    }

    /**
     * The run itself, for the administrator's request and the monthly schedule. The cut-off is taken up to its
     * whole second, and the run waits until that second has passed: whole seconds are what every database stores
     * (MariaDB through Connector/J keeps no fraction), so whatever happened up to the cut-off is in this run, and
     * two runs never share a cut-off by accident, on every database alike.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public RunResult runAt(Instant exactCutoff, String by) {
        Instant second = exactCutoff.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Instant cutoff = second.isBefore(exactCutoff) ? second.plusSeconds(1) : second;
        awaitPassed(cutoff);
        CommissionRules rules = rules();
        List<PayoutView> made = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (String sellerId : run.sellersDue(cutoff)) {
            if (sellers.isFirstParty(sellerId)) {
                continue; // the platform's own store: its sales are the platform's, nothing to pay out
            }
            try {
                run.forSeller(sellerId, cutoff, by, rules).forEach(p -> made.add(view(p, List.of())));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "payout run at " + cutoff + ": seller " + sellerId + " not settled; the next run tries again", e);
                failed.add(sellerId);
            }
        }
        List<String> failedCreators = new ArrayList<>();
        for (String creatorId : run.creatorsDue(cutoff)) {
            try {
                run.forCreator(creatorId, cutoff, by, rules).forEach(p -> made.add(view(p, List.of())));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "payout run at " + cutoff + ": creator " + creatorId + " not settled; the next run tries again", e);
                failedCreators.add(creatorId);
            }
        }
        LOG.info(() -> "payout run at " + cutoff + " by " + by + ": " + made.size() + " payouts, "
                + (failed.size() + failedCreators.size()) + " payees left");
        return new RunResult(cutoff, made, failed, failedCreators);
    }

    private void awaitPassed(Instant cutoff) {
        long millis = java.time.Duration.between(clock.instant(), cutoff).toMillis();
        if (millis >= 0) {
            try {
                Thread.sleep(millis + 1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("payout run interrupted", e);
            }
        }
    }

    /** Payouts newest first: a seller's or creator's own; an administrator everyone's, or one seller's or creator's. */
    public Page<PayoutView> list(Caller caller, String sellerId, String creatorId, PageRequest page) {
        String[] payee = readablePayee(caller, sellerId, creatorId);
        StringBuilder jpql = new StringBuilder("select p from Payout p where 1 = 1");
        if (payee != null) {
            jpql.append(" and p.").append(payee[0]).append(" = :payee");
        }
        TimeCursor after = page.after() == null ? null : TimeCursor.parse(page.after());
        if (after != null) {
            jpql.append(" and (p.periodTo < :at or (p.periodTo = :at and p.id < :id))");
        }
        jpql.append(" order by p.periodTo desc, p.id desc");
        TypedQuery<Payout> query = em.createQuery(jpql.toString(), Payout.class);
        if (payee != null) {
            query.setParameter("payee", payee[1]);
        }
        if (after != null) {
            query.setParameter("at", after.at()).setParameter("id", after.id());
        }
        List<Payout> rows = query.setMaxResults(page.limit() + 1).getResultList();
        java.util.Map<String, String> names = new java.util.HashMap<>();
        List<PayoutView> items = rows.stream().limit(page.limit())
                .map(p -> view(p, List.of(), names.computeIfAbsent(p.payeeKind() + p.payeeId(), k -> payeeName(p)))).toList();
        String next = rows.size() > page.limit()
                ? new TimeCursor(rows.get(page.limit() - 1).periodTo(), rows.get(page.limit() - 1).id()).next() : null;
        return new Page<>(items, next);
    }

    /** One payout with its entries, for its seller or an administrator. */
    public PayoutView get(Caller caller, String id) {
        Payout payout = readable(caller, id);
        return view(payout, entries(id));
    }

    /** An administrator records that a payout was paid, with the bank's reference; once. */
    public PayoutView markPaid(Caller caller, String id, String reference) {
        requireAdmin(caller);
        if (reference == null || reference.isBlank() || reference.length() > 100) {
            throw CaravelException.invalid("reference", "error.payout.reference", 100);
        }
        Payout payout = em.find(Payout.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (payout == null) {
            throw CaravelException.notFound("payout", id);
        }
        if (payout.status() == PayoutStatus.PAID) {
            throw new CaravelException(ProblemType.CONFLICT, "error.payout.already-paid");
        }
        if (payout.status() != PayoutStatus.DUE) {
            throw new CaravelException(ProblemType.CONFLICT, "error.payout.not-due");
        }
        payout.paid(clock.instant(), caller.username(), reference.strip());
        audit.recordForSeller(caller.username(), "PAYOUT_PAID", "payout", id, reference.strip(),
                PayoutRun.round(payout.net().amount(), payout.currency()).toPlainString() + " " + payout.currency());
        return view(payout, entries(id));
    }

    private List<PayoutEntry> entries(String payoutId) {
        return em.createQuery("select e from PayoutEntry e where e.payoutId = :p order by e.entryNo", PayoutEntry.class)
                .setParameter("p", payoutId).getResultList();
    }

    private Payout readable(Caller caller, String id) {
        Payout payout = id == null ? null : em.find(Payout.class, id);
        if (payout == null || !caller.isAdmin() && !isOwn(caller, payout)) {
            throw CaravelException.notFound("payout", id);
        }
        return payout;
    }

    private boolean isOwn(Caller caller, Payout payout) {
        if (payout.payeeKind() == PayeeKind.SELLER) {
            return caller.hasRole(Roles.SELLER) && payout.sellerId().equals(caller.sellerId());
        }
        return creators.idOf(caller).map(payout.creatorId()::equals).orElse(false);
    }

    /** {attribute, id} of the payee whose payouts the caller may list, or null for every payee (administrators only). */
    private String[] readablePayee(Caller caller, String sellerId, String creatorId) {
        if (caller.isAdmin()) {
            if (sellerId != null && !sellerId.isBlank()) {
                return new String[] {"sellerId", sellerId};
            }
            return creatorId == null || creatorId.isBlank() ? null : new String[] {"creatorId", creatorId};
        }
        if (caller.sellerId() != null && caller.hasRole(Roles.SELLER)) {
            return new String[] {"sellerId", caller.sellerId()};
        }
        return creators.idOf(caller).map(id -> new String[] {"creatorId", id})
                .orElseThrow(() -> new CaravelException(ProblemType.FORBIDDEN, "error.forbidden"));
    }

    private static void requireAdmin(Caller caller) {
        if (!caller.isAdmin()) {
            throw new CaravelException(ProblemType.FORBIDDEN, "error.forbidden");
        }
    }

    private PayoutView view(Payout p, List<PayoutEntry> entries) {
        return view(p, entries, payeeName(p));
    }

    private String payeeName(Payout p) {
        return p.payeeKind() == PayeeKind.SELLER ? sellers.legalName(p.sellerId()) : creators.displayName(p.creatorId());
    }

    private PayoutView view(Payout p, List<PayoutEntry> entries, String payeeName) {
        String c = p.currency();
        Payout.Totals t = p.totals();
        return new PayoutView(p.id(), p.payeeKind(), p.payeeId(), payeeName, c, p.periodFrom(), p.periodTo(),
                new Money(t.sales(), c), new Money(t.refunds(), c), new Money(t.commission(), c), new Money(t.fees(), c),
                new Money(t.creatorFees(), c), new Money(t.penalties(), c), new Money(t.supplierCosts(), c),
                new Money(t.taxes(), c), new Money(t.reserveHeld(), c), new Money(t.reserveReleased(), c),
                new Money(t.carried(), c), p.net(), p.status().name(), p.rulesSource() + " (SHA-256 " + p.rulesSha256() + ")",
                p.createdAt(), p.paidAt(), p.paidReference(),
                entries.stream().map(e -> new PayoutView.Entry(e.entryNo(), e.kind().name(), e.orderId(), e.occurredAt(),
                        e.description(), new Money(e.amount(), c), new Money(e.commission(), c), new Money(e.fee(), c),
                        new Money(e.taxes(), c), new Money(e.net(), c), e.rate())).toList(),
                p.version());
    }
}
