package io.caravel.screening;

import io.caravel.audit.AuditTrail;
import io.caravel.platform.Caller;
import io.caravel.platform.CaravelException;
import io.caravel.platform.ProblemType;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sanctions screening as a service for every workflow: loads the OFAC SDN list at start-up from
 * {@code caravel.screening.ofac-dir} (in demo mode without it, the snapshot bundled with Caravel) and
 * screens names against it. Without a readable list the service is not ready (readiness reports it)
 * and every screening request is refused.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ScreeningService {

    private static final Logger LOG = Logger.getLogger(ScreeningService.class.getName());

    @Inject
    @ConfigProperty(name = "caravel.screening.ofac-dir")
    private Optional<String> ofacDirectory;

    @Inject
    @ConfigProperty(name = "caravel.screening.threshold", defaultValue = "0.88")
    private double threshold;

    @Inject
    private AuditTrail audit;

    private volatile SanctionsList list;
    private volatile NameScreener screener;

    @Inject
    @ConfigProperty(name = "caravel.demo.enabled", defaultValue = "false")
    private boolean demo;

    @PostConstruct
    void load() {
        if (ofacDirectory.isEmpty() && !demo) {
            LOG.severe("No sanctions list configured (caravel.screening.ofac-dir): screening is unavailable");
            return;
        }
        try {
            long start = System.nanoTime();
            SanctionsList loaded = ofacDirectory.isPresent() ? SanctionsList.load(Path.of(ofacDirectory.get()))
                    : SanctionsList.loadBundled();
            if (ofacDirectory.isEmpty()) {
                LOG.warning("Demo mode: screening against the OFAC snapshot bundled with Caravel (2021), not the current list");
            }
            screener = new NameScreener(loaded);
            list = loaded;
            LOG.info(() -> String.format("Sanctions list %s loaded: %d entries in %d ms", loaded.version(),
                    loaded.size(), (System.nanoTime() - start) / 1_000_000));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Cannot load the sanctions list from " + ofacDirectory.get(), e);
        }
    }

    public boolean isReady() {
        return screener != null;
    }

    /** Screens one name; hits at or above the configured threshold, best first. */
    public ScreeningResult screen(String name, PartyType type) {
        NameScreener current = screener;
        if (current == null) {
            throw new CaravelException(ProblemType.UNAVAILABLE, "error.screening.unavailable");
        }
        List<ScreeningHit> hits;
        try {
            hits = current.screen(name, type, threshold, NameScreener.DEFAULT_LIMIT);
        } catch (IllegalArgumentException e) {
            throw CaravelException.invalid("name", "error.screening.name");
        }
        return new ScreeningResult(name, type, list.version(), threshold, hits);
    }

    /** A screening an officer asked for by hand; recorded in the audit trail with its outcome. */
    public ScreeningResult manualCheck(String name, PartyType type, Caller caller) {
        ScreeningResult result = screen(name, type);
        audit.record(caller.username(), "SCREENING_CHECK", "screening", result.listVersion(),
                "name=" + name + ", type=" + type + ", hits=" + result.hits().size()
                        + (result.hits().isEmpty() ? "" : ", top=" + result.hits().get(0).entNum() + "@" + result.hits().get(0).score()));
        return result;
    }

    /** The list entry behind a hit, for showing it side by side with the applicant. */
    public Optional<SanctionsEntry> entry(long entNum) {
        SanctionsList current = list;
        return current == null ? Optional.empty() : current.entry(entNum);
    }
}
