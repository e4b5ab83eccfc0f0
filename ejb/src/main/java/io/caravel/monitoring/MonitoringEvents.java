package io.caravel.monitoring;

import io.caravel.screening.ListReleased;
import io.caravel.sellerreview.SellerReviewEnded;
import io.caravel.sellerreview.SellerReviewFinished;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * Where monitoring meets the rest: a new list release opens a re-screen run and starts it (during a
 * node's start-up, {@link Monitoring} starts it once the engine runs); a seller's account review ending
 * decides the seller's open alerts, in the review's transaction, and one that left them open is followed
 * by a new review.
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

    /**
     * A review that ended without a verdict on the seller's sanctions alerts (a warning, a listing limit, a
     * declined suspension) leaves them open: a new review starts, after the old one committed, so an alert
     * never stays without a case.
     */
    void reviewFinished(@Observes(during = TransactionPhase.AFTER_SUCCESS) SellerReviewFinished finished) {
        rescreening.reviewIfOpen(finished.sellerId());
    }

    void reviewEnded(@Observes SellerReviewEnded ended) {
        rescreening.decided(ended.sellerId(), ended.outcome() == SellerReviewEnded.Outcome.SUSPENDED
                ? MonitoringAlert.Disposition.TRUE_MATCH : MonitoringAlert.Disposition.FALSE_POSITIVE, ended.note(), ended.by());
    }
}
