package io.caravel.dispute.web;

import io.caravel.customs.CustomsService;
import io.caravel.dispute.DisputeService;
import io.caravel.dispute.DisputeSteps;
import io.caravel.dispute.DisputeView;
import io.caravel.inbox.web.TaskCase;
import io.caravel.order.OrderService;
import io.caravel.order.OrderView;
import io.caravel.platform.web.Downloads;
import io.caravel.platform.web.ui.FacesMessages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.math.BigDecimal;
import org.primefaces.model.StreamedContent;

/**
 * The case page of a dispute beside its review or appeal task: the claim, the whole thread with staff
 * notes, the evidence of both sides, the order with its payment, shipment and customs declaration,
 * both parties' history and the seller's dispute rate; the agent sets a split's refund here and
 * writes to the parties or a staff-only note. The decision form is the template's.
 */
@Named
@ViewScoped
public class DisputeCaseBean extends TaskCase {

    @Inject
    private DisputeService disputes;

    @Inject
    private OrderService orders;

    @Inject
    private CustomsService customs;

    private transient DisputeView dispute;
    private transient OrderView order;
    private transient CustomsService.DeclarationState declaration;
    private transient DisputeSteps.SellerHealth health;
    private BigDecimal settlement;
    private String text;
    private boolean staffOnly = true;
    private boolean declarationLooked;

    @Override
    protected void loadCase() {
        getDispute();
    }

    public DisputeView getDispute() {
        if (dispute == null) {
            dispute = disputes.get(caller, getTask().caseId());
            if (settlement == null) {
                settlement = dispute.settlement() != null ? dispute.settlement().amount() : null;
            }
        }
        return dispute;
    }

    public OrderView getOrder() {
        if (order == null) {
            order = orders.get(caller, getDispute().orderId());
        }
        return order;
    }

    /** Where the order's customs declaration stands, or null when it has none (the dispute was checked visible first). */
    public CustomsService.DeclarationState getDeclaration() {
        if (!declarationLooked) {
            declarationLooked = true;
            declaration = customs.statusOfOrder(getDispute().orderId()).orElse(null);
        }
        return declaration;
    }

    public DisputeSteps.SellerHealth getHealth() {
        if (health == null) {
            health = disputes.health(getDispute().sellerId());
        }
        return health;
    }

    /** How many disputes the buyer opened, on any order. */
    public long getBuyerDisputes() {
        return disputes.buyerDisputes(getDispute().buyer());
    }

    /** Sets what a split decision refunds. */
    public void proposeSettlement() {
        act(() -> {
            dispute = disputes.proposeSettlement(caller, getDispute().id(), settlement);
            FacesMessages.info("disputes.settlementSet");
        });
    }

    /** Writes to the parties, or a staff-only note. */
    public void write() {
        act(() -> {
            dispute = disputes.message(caller, getDispute().id(), text, staffOnly);
            text = null;
        });
    }

    public StreamedContent download(String evidenceId) {
        return Downloads.of(disputes.evidence(caller, getDispute().id(), evidenceId));
    }

    public BigDecimal getSettlement() { return settlement; }
    public void setSettlement(BigDecimal settlement) { this.settlement = settlement; }
    public String getText() { return text; }
    public void setText(String text) { this.text = text; }
    public boolean isStaffOnly() { return staffOnly; }
    public void setStaffOnly(boolean staffOnly) { this.staffOnly = staffOnly; }
}
