package io.caravel.monitoring;

import io.caravel.screening.ListReleased;
import io.caravel.sellerreview.SellerReviewEnded;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Where monitoring meets the rest: a new list release opens a re-screen run and starts it (during a
 * node's start-up, {@link Monitoring} starts it once the engine runs); a seller's account review ending
 * decides the seller's open alerts, in the review's transaction.
 */
@ApplicationScoped
public class MonitoringEvents {

    @Inject
    private Rescreening rescreening;

    @Inject
    private RescreenWorker worker;

    void released(@Observes ListReleased released) {
        String runId = rescreening.open(released);
        if (Monitoring.started()) {
            worker.drive(runId);
        }
    }

    void reviewEnded(@Observes SellerReviewEnded ended) {
        rescreening.decided(ended.sellerId(), ended.outcome() == SellerReviewEnded.Outcome.SUSPENDED
                ? MonitoringAlert.Disposition.TRUE_MATCH : MonitoringAlert.Disposition.FALSE_POSITIVE, ended.note(), ended.by());
    }
}
