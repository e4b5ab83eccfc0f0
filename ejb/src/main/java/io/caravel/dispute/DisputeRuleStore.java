package io.caravel.dispute;

import io.caravel.audit.AuditTrail;
import io.caravel.platform.Caller;
import io.caravel.platform.CaravelException;
import io.caravel.platform.Uploads;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The dispute rules in force: the newest version an administrator loaded (all rows or none), or the
 * table shipped with the product (version 0) until one is loaded. Kept in memory until a newer
 * version appears in the database (on any node).
 */
@Stateless
public class DisputeRuleStore {

    private static final AtomicReference<DisputeRules> CURRENT = new AtomicReference<>();
    private static final String BUNDLED_SOURCE = "shipped with Caravel";

    @PersistenceContext(unitName = "caravel")
    private EntityManager em;

    @Inject
    private AuditTrail audit;

    private final Clock clock = Clock.systemUTC();

    /** A version of the table as published: its number, where it came from, its fingerprint and its text. */
    public record RuleTable(int version, String source, String sha256, Instant loadedAt, String csv) {
    }

    /** The rules in force now. */
    public DisputeRules rules() {
        Integer newest = em.createQuery("select max(s.version) from DisputeRuleSet s", Integer.class).getSingleResult();
        int version = newest == null ? 0 : newest;
        DisputeRules cached = CURRENT.get();
        if (cached != null && cached.version() == version) {
            return cached;
        }
        DisputeRules rules = DisputeRules.parse(version, table(version).csv().getBytes(StandardCharsets.UTF_8));
        CURRENT.set(rules);
        return rules;
    }

    /** The table in force, as text; without the fraud thresholds (claims per buyer) unless for staff. */
    public RuleTable current(boolean staff) {
        RuleTable table = table(rules().version());
        if (staff) {
            return table;
        }
        String shown = table.csv().lines().filter(line -> !line.startsWith(DisputeRules.Kind.BUYER_CLAIMS_LIMIT.name())
                && !line.startsWith(DisputeRules.Kind.BUYER_CLAIMS_PERIOD.name())).collect(java.util.stream.Collectors.joining("\n"));
        return new RuleTable(table.version(), table.source(), table.sha256(), table.loadedAt(), shown + "\n");
    }

    /** Replaces the rules with an uploaded table (administrators); cases already open keep the deadlines they were given. */
    public RuleTable load(Caller caller, byte[] content, String source) {
        if (!caller.isAdmin()) {
            throw CaravelException.forbidden();
        }
        DisputeRules.parse(0, content);
        Integer newest = em.createQuery("select max(s.version) from DisputeRuleSet s", Integer.class).getSingleResult();
        int version = newest == null ? 1 : newest + 1;
        String name = source == null || source.isBlank() ? "upload" : source.trim();
        name = name.length() > 200 ? name.substring(0, 200) : name;
        DisputeRuleSet set = new DisputeRuleSet(version, name, Uploads.sha256(content),
                new String(content, StandardCharsets.UTF_8), clock.instant(), caller.username());
        em.persist(set);
        audit.record(caller.username(), "DISPUTE_RULES_LOADED", "dispute-rules", String.valueOf(version), "from " + name);
        return view(set);
    }

    private RuleTable table(int version) {
        if (version > 0) {
            return view(em.find(DisputeRuleSet.class, version));
        }
        try (InputStream in = DisputeRuleStore.class.getClassLoader().getResourceAsStream(DisputeRules.BUNDLED)) {
            byte[] content = in.readAllBytes();
            return new RuleTable(0, BUNDLED_SOURCE, Uploads.sha256(content), null, new String(content, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RuleTable view(DisputeRuleSet set) {
        return new RuleTable(set.version(), set.source(), set.sha256(), set.loadedAt(), set.content());
    }
}
