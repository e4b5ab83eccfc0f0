package io.caravel.sellerreview.web;

import io.caravel.monitoring.MonitoringAlert;
import io.caravel.monitoring.Rescreening;
import io.caravel.screening.ScreeningService;
import io.caravel.dispute.DisputeService;
import io.caravel.dispute.DisputeSteps;
import io.caravel.dispute.DisputeView;
import io.caravel.inbox.web.TaskCase;
import io.caravel.platform.PageRequest;
import io.caravel.risk.RiskEvent;
import io.caravel.risk.RiskEvents;
import io.caravel.seller.Seller;
import io.caravel.sellerhealth.AccountHealth;
import io.caravel.seller.SellerDirectory;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * The case page of a seller account review: the seller, its health measures and dispute rate against
 * their limits, the possible sanctions matches monitoring found, its latest disputes and risk events; the decision (no action, a warning, a listing
 * limit, or a suspension a lead approves) is the template's.
 */
@Named
@ViewScoped
public class SellerReviewCaseBean extends TaskCase {

    @Inject
    private SellerDirectory sellers;

    @Inject
    private DisputeService disputes;

    @Inject
    private RiskEvents risks;

    @Inject
    private AccountHealth accountHealth;

    private transient AccountHealth.Health measures;

    @Inject
    private Rescreening rescreening;

    @Inject
    private ScreeningService screening;

    private transient List<MonitoringAlert> alerts;

    private transient Seller seller;
    private transient DisputeSteps.SellerHealth health;

    @Override
    protected void loadCase() {
        getSeller();
    }

    public Seller getSeller() {
        if (seller == null) {
            seller = sellers.find(getTask().caseId()).orElseThrow();
        }
        return seller;
    }

    public DisputeSteps.SellerHealth getHealth() {
        if (health == null) {
            health = disputes.health(getSeller().id());
        }
        return health;
    }

    /** The seller's latest disputes (staff see every dispute; filtered to this seller). */
    public List<DisputeView> getDisputes() {
        return disputes.ofSeller(caller, getSeller().id(), PageRequest.DEFAULT_LIMIT);
    }

    /** The account's health measures against their limits (late shipments, cancellations, take-downs, disputes). */
    public AccountHealth.Health getMeasures() {
        if (measures == null) {
            measures = accountHealth.measure(getSeller().id());
        }
        return measures;
    }

    /** Possible sanctions matches a re-screen found on the seller's names, not yet decided. */
    public List<MonitoringAlert> getAlerts() {
        if (alerts == null) {
            alerts = rescreening.openAlerts(getSeller().id());
        }
        return alerts;
    }

    /** The listed entry's dates of birth and nationalities, as the list writes them, to set beside the seller's party. */
    public String listedIdentifiers(MonitoringAlert alert) {
        return screening.listedIdentifiers(alert.list(), alert.entNum());
    }

    public List<RiskEvent> getRiskEvents() {
        return risks.ofSeller(getSeller().id(), 20);
    }
}
