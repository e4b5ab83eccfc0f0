package io.caravel.fx;

import io.caravel.audit.AuditTrail;
import io.caravel.platform.Caller;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Foreign-exchange reference rates: an administrator loads a file in the ECB layout (all of it or
 * nothing), and prices are converted with the latest rate of each currency, naming rate and date.
 */
@Stateless
public class FxService {

    static final String DEMO_RATES = "caravel/fx/demo-eurofxref.csv";

    @PersistenceContext(unitName = "caravel")
    private EntityManager em;

    @Inject
    private AuditTrail audit;

    @Resource
    private TransactionSynchronizationRegistry transactions;

    private final Clock clock = Clock.systemUTC();

    /** How long a read rate table is used before it is read again. */
    static final Duration TABLE_KEPT = Duration.ofSeconds(5);

    private record Kept(FxTable table, long readAt) {
    }

    private static volatile Kept latest;
    private static final AtomicInteger loads = new AtomicInteger();

    /** What a load stored: how many rates, for which currencies and days. */
    public record LoadResult(int rates, int currencies, LocalDate from, LocalDate to, String source) {
    }

    /** Stores every rate of an ECB reference-rate file; a rate of the same currency and day is replaced. */
    public LoadResult load(Caller caller, byte[] content, String source) {
        return store(caller.username(), EcbRates.parse(content), source == null || source.isBlank() ? "ECB" : source.trim());
    }

    /** Loads the demo rates shipped with the product (demo mode only; they are not official ECB figures). */
    public LoadResult loadDemoRates(String loadedBy) {
        try (InputStream in = FxService.class.getClassLoader().getResourceAsStream(DEMO_RATES)) {
            return store(loadedBy, EcbRates.parse(in.readAllBytes()), "ECB layout, demo figures");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The latest rate of every currency, to convert many prices with one lookup. Kept for a few seconds
     * (every catalog page and quote converts with it; rates change once a day): a load on this node
     * replaces it as soon as it commits, a load on another node is seen within {@link #TABLE_KEPT}.
     */
    public FxTable table() {
        Kept kept = latest;
        if (kept != null && System.nanoTime() - kept.readAt() < TABLE_KEPT.toNanos()) {
            return kept.table();
        }
        long readAt = System.nanoTime();
        int before = loads.get();
        FxTable table = read();
        if (loads.get() == before) {
            latest = new Kept(table, readAt); // not when a load committed while it was read: that read may be older
        }
        return table;
    }

    private FxTable read() {
        List<FxRate> latest = em.createQuery("select r from FxRate r where r.rateDate ="
                + " (select max(s.rateDate) from FxRate s where s.currency = r.currency)", FxRate.class).getResultList();
        Map<String, FxTable.Quote> quotes = new HashMap<>();
        latest.forEach(r -> quotes.put(r.currency(), new FxTable.Quote(r.rate(), r.rateDate(), r.source())));
        return new FxTable(quotes);
    }

    private LoadResult store(String by, List<EcbRates.Rate> rates, String source) {
        Instant now = clock.instant();
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                loads.incrementAndGet();
                latest = null;
            }
        });
        for (EcbRates.Rate rate : rates) {
            FxRate existing = em.find(FxRate.class, FxRate.key(rate.currency(), rate.date()));
            if (existing == null) {
                em.persist(new FxRate(rate.currency(), rate.date(), rate.rate(), source, now, by));
            } else {
                existing.replace(rate.rate(), source, now, by);
            }
        }
        LocalDate from = rates.stream().map(EcbRates.Rate::date).min(LocalDate::compareTo).orElseThrow();
        LocalDate to = rates.stream().map(EcbRates.Rate::date).max(LocalDate::compareTo).orElseThrow();
        int currencies = (int) rates.stream().map(EcbRates.Rate::currency).distinct().count();
        audit.record(by, "FX_RATES_LOADED", "fx", source.length() > 36 ? source.substring(0, 36) : source,
                rates.size() + " rates, " + currencies + " currencies, " + from + " to " + to);
        return new LoadResult(rates.size(), currencies, from, to, source);
    }
}
