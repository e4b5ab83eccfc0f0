package io.caravel.payout;

import io.caravel.audit.AuditTrail;
import io.caravel.catalog.CatalogService;
import io.caravel.creator.Creators;
import io.caravel.dispute.DisputeService;
import io.caravel.notification.Notifications;
import io.caravel.order.CustomerOrder;
import io.caravel.order.OrderStatus;
import io.caravel.order.OrderLine;
import io.caravel.order.OrderService;
import io.caravel.order.QuoteView;
import io.caravel.payment.PaymentRefund;
import io.caravel.platform.Money;
import io.caravel.seller.ProductCategory;
import io.caravel.seller.Seller;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One seller's part of a payout run, in a transaction of its own (one seller's trouble never stops
 * the others): the seller row is locked, so two runs for the same seller follow each other, and each
 * sale and refund enters one payout only (unique source as well).
 */
@Stateless
public class PayoutRun {

    @PersistenceContext(unitName = "caravel")
    private EntityManager em;

    @Inject
    private OrderService orders;

    @Inject
    private CatalogService catalog;

    @Inject
    private DisputeService disputes;

    @Inject
    private Creators creators;

    @Inject
    @ConfigProperty(name = "caravel.creator.hold", defaultValue = "P30D")
    private java.time.Duration creatorHold;

    /** An order handed to the carrier by the cut-off. */
    private static final String SHIPPED = "o.paidAt is not null and o.shippedAt is not null and o.shippedAt <= :cutoff";

    /**
     * A paid order whose sale may be paid out: not blocked (a sanctioned party's money is held, never paid out).
     * One held for a compliance check is skipped too, until released ({@link #forSeller}).
     */
    private static final String SETTLEABLE = "o.status <> :blocked";

    /** A referred order whose commission may be paid: paid, and received or shipped long enough ago. */
    private static final String DELIVERED = "o.paidAt is not null and o.paidAt <= :cutoff"
            + " and ((o.receivedAt is not null and o.receivedAt <= :cutoff) or (o.shippedAt is not null and o.shippedAt <= :shippedBefore))";

    @Inject
    private AuditTrail audit;

    @Inject
    private Notifications notifications;

    /** The sellers with a sale or refund up to the cut-off not yet in a payout, or a reserve or debt to carry. */
    public List<String> sellersDue(Instant cutoff) {
        TreeSet<String> sellers = new TreeSet<>(em.createQuery("select o.sellerId from CustomerOrder o where o.paidAt is not null"
                        + " and o.paidAt <= :cutoff and " + SETTLEABLE + " and not exists (select e.id from PayoutEntry e"
                        + " where e.kind = :sale and e.sourceId = o.id)", String.class)
                .setParameter("cutoff", cutoff).setParameter("sale", PayoutEntry.Kind.SALE)
                .setParameter("blocked", OrderStatus.BLOCKED).getResultList());
        sellers.addAll(em.createQuery("select o.sellerId from PaymentRefund r, Payment p, CustomerOrder o"
                        + " where r.paymentId = p.id and p.orderId = o.id and o.paidAt is not null and r.createdAt <= :cutoff"
                        + " and not exists (select e.id from PayoutEntry e where e.kind = :refund and e.sourceId = r.id)", String.class)
                .setParameter("cutoff", cutoff).setParameter("refund", PayoutEntry.Kind.REFUND).getResultList());
        sellers.addAll(em.createQuery("select o.sellerId from CustomerOrder o, OrderLine l where l.orderId = o.id"
                        + " and l.fulfilledBy <> o.sellerId and " + SHIPPED + " and not exists (select e.id from PayoutEntry e"
                        + " where e.kind = :cost and e.orderId = o.id)", String.class)
                .setParameter("cutoff", cutoff).setParameter("cost", PayoutEntry.Kind.SUPPLIER_COST).getResultList());
        sellers.addAll(em.createQuery("select l.fulfilledBy from CustomerOrder o, OrderLine l where l.orderId = o.id"
                        + " and l.fulfilledBy <> o.sellerId and " + SHIPPED + " and not exists (select e.id from PayoutEntry e, Payout p"
                        + " where e.payoutId = p.id and p.sellerId = l.fulfilledBy and e.kind = :supply and e.orderId = o.id)", String.class)
                .setParameter("cutoff", cutoff).setParameter("supply", PayoutEntry.Kind.SUPPLY).getResultList());
        sellers.addAll(em.createQuery("select p.sellerId from Penalty p where p.status = :open and p.createdAt <= :cutoff"
                        + " and not exists (select e.id from PayoutEntry e where e.kind = :penalty and e.sourceId = p.id)", String.class)
                .setParameter("open", Penalty.Status.OPEN).setParameter("cutoff", cutoff).setParameter("penalty", PayoutEntry.Kind.PENALTY)
                .getResultList());
        sellers.addAll(em.createQuery("select p.sellerId from Payout p where p.sellerId is not null and (p.reserveHeld > 0 or p.net < 0)"
                        + " and p.periodTo < :cutoff and not exists (select q.id from Payout q where q.sellerId = p.sellerId"
                        + " and q.currency = p.currency and q.periodTo > p.periodTo)", String.class)
                .setParameter("cutoff", cutoff).getResultList());
        return List.copyOf(sellers);
    }

