package io.caravel.tariff;

import io.caravel.audit.AuditTrail;
import io.caravel.platform.Caller;
import io.caravel.platform.CaravelException;
import io.caravel.platform.ProblemType;
import io.caravel.platform.Uploads;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The landed-cost rule table in force: versions stored in the database, the newest one used; an
 * administrator replaces the whole table with an upload (all rows or none). The rules of the
 * newest version are kept in memory until a newer version is loaded (on any node).
 */
@Stateless
public class TariffRules {

    /** The rule book read last, shared by every instance of this bean. */
    private static final AtomicReference<RuleBook> CURRENT = new AtomicReference<>();

    @PersistenceContext(unitName = "caravel")
    private EntityManager em;

    @Inject
    private AuditTrail audit;

    private final Clock clock = Clock.systemUTC();

    /** A loaded version of the table (who loaded it is in the audit trail, not in this public view). */
    public record RuleSetView(int version, String source, String sha256, int rules, java.time.Instant loadedAt) {
        static RuleSetView of(RuleSetRecord r) {
            return new RuleSetView(r.version(), r.source(), r.sha256(), r.ruleCount(), r.loadedAt());
        }
    }

    /** The current version with its rules. */
    public record Table(RuleSetView version, List<LandedCostRule> rules) {
    }

    /** The rules in force now; a problem when no table was ever loaded. */
    public RuleBook book() {
        Integer newest = em.createQuery("select max(s.version) from LandedCostRuleSet s", Integer.class).getSingleResult();
        if (newest == null) {
            throw new CaravelException(ProblemType.UNAVAILABLE, "error.tariff.no-rules");
        }
        RuleBook cached = CURRENT.get();
        if (cached != null && cached.version() == newest) {
            return cached;
        }
        List<LandedCostRule> rules = em.createQuery("select r from LandedCostRuleRow r where r.setVersion = :v order by r.lineNo",
                RuleRow.class).setParameter("v", newest).getResultList().stream().map(RuleRow::rule).toList();
        RuleBook book = new RuleBook(newest, rules);
        CURRENT.set(book);
        return book;
    }

    public Table table() {
        RuleBook book = book();
        return new Table(RuleSetView.of(em.find(RuleSetRecord.class, book.version())), book.rules());
    }

    /** Replaces the table with an uploaded one (administrators). */
    public RuleSetView load(Caller caller, byte[] content, String source) {
        if (!caller.isAdmin()) {
            throw CaravelException.forbidden();
        }
        return store(caller.username(), content, source == null || source.isBlank() ? "upload" : source.trim());
    }

    /** Loads the table shipped with the product when none is loaded yet (demo mode). */
    public void loadBundledIfNone(String by) {
        if (em.createQuery("select count(s) from LandedCostRuleSet s", Long.class).getSingleResult() > 0) {
            return;
        }
        try (InputStream in = TariffRules.class.getClassLoader().getResourceAsStream(LandedCostRules.BUNDLED)) {
            store(by, in.readAllBytes(), "bundled table (demo duty and shipping figures)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private RuleSetView store(String by, byte[] content, String source) {
        List<LandedCostRule> rules = LandedCostRules.parse(content);
        Integer newest = em.createQuery("select max(s.version) from LandedCostRuleSet s", Integer.class).getSingleResult();
        int version = newest == null ? 1 : newest + 1;
        String name = source.length() > 200 ? source.substring(0, 200) : source;
        RuleSetRecord set = new RuleSetRecord(version, name, Uploads.sha256(content), rules.size(), clock.instant(), by);
        em.persist(set);
        em.flush();
        for (int i = 0; i < rules.size(); i++) {
            em.persist(new RuleRow(version, i + 1, rules.get(i)));
        }
        audit.record(by, "TARIFF_RULES_LOADED", "tariff-rules", String.valueOf(version),
                rules.size() + " rules from " + name);
        return RuleSetView.of(set);
    }
}
