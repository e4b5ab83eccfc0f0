package io.caravel.payout;

import io.caravel.audit.AuditTrail;
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
 * Marketplace payouts: a run settles every seller up to a cut-off (one payout per seller and
 * currency, each sale and refund in one payout only), sellers read their own payouts and statements,
 * administrators every seller's and mark them paid.
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

    /** What a run made: the payouts, and the sellers it could not settle now (tried again by the next run). */
    public record RunResult(Instant cutoff, List<PayoutView> payouts, List<String> failedSellers) {
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

    /** The run itself, for the administrator's request and the monthly schedule. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public RunResult runAt(Instant cutoff, String by) {
        CommissionRules rules = rules();
        List<PayoutView> made = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (String sellerId : run.sellersDue(cutoff)) {
            try {
                run.forSeller(sellerId, cutoff, by, rules).forEach(p -> made.add(view(p, List.of())));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "payout run at " + cutoff + ": seller " + sellerId + " not settled; the next run tries again", e);
                failed.add(sellerId);
            }
        }
        LOG.info(() -> "payout run at " + cutoff + " by " + by + ": " + made.size() + " payouts, " + failed.size() + " sellers left");
        return new RunResult(cutoff, made, failed);
    }

    /** Payouts newest first: a seller its own; an administrator every seller's, or one seller's. */
    public Page<PayoutView> list(Caller caller, String sellerId, PageRequest page) {
        String seller = readableSeller(caller, sellerId);
        StringBuilder jpql = new StringBuilder("select p from Payout p where 1 = 1");
        if (seller != null) {
            jpql.append(" and p.sellerId = :seller");
        }
        TimeCursor after = page.after() == null ? null : TimeCursor.parse(page.after());
        if (after != null) {
            jpql.append(" and (p.periodTo < :at or (p.periodTo = :at and p.id < :id))");
        }
        jpql.append(" order by p.periodTo desc, p.id desc");
        TypedQuery<Payout> query = em.createQuery(jpql.toString(), Payout.class);
        if (seller != null) {
            query.setParameter("seller", seller);
        }
        if (after != null) {
            query.setParameter("at", after.at()).setParameter("id", after.id());
        }
        List<Payout> rows = query.setMaxResults(page.limit() + 1).getResultList();
        java.util.Map<String, String> names = new java.util.HashMap<>();
        List<PayoutView> items = rows.stream().limit(page.limit())
                .map(p -> view(p, List.of(), names.computeIfAbsent(p.sellerId(), sellers::legalName))).toList();
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
        if (payout == null || !caller.isAdmin() && !payout.sellerId().equals(caller.sellerId())) {
            throw CaravelException.notFound("payout", id);
        }
        return payout;
    }

    private static String readableSeller(Caller caller, String sellerId) {
        if (caller.isAdmin()) {
            return sellerId == null || sellerId.isBlank() ? null : sellerId;
        }
        if (caller.sellerId() == null || !caller.hasRole(Roles.SELLER)) {
            throw new CaravelException(ProblemType.FORBIDDEN, "error.forbidden");
        }
        return caller.sellerId();
    }

    private static void requireAdmin(Caller caller) {
        if (!caller.isAdmin()) {
            throw new CaravelException(ProblemType.FORBIDDEN, "error.forbidden");
        }
    }

    private PayoutView view(Payout p, List<PayoutEntry> entries) {
        return view(p, entries, sellers.legalName(p.sellerId()));
    }

    private PayoutView view(Payout p, List<PayoutEntry> entries, String sellerName) {
        String c = p.currency();
        Payout.Totals t = p.totals();
        return new PayoutView(p.id(), p.sellerId(), sellerName, c, p.periodFrom(), p.periodTo(),
                new Money(t.sales(), c), new Money(t.refunds(), c), new Money(t.commission(), c), new Money(t.fees(), c),
                new Money(t.taxes(), c), new Money(t.reserveHeld(), c), new Money(t.reserveReleased(), c),
                new Money(t.carried(), c), p.net(), p.status().name(), p.rulesSource() + " (SHA-256 " + p.rulesSha256() + ")",
                p.createdAt(), p.paidAt(), p.paidReference(),
                entries.stream().map(e -> new PayoutView.Entry(e.entryNo(), e.kind().name(), e.orderId(), e.occurredAt(),
                        e.description(), new Money(e.amount(), c), new Money(e.commission(), c), new Money(e.fee(), c),
                        new Money(e.taxes(), c), new Money(e.net(), c), e.rate())).toList(),
                p.version());
    }
}