    /** Makes the seller's payouts (one per currency) for everything up to the cut-off; none when nothing is due. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Payout> forSeller(String sellerId, Instant cutoff, String by, CommissionRules rules) {
        em.find(Seller.class, sellerId, LockModeType.PESSIMISTIC_WRITE);
        Map<String, List<PayoutEntry.Draft>> drafts = new TreeMap<>();
        Map<String, BigDecimal[]> orderFigures = new java.util.HashMap<>();
        for (CustomerOrder order : em.createQuery("select o from CustomerOrder o where o.sellerId = :seller"
                        + " and o.paidAt is not null and o.paidAt <= :cutoff and " + SETTLEABLE + " and not exists"
                        + " (select e.id from PayoutEntry e where e.kind = :sale and e.sourceId = o.id) order by o.paidAt, o.id",
                        CustomerOrder.class)
                .setParameter("seller", sellerId).setParameter("cutoff", cutoff).setParameter("sale", PayoutEntry.Kind.SALE)
                .setParameter("blocked", OrderStatus.BLOCKED)
                .getResultList()) {
            if (order.sanctionsHold()) {
                continue; // paid out once compliance releases it (EclipseLink writes a boolean here as 0, which H2 refuses)
            }
            QuoteView pricing = orders.sold(order.id()).pricing();
            PayoutEntry.Draft sale = sale(order, pricing, rules);
            drafts.computeIfAbsent(sale.currency(), c -> new ArrayList<>()).add(sale);
            if (pricing.referral() != null) {
                drafts.get(sale.currency()).add(creatorFee(order, pricing.referral()));
            }
        }
        for (Object[] row : refundsOf("o.sellerId = :payee", sellerId, PayoutEntry.Kind.REFUND, cutoff)) {
            PaymentRefund refund = (PaymentRefund) row[0];
            CustomerOrder order = (CustomerOrder) row[1];
            PayoutEntry.Draft draft = refund(refund, order, rules, orderFigures);
            drafts.computeIfAbsent(draft.currency(), c -> new ArrayList<>()).add(draft);
            if (order.creatorId() != null) {
                QuoteView.Referral referral = orders.sold(order.id()).pricing().referral();
                BigDecimal back = referralShare(referral, refund, order);
                drafts.get(draft.currency()).add(new PayoutEntry.Draft(PayoutEntry.Kind.CREATOR_FEE_RETURN, refund.id(), order.id(),
                        refund.createdAt(), referral.creatorName() + " (" + referral.code() + ")",
                        draft.currency(), BigDecimal.ZERO, back.negate(), BigDecimal.ZERO, BigDecimal.ZERO, null));
            }
        }
        dropship(sellerId, cutoff, drafts);
        for (Penalty penalty : em.createQuery("select p from Penalty p where p.sellerId = :seller and p.status = :open"
                        + " and p.createdAt <= :cutoff and not exists (select e.id from PayoutEntry e where e.kind = :penalty"
                        + " and e.sourceId = p.id) order by p.createdAt, p.id", Penalty.class)
                .setParameter("seller", sellerId).setParameter("open", Penalty.Status.OPEN).setParameter("cutoff", cutoff)
                .setParameter("penalty", PayoutEntry.Kind.PENALTY).getResultList()) {
            drafts.computeIfAbsent(penalty.currency(), c -> new ArrayList<>()).add(new PayoutEntry.Draft(PayoutEntry.Kind.PENALTY,
                    penalty.id(), penalty.id(), penalty.createdAt(), penalty.explanation(), penalty.currency(),
                    penalty.amount().negate(), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, null));
        }
        return settle(PayeeKind.SELLER, sellerId, drafts, disputes.openExposure(sellerId), cutoff, by, rules);
    }

    /** The creators with a referred order or a refund of one up to the cut-off not yet in a payout, or a debt to carry. */
    public List<String> creatorsDue(Instant cutoff) {
        TreeSet<String> creators = new TreeSet<>(em.createQuery("select o.creatorId from CustomerOrder o where o.creatorId is not null"
                        + " and " + DELIVERED + " and not exists (select e.id from PayoutEntry e"
                        + " where e.kind = :referral and e.sourceId = o.id)", String.class)
                .setParameter("cutoff", cutoff).setParameter("shippedBefore", cutoff.minus(creatorHold))
                .setParameter("referral", PayoutEntry.Kind.REFERRAL).getResultList());
        creators.addAll(em.createQuery("select o.creatorId from PaymentRefund r, Payment p, CustomerOrder o"
                        + " where r.paymentId = p.id and p.orderId = o.id and o.creatorId is not null and r.createdAt <= :cutoff"
                        + " and exists (select e.id from PayoutEntry e where e.kind = :referral and e.sourceId = o.id)"
                        + " and not exists (select e.id from PayoutEntry e where e.kind = :back and e.sourceId = r.id)", String.class)
                .setParameter("cutoff", cutoff).setParameter("referral", PayoutEntry.Kind.REFERRAL)
                .setParameter("back", PayoutEntry.Kind.REFERRAL_REFUND).getResultList());
        creators.addAll(em.createQuery("select p.creatorId from Payout p where p.creatorId is not null and p.net < 0"
                        + " and p.periodTo < :cutoff and not exists (select q.id from Payout q where q.creatorId = p.creatorId"
                        + " and q.currency = p.currency and q.periodTo > p.periodTo)", String.class)
                .setParameter("cutoff", cutoff).getResultList());
        return List.copyOf(creators);
    }

