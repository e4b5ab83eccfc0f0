package io.caravel.payout;

import io.caravel.audit.AuditTrail;
import io.caravel.catalog.CatalogService;
import io.caravel.dispute.DisputeService;
import io.caravel.notification.Notifications;
import io.caravel.order.CustomerOrder;
import io.caravel.order.OrderService;
import io.caravel.order.QuoteView;
import io.caravel.payment.PaymentRefund;
import io.caravel.seller.ProductCategory;
import io.caravel.seller.Seller;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
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
    private AuditTrail audit;

    @Inject
    private Notifications notifications;

    /** The sellers with a sale or refund up to the cut-off not yet in a payout, or a reserve or debt to carry. */
    public List<String> sellersDue(Instant cutoff) {
        TreeSet<String> sellers = new TreeSet<>(em.createQuery("select o.sellerId from CustomerOrder o where o.paidAt is not null"
                        + " and o.paidAt <= :cutoff and not exists (select e.id from PayoutEntry e where e.kind = :sale"
                        + " and e.sourceId = o.id)", String.class)
                .setParameter("cutoff", cutoff).setParameter("sale", PayoutEntry.Kind.SALE).getResultList());
        sellers.addAll(em.createQuery("select o.sellerId from PaymentRefund r, Payment p, CustomerOrder o"
                        + " where r.paymentId = p.id and p.orderId = o.id and o.paidAt is not null and r.createdAt <= :cutoff"
                        + " and not exists (select e.id from PayoutEntry e where e.kind = :refund and e.sourceId = r.id)", String.class)
                .setParameter("cutoff", cutoff).setParameter("refund", PayoutEntry.Kind.REFUND).getResultList());
        sellers.addAll(em.createQuery("select p.sellerId from Payout p where (p.reserveHeld > 0 or p.net < 0)"
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
                        + " and o.paidAt is not null and o.paidAt <= :cutoff and not exists (select e.id from PayoutEntry e"
                        + " where e.kind = :sale and e.sourceId = o.id) order by o.paidAt, o.id", CustomerOrder.class)
                .setParameter("seller", sellerId).setParameter("cutoff", cutoff).setParameter("sale", PayoutEntry.Kind.SALE)
                .getResultList()) {
            PayoutEntry.Draft sale = sale(order, rules);
            drafts.computeIfAbsent(sale.currency(), c -> new ArrayList<>()).add(sale);
        }
        for (Object[] row : em.createQuery("select r, o from PaymentRefund r, Payment p, CustomerOrder o"
                        + " where r.paymentId = p.id and p.orderId = o.id and o.sellerId = :seller and o.paidAt is not null"
                        + " and r.createdAt <= :cutoff"
                        + " and not exists (select e.id from PayoutEntry e where e.kind = :refund and e.sourceId = r.id)"
                        + " order by r.createdAt, r.id", Object[].class)
                .setParameter("seller", sellerId).setParameter("cutoff", cutoff).setParameter("refund", PayoutEntry.Kind.REFUND)
                .getResultList()) {
            PayoutEntry.Draft refund = refund((PaymentRefund) row[0], (CustomerOrder) row[1], rules, orderFigures);
            drafts.computeIfAbsent(refund.currency(), c -> new ArrayList<>()).add(refund);
        }
        Map<String, BigDecimal> exposure = disputes.openExposure(sellerId);
        TreeSet<String> currencies = new TreeSet<>(drafts.keySet());
        Map<String, Payout> previous = new TreeMap<>();
        for (Payout last : em.createQuery("select p from Payout p where p.sellerId = :seller and not exists (select q.id"
                + " from Payout q where q.sellerId = p.sellerId and q.currency = p.currency and q.periodTo > p.periodTo)", Payout.class)
                .setParameter("seller", sellerId).getResultList()) {
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
            entries.sort(Comparator.comparing(PayoutEntry.Draft::occurredAt).thenComparing(PayoutEntry.Draft::sourceId));
            Payout payout = new Payout(sellerId, currency, before == null ? null : before.periodTo(), cutoff,
                    totals(entries, before, exposure.getOrDefault(currency, BigDecimal.ZERO), currency), rules, Instant.now(), by);
            em.persist(payout);
            int no = 1;
            for (PayoutEntry.Draft draft : entries) {
                em.persist(new PayoutEntry(payout.id(), no++, draft));
            }
            String net = round(payout.net().amount(), currency).toPlainString() + " " + currency;
            audit.recordForSeller(by, "PAYOUT_CALCULATED", "payout", payout.id(), net + ", " + entries.size() + " entries", net);
            notifications.notify(sellerId, payout.id(), "PAYOUT_READY", net);
            made.add(payout);
        }
        em.flush();
        return made;
    }

    private PayoutEntry.Draft sale(CustomerOrder order, CommissionRules rules) {
        QuoteView pricing = orders.sold(order.id()).pricing();
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
        String title = pricing.lines().get(0).title() + (pricing.lines().size() > 1 ? " +" + (pricing.lines().size() - 1) : "");
        return new PayoutEntry.Draft(PayoutEntry.Kind.SALE, order.id(), order.id(), order.paidAt(), title, currency,
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
            PayoutEntry.Draft sale = sale(order, rules);
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
        BigDecimal taxes = BigDecimal.ZERO;
        for (PayoutEntry.Draft e : entries) {
            if (e.amount().signum() >= 0) {
                sales = sales.add(e.amount());
            } else {
                refunds = refunds.add(e.amount().negate());
            }
            commission = commission.add(e.commission());
            fees = fees.add(e.fee());
            taxes = taxes.add(e.taxes());
        }
        BigDecimal released = before == null ? BigDecimal.ZERO : before.reserveHeld().amount();
        BigDecimal carried = before == null || before.net().amount().signum() >= 0 ? BigDecimal.ZERO : before.net().amount();
        BigDecimal available = new Payout.Totals(sales, refunds, commission, fees, taxes, BigDecimal.ZERO, released, carried).net();
        BigDecimal held = round(exposure.min(available.max(BigDecimal.ZERO)), currency);
        return new Payout.Totals(sales, refunds, commission, fees, taxes, held, released, carried);
    }

    static BigDecimal round(BigDecimal amount, String currency) {
        int digits;
        try {
            digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        } catch (IllegalArgumentException e) {
            digits = 2;
        }
        return amount.setScale(digits, RoundingMode.HALF_UP);
    }

    private static String percent(BigDecimal fraction) {
        return fraction.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }
}
