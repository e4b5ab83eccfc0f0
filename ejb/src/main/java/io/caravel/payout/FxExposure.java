package io.caravel.payout;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.caravel.fx.FxService;
import io.caravel.fx.FxTable;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Market/FX risk measured: what the platform holds and owes per currency — buyers' money for paid
 * orders not yet settled, payouts due, reserves held back — valued in the reporting currency at the
 * latest reference rates and at a stressed rate (each foreign currency falling and rising by the
 * stress against the reporting currency).
 */
@Stateless
public class FxExposure {

    @PersistenceContext(unitName = "caravel")
    private EntityManager em;

    @Inject
    private FxService fx;

    @Inject
    @ConfigProperty(name = "caravel.risk.reporting-currency", defaultValue = "EUR")
    private String reportingCurrency;

    /** One currency: the amounts, their total, its value now and at the stressed rates (null without a rate). */
    public record Row(String currency, BigDecimal openOrders, BigDecimal payoutsDue, BigDecimal reserves, BigDecimal total,
                      BigDecimal value, BigDecimal valueDown, BigDecimal valueUp, BigDecimal rate, LocalDate rateDate) {
    }

    /** Every currency, and the totals in the reporting currency (the loss if every foreign currency fell by the stress). */
    @Schema(name = "FxExposureReport")
    public record Report(String reportingCurrency, BigDecimal stressPercent, List<Row> rows, BigDecimal totalValue,
                         BigDecimal lossAtStress, List<String> withoutRate) {
    }

    /** The exposure now, with each foreign currency moved by {@code stressPercent} (e.g. 10) both ways. */
    public Report measure(BigDecimal stressPercent) {
        Map<String, BigDecimal[]> amounts = new TreeMap<>();
        BiConsumer<List<Object[]>, Integer> add = (rows, column) -> rows.forEach(r -> amounts
                .computeIfAbsent((String) r[0], c -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO})[column] =
                ((BigDecimal) r[1]));
        // the platform's own store is never paid out: its sales are not money owed to a seller (SQL, as EclipseLink
        // writes a boolean literal H2 refuses to compare with a BOOLEAN column)
        @SuppressWarnings("unchecked")
        List<String> firstParty = em.createNativeQuery("select id from seller where first_party = TRUE").getResultList();
        var unsettled = em.createQuery("select o.buyerCurrency, sum(o.total) from CustomerOrder o where o.paidAt is not null"
                + " and not exists (select e.id from PayoutEntry e where e.kind = :sale and e.sourceId = o.id)"
                + (firstParty.isEmpty() ? "" : " and o.sellerId not in :firstParty")
                + " group by o.buyerCurrency", Object[].class).setParameter("sale", PayoutEntry.Kind.SALE);
        if (!firstParty.isEmpty()) {
            unsettled.setParameter("firstParty", firstParty);
        }
        add.accept(unsettled.getResultList(), 0);
        add.accept(em.createQuery("select p.currency, sum(p.net) from Payout p where p.status = :due group by p.currency",
                Object[].class).setParameter("due", PayoutStatus.DUE).getResultList(), 1);
        add.accept(em.createQuery("select p.currency, sum(p.reserveHeld) from Payout p where p.sellerId is not null and not exists (select q.id from Payout q"
                + " where q.sellerId = p.sellerId and q.currency = p.currency and q.periodTo > p.periodTo) group by p.currency",
                Object[].class).getResultList(), 2);
        FxTable rates = fx.table();
        BigDecimal stress = stressPercent.movePointLeft(2);
        List<Row> rows = new ArrayList<>();
        List<String> withoutRate = new ArrayList<>();
        BigDecimal totalValue = BigDecimal.ZERO;
        BigDecimal loss = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal[]> e : amounts.entrySet()) {
            BigDecimal[] a = e.getValue();
            BigDecimal total = a[0].add(a[1]).add(a[2]);
            FxTable.Conversion value = rates.convert(total, e.getKey(), reportingCurrency).orElse(null);
            if (value == null) {
                withoutRate.add(e.getKey());
                rows.add(new Row(e.getKey(), a[0], a[1], a[2], total, null, null, null, null, null));
                continue;
            }
            boolean foreign = !e.getKey().equals(reportingCurrency);
            BigDecimal down = foreign ? scale(value.amount().multiply(BigDecimal.ONE.subtract(stress))) : value.amount();
            BigDecimal up = foreign ? scale(value.amount().multiply(BigDecimal.ONE.add(stress))) : value.amount();
            rows.add(new Row(e.getKey(), a[0], a[1], a[2], total, value.amount(), down, up, value.rate(), value.rateDate()));
            totalValue = totalValue.add(value.amount());
            loss = loss.add(value.amount().subtract(down));
        }
        return new Report(reportingCurrency, stressPercent, rows, totalValue, loss, withoutRate);
    }

    private static BigDecimal scale(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_EVEN);
    }
}