    /**
     * Makes the creator's payouts (one per currency): the commission on each referred order delivered by
     * the cut-off (receipt confirmed, or shipped {@code caravel.creator.hold} before it: a buyer's claim
     * or a purchase made only for the commission is found before it is paid), less the share a refund took
     * back. No fees, no reserve; a negative net is carried. The seller is charged at the sale, so the
     * platform holds the commission until it is paid.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Payout> forCreator(String creatorId, Instant cutoff, String by, CommissionRules rules) {
        creators.lock(creatorId);
        Map<String, List<PayoutEntry.Draft>> drafts = new TreeMap<>();
        java.util.Set<String> paidNow = new java.util.HashSet<>();
        for (CustomerOrder order : em.createQuery("select o from CustomerOrder o where o.creatorId = :creator"
                        + " and " + DELIVERED + " and not exists (select e.id from PayoutEntry e"
                        + " where e.kind = :referral and e.sourceId = o.id) order by o.paidAt, o.id", CustomerOrder.class)
                .setParameter("creator", creatorId).setParameter("cutoff", cutoff).setParameter("shippedBefore", cutoff.minus(creatorHold))
                .setParameter("referral", PayoutEntry.Kind.REFERRAL).getResultList()) {
            paidNow.add(order.id());
            QuoteView pricing = orders.sold(order.id()).pricing();
            QuoteView.Referral r = pricing.referral();
            String currency = r.commission().currency();
            drafts.computeIfAbsent(currency, c -> new ArrayList<>()).add(new PayoutEntry.Draft(PayoutEntry.Kind.REFERRAL,
                    order.id(), order.id(), order.paidAt(), title(pricing) + " (" + r.code() + ")", currency,
                    r.commission().amount(), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, percent(r.rate())));
        }
        for (Object[] row : refundsOf("o.creatorId = :payee", creatorId, PayoutEntry.Kind.REFERRAL_REFUND, cutoff)) {
            PaymentRefund refund = (PaymentRefund) row[0];
            CustomerOrder order = (CustomerOrder) row[1];
            if (!paidNow.contains(order.id()) && em.createQuery("select e.id from PayoutEntry e where e.kind = :referral"
                    + " and e.sourceId = :o", String.class).setParameter("referral", PayoutEntry.Kind.REFERRAL)
                    .setParameter("o", order.id()).setMaxResults(1).getResultList().isEmpty()) {
                continue; // its commission is not paid yet (held until delivery): nothing to take back
            }
            QuoteView.Referral r = orders.sold(order.id()).pricing().referral();
            String currency = r.commission().currency();
            drafts.computeIfAbsent(currency, c -> new ArrayList<>()).add(new PayoutEntry.Draft(PayoutEntry.Kind.REFERRAL_REFUND,
                    refund.id(), order.id(), refund.createdAt(), title(orders.sold(order.id()).pricing()) + " (" + r.code() + ")", currency,
                    referralShare(r, refund, order).negate(), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, null));
        }
        return settle(PayeeKind.CREATOR, creatorId, drafts, Map.of(), cutoff, by, rules);
    }

    /** Refunds up to the cut-off of the payee's paid orders (condition on o with :payee) not yet in an entry of the kind. */
    private List<Object[]> refundsOf(String payeeCondition, String payeeId, PayoutEntry.Kind kind, Instant cutoff) {
        return em.createQuery("select r, o from PaymentRefund r, Payment p, CustomerOrder o"
                        + " where r.paymentId = p.id and p.orderId = o.id and " + payeeCondition + " and o.paidAt is not null"
                        + " and r.createdAt <= :cutoff"
                        + " and not exists (select e.id from PayoutEntry e where e.kind = :kind and e.sourceId = r.id)"
                        + " order by r.createdAt, r.id", Object[].class)
                .setParameter("payee", payeeId).setParameter("cutoff", cutoff).setParameter("kind", kind).getResultList();
    }

