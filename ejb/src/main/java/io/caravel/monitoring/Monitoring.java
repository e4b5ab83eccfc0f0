package io.caravel.monitoring;

import io.caravel.screening.ListReleased;
import io.caravel.screening.SanctionsLists;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Continues, at start-up, every re-screen run a stopped node left unfinished (after the workflow engine
 * runs, since a new hit starts a review); until then new runs wait for it ({@link MonitoringEvents}).
 */
@Singleton
@Startup
@DependsOn({"WorkflowEngine", "ScreeningService"})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Monitoring {

    private static final Logger LOG = Logger.getLogger(Monitoring.class.getName());

    private static volatile boolean started;

    @Inject
    private Rescreening rescreening;

    @Inject
    private RescreenWorker worker;

    @Inject
    private SanctionsLists lists;

    @PostConstruct
    void resume() {
        // a release whose node stopped between making it active and opening its re-screen gets its run now
        lists.activeVersionIds().forEach((source, versionId) -> {
            SanctionsLists.VersionView version = lists.version(source, versionId);
            try {
                rescreening.open(new ListReleased(source, versionId, version.version(), version.previousVersionId()));
            } catch (RuntimeException e) { // another node starting at the same time opened it first
                LOG.log(java.util.logging.Level.INFO, "The re-screen of " + version.version() + " is open already", e);
            }
        });
        for (String runId : rescreening.unfinished()) {
            LOG.info(() -> "Continuing re-screen run " + runId);
            worker.drive(runId);
        }
        started = true;
    }

    /** Whether this node has started monitoring (a run opened before is continued by {@link #resume}). */
    static boolean started() {
        return started;
    }
}
