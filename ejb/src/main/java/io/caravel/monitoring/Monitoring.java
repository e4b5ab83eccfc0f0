package io.caravel.monitoring;

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

    @PostConstruct
    void resume() {
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