    /** One payout per currency with entries or a reserve or debt to carry; none for a currency a later run covered. */
    private List<Payout> settle(PayeeKind payee, String payeeId, Map<String, List<PayoutEntry.Draft>> drafts,
                                Map<String, BigDecimal> exposure, Instant cutoff, String by, CommissionRules rules) {
        String attribute = "p." + payee.attribute();
        TreeSet<String> currencies = new TreeSet<>(drafts.keySet());
        Map<String, Payout> previous = new TreeMap<>();
        for (Payout last : em.createQuery("select p from Payout p where " + attribute + " = :payee and not exists (select q.id"
                        + " from Payout q where q." + payee.attribute() + " = " + attribute + " and q.currency = p.currency"
                        + " and q.periodTo > p.periodTo)", Payout.class)
                .setParameter("payee", payeeId).getResultList()) {
            previous.put(last.currency(), last);
            if (last.reserveHeld().amount().signum() > 0 || last.net().amount().signum() < 0) {
                currencies.add(last.currency());
            }
        }
        List<Payout> made = new ArrayList<>();
        for (String currency : currencies) {
            Payout before = previous.get(currency);
            if (before != null && !before.periodTo().isBefore(cutoff)) {
                continue; // a run with this cut-off (or a later one) already covered it
            }
            List<PayoutEntry.Draft> entries = new ArrayList<>(drafts.getOrDefault(currency, List.of()));
            entries.sort(Comparator.comparing(PayoutEntry.Draft::occurredAt).thenComparing(PayoutEntry.Draft::sourceId)
                    .thenComparing(PayoutEntry.Draft::kind));
            Payout payout = new Payout(payee, payeeId, currency, before == null ? null : before.periodTo(), cutoff,
                    totals(entries, before, exposure.getOrDefault(currency, BigDecimal.ZERO), currency), rules, Instant.now(), by);
            em.persist(payout);
            int no = 1;
            for (PayoutEntry.Draft draft : entries) {
                em.persist(new PayoutEntry(payout.id(), no++, draft));
            }
            String net = round(payout.net().amount(), currency).toPlainString() + " " + currency;
            if (payee == PayeeKind.SELLER) {
                audit.recordForSeller(by, "PAYOUT_CALCULATED", "payout", payout.id(), net + ", " + entries.size() + " entries", net);
                notifications.notify(payeeId, payout.id(), "PAYOUT_READY", net);
            } else {
                audit.record(by, "PAYOUT_CALCULATED", "payout", payout.id(), "creator " + payeeId + ": " + net + ", "
                        + entries.size() + " entries");
            }
            made.add(payout);
        }
        em.flush();
        return made;
    }

