package io.caravel.monitoring;

import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Drives a re-screen run to its end in the background, one batch (one transaction) at a time. */
@Stateless
public class RescreenWorker {

    private static final Logger LOG = Logger.getLogger(RescreenWorker.class.getName());

    @Inject
    private Rescreening rescreening;

    /** Runs outside a transaction: every batch is its own ({@link Rescreening#next}), however long the run takes. */
    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void drive(String runId) {
        try {
            while (rescreening.next(runId)) {
                // each batch commits its alerts with the run's cursor
            }
        } catch (RuntimeException e) {
            // the run stays RUNNING at its last committed batch; the next start of a node continues it
            LOG.log(Level.SEVERE, "Re-screen run " + runId + " stopped; it continues at the next start", e);
        }
    }
}
