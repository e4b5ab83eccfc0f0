package io.caravel.monitoring.web;

import io.caravel.inbox.web.TaskCase;
import io.caravel.monitoring.ConsigneeScreening;
import io.caravel.monitoring.MonitoringAlert;
import io.caravel.order.OrderService;
import io.caravel.order.OrderView;
import io.caravel.screening.ScreeningService;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * The case page of a consignee screening alert beside its task: the held order (buyer account,
 * consignee, destination, amount) and each possible match with the listed entry's identifiers; the
 * decision (clear, or block with a lead's approval) is the template's.
 */
@Named
@ViewScoped
public class OrderScreeningCaseBean extends TaskCase {

    @Inject
    private OrderService orders;

    @Inject
    private ConsigneeScreening consignees;

    @Inject
    private ScreeningService screening;

    private transient OrderView order;
    private transient String buyer;
    private transient List<MonitoringAlert> alerts;

    @Override
    protected void loadCase() {
        getOrder();
    }

    public OrderView getOrder() {
        if (order == null) {
            order = orders.get(caller, getTask().caseId());
        }
        return order;
    }

    /** The buyer account that placed the order. */
    public String getBuyer() {
        if (buyer == null) {
            buyer = orders.sold(getTask().caseId()).order().buyer();
        }
        return buyer;
    }

    public List<MonitoringAlert> getAlerts() {
        if (alerts == null) {
            alerts = consignees.openAlerts(getTask().caseId());
        }
        return alerts;
    }

    /** The listed entry's dates of birth and nationalities, to set beside the consignee. */
    public String listedIdentifiers(MonitoringAlert alert) {
        return screening.listedIdentifiers(alert.list(), alert.entNum());
    }
}