    /**
     * Dropship lines shipped by the cut-off: as the reseller, the supplier's wholesale price of each line it sold
     * (SUPPLIER_COST); as the supplier, the same for each line it shipped for a reseller (SUPPLY). Both in the
     * buyer's currency at the quote's rates, one entry per order line on each side; the supplier keeps it once it
     * shipped (returns are the reseller's).
     */
    private void dropship(String sellerId, Instant cutoff, Map<String, List<PayoutEntry.Draft>> drafts) {
        for (CustomerOrder order : em.createQuery("select distinct o from CustomerOrder o, OrderLine l where l.orderId = o.id"
                        + " and o.sellerId = :seller and l.fulfilledBy <> :seller and " + SHIPPED + " and not exists (select e.id"
                        + " from PayoutEntry e where e.kind = :cost and e.orderId = o.id)", CustomerOrder.class)
                .setParameter("seller", sellerId).setParameter("cutoff", cutoff).setParameter("cost", PayoutEntry.Kind.SUPPLIER_COST)
                .getResultList()) {
            addDropship(order, PayoutEntry.Kind.SUPPLIER_COST, l -> !l.fulfilledBy().equals(sellerId), drafts);
        }
        for (CustomerOrder order : em.createQuery("select distinct o from CustomerOrder o, OrderLine l where l.orderId = o.id"
                        + " and l.fulfilledBy = :seller and o.sellerId <> :seller and " + SHIPPED + " and not exists (select e.id"
                        + " from PayoutEntry e, Payout p where e.payoutId = p.id and p.sellerId = :seller and e.kind = :supply"
                        + " and e.orderId = o.id)", CustomerOrder.class)
                .setParameter("seller", sellerId).setParameter("cutoff", cutoff).setParameter("supply", PayoutEntry.Kind.SUPPLY)
                .getResultList()) {
            addDropship(order, PayoutEntry.Kind.SUPPLY, l -> l.fulfilledBy().equals(sellerId), drafts);
        }
    }

    private void addDropship(CustomerOrder order, PayoutEntry.Kind kind, java.util.function.Predicate<OrderLine> which,
                             Map<String, List<PayoutEntry.Draft>> drafts) {
        OrderService.Sold sold = orders.sold(order.id());
        for (OrderLine line : sold.lines()) {
            QuoteView.Line priced = sold.pricing().lines().get(line.lineNo() - 1);
            if (!which.test(line) || priced.supplierCost() == null) {
                continue;
            }
            BigDecimal cost = priced.supplierCost().amount();
            String currency = priced.supplierCost().currency();
            drafts.computeIfAbsent(currency, c -> new ArrayList<>()).add(new PayoutEntry.Draft(kind, order.id() + ":" + line.lineNo(),
                    order.id(), order.shippedAt(), priced.title() + " × " + priced.quantity(), currency,
                    kind == PayoutEntry.Kind.SUPPLY ? cost : cost.negate(), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, null));
        }
    }

    /** What the seller owes the creator of an attributed order, as a line of the seller's statement. */
    private static PayoutEntry.Draft creatorFee(CustomerOrder order, QuoteView.Referral r) {
        return new PayoutEntry.Draft(PayoutEntry.Kind.CREATOR_FEE, order.id(), order.id(), order.paidAt(),
                r.creatorName() + " (" + r.code() + ")", r.commission().currency(), BigDecimal.ZERO,
                r.commission().amount(), BigDecimal.ZERO, BigDecimal.ZERO, percent(r.rate()));
    }

    /**
     * What a refund takes back of a referral's commission: the commission times the share of what the buyer paid
     * that has been refunded up to and including this refund (capped at all of it), less what earlier refunds
     * took back. Rounded once per step, so all refunds together never take back more than the commission.
     */
    private BigDecimal referralShare(QuoteView.Referral r, PaymentRefund refund, CustomerOrder order) {
        BigDecimal paid = orders.sold(order.id()).pricing().amounts().total();
        List<PaymentRefund> all = em.createQuery("select r from PaymentRefund r, Payment p where r.paymentId = p.id and p.orderId = :o"
                + " order by r.createdAt, r.id", PaymentRefund.class).setParameter("o", order.id()).getResultList();
        BigDecimal refunded = BigDecimal.ZERO;
        BigDecimal before = BigDecimal.ZERO;
        for (PaymentRefund each : all) {
            refunded = refunded.add(each.amount().amount());
            BigDecimal share = paid.signum() == 0 ? BigDecimal.ONE
                    : refunded.divide(paid, 10, RoundingMode.HALF_UP).min(BigDecimal.ONE);
            BigDecimal upToHere = round(r.commission().amount().multiply(share), r.commission().currency());
            if (each.id().equals(refund.id())) {
                return upToHere.subtract(before);
            }
            before = upToHere;
        }
        throw new IllegalStateException("refund " + refund.id() + " is not one of order " + order.id() + "'s");
    }

    private static String title(QuoteView pricing) {
        return pricing.lines().get(0).title() + (pricing.lines().size() > 1 ? " +" + (pricing.lines().size() - 1) : "");
    }

    private PayoutEntry.Draft sale(CustomerOrder order, QuoteView pricing, CommissionRules rules) {
        QuoteView.Amounts a = pricing.amounts();
        String currency = a.currency();
        BigDecimal commission = BigDecimal.ZERO;
        BigDecimal fee = BigDecimal.ZERO;
        List<String> rates = new ArrayList<>();
        for (QuoteView.Line line : pricing.lines()) {
            CommissionRules.Rates r = rules.on(categoryAsSold(line), order.paidAt().atZone(ZoneOffset.UTC).toLocalDate());
            BigDecimal lineGoods = line.lineTotal().amount();
            commission = commission.add(lineGoods.multiply(r.commission()));
            BigDecimal share = a.goods().signum() == 0 ? BigDecimal.ONE.divide(BigDecimal.valueOf(pricing.lines().size()), 10, RoundingMode.HALF_UP)
                    : lineGoods.divide(a.goods(), 10, RoundingMode.HALF_UP);
            fee = fee.add(a.total().multiply(share).multiply(r.paymentFee()));
            rates.add(percent(r.commission()) + "/" + percent(r.paymentFee()));
        }
        return new PayoutEntry.Draft(PayoutEntry.Kind.SALE, order.id(), order.id(), order.paidAt(), title(pricing), currency,
                a.goods().add(a.shipping()), round(commission, currency), round(fee, currency),
                a.duty().add(a.vat()).add(a.consumptionTax()), String.join(", ", new TreeSet<>(rates)));
    }

    /** The category of the line's product as it was sold (its revision), whatever the listing became since. */
    private ProductCategory categoryAsSold(QuoteView.Line line) {
        return em.createQuery("select r.product.category from ListingRevision r where r.listingId = :id and r.revision = :rev",
                        ProductCategory.class).setParameter("id", line.productId()).setParameter("rev", line.revision())
                .getResultStream().findFirst().orElseGet(() -> catalog.categoryOf(line.productId()));
    }

    /** A refund takes back its share of goods and shipping; the commission on that share is returned, the payment fee is not. */
    private PayoutEntry.Draft refund(PaymentRefund refund, CustomerOrder order, CommissionRules rules, Map<String, BigDecimal[]> figures) {
        BigDecimal[] f = figures.computeIfAbsent(order.id(), id -> {
            PayoutEntry paid = em.createQuery("select e from PayoutEntry e where e.kind = :sale and e.sourceId = :order", PayoutEntry.class)
                    .setParameter("sale", PayoutEntry.Kind.SALE).setParameter("order", id).getResultStream().findFirst().orElse(null);
            if (paid != null) {
                return new BigDecimal[] {paid.amount(), paid.commission(), paid.taxes()};
            }
            PayoutEntry.Draft sale = sale(order, orders.sold(id).pricing(), rules);
            return new BigDecimal[] {sale.amount(), sale.commission(), sale.taxes()};
        });
        String currency = refund.amount().currency();
        BigDecimal total = f[0].add(f[2]);
        BigDecimal share = total.signum() == 0 ? BigDecimal.ZERO : refund.amount().amount().divide(total, 10, RoundingMode.HALF_UP);
        BigDecimal amount = round(f[0].multiply(share), currency);
        return new PayoutEntry.Draft(PayoutEntry.Kind.REFUND, refund.id(), order.id(), refund.createdAt(), refund.reason(), currency,
                amount.negate(), round(f[1].multiply(share), currency).negate(), BigDecimal.ZERO,
                refund.amount().amount().subtract(amount).negate(), null);
    }

    /** The reserve is what open disputes could cost, held back only from what the payout has (never pushing it below zero). */
    private static Payout.Totals totals(List<PayoutEntry.Draft> entries, Payout before, BigDecimal exposure, String currency) {
        BigDecimal sales = BigDecimal.ZERO;
        BigDecimal refunds = BigDecimal.ZERO;
        BigDecimal commission = BigDecimal.ZERO;
        BigDecimal fees = BigDecimal.ZERO;
        BigDecimal creatorFees = BigDecimal.ZERO;
        BigDecimal penalties = BigDecimal.ZERO;
        BigDecimal supplierCosts = BigDecimal.ZERO;
        BigDecimal taxes = BigDecimal.ZERO;
        for (PayoutEntry.Draft e : entries) {
            if (e.kind() == PayoutEntry.Kind.PENALTY) {
                penalties = penalties.add(e.amount().negate());
            } else if (e.kind() == PayoutEntry.Kind.SUPPLIER_COST) {
                supplierCosts = supplierCosts.add(e.amount().negate());
            } else if (e.amount().signum() >= 0) {
                sales = sales.add(e.amount());
            } else {
                refunds = refunds.add(e.amount().negate());
            }
            if (e.kind() == PayoutEntry.Kind.CREATOR_FEE || e.kind() == PayoutEntry.Kind.CREATOR_FEE_RETURN) {
                creatorFees = creatorFees.add(e.commission());
            } else {
                commission = commission.add(e.commission());
            }
            fees = fees.add(e.fee());
            taxes = taxes.add(e.taxes());
        }
        BigDecimal released = before == null ? BigDecimal.ZERO : before.reserveHeld().amount();
        BigDecimal carried = before == null || before.net().amount().signum() >= 0 ? BigDecimal.ZERO : before.net().amount();
        BigDecimal available = new Payout.Totals(sales, refunds, commission, fees, creatorFees, penalties, supplierCosts, taxes,
                BigDecimal.ZERO, released, carried).net();
        BigDecimal held = round(exposure.min(available.max(BigDecimal.ZERO)), currency);
        return new Payout.Totals(sales, refunds, commission, fees, creatorFees, penalties, supplierCosts, taxes, held, released,
                carried);
    }

    static BigDecimal round(BigDecimal amount, String currency) {
        return Money.round(amount, currency);
    }

    private static String percent(BigDecimal fraction) {
        return fraction.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }
}
