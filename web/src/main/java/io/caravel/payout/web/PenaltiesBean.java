package io.caravel.payout.web;

import io.caravel.payout.Penalties;
import io.caravel.payout.PenaltyReason;
import io.caravel.platform.Caller;
import io.caravel.platform.CaravelException;
import io.caravel.platform.Roles;
import io.caravel.platform.web.ui.FacesMessages;
import io.caravel.seller.Seller;
import io.caravel.seller.SellerDirectory;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Risk → Penalties: every fine for a rule breach with its status; a compliance lead or administrator
 * fines a seller (from a risk event, whose seller and id the register's link fills in) or waives a fine
 * no payout has deducted yet. Officers read.
 */
@Named
@ViewScoped
public class PenaltiesBean implements Serializable {

    @Inject
    private transient Penalties penalties;

    @Inject
    private transient SellerDirectory sellers;

    @Inject
    private Caller caller;

    private String sellerId;
    private BigDecimal amount;
    private String currency = "EUR";
    private String reason;
    private String explanation;
    private String riskEventId;
    private transient List<Penalties.View> list;
    private final Map<String, String> names = new HashMap<>();

    public boolean isMayImpose() {
        return caller.hasRole(Roles.COMPLIANCE_LEAD) || caller.isAdmin();
    }

    public List<Penalties.View> getList() {
        if (list == null) {
            list = penalties.list(caller, null);
        }
        return list;
    }

    public List<Seller> getSellers() {
        return sellers.active();
    }

    public List<PenaltyReason> getReasons() {
        return Arrays.asList(PenaltyReason.values());
    }

    public String sellerName(String id) {
        return names.computeIfAbsent(id, k -> sellers.legalName(k));
    }

    public void impose() {
        try {
            penalties.impose(caller, new Penalties.Request(sellerId, amount, currency, reason, explanation, riskEventId));
            amount = null;
            explanation = null;
            riskEventId = null;
            list = null;
            FacesMessages.info("penalties.imposed");
        } catch (CaravelException e) {
            FacesMessages.error(e, "penalty-form:");
        }
    }

    public void waive(String id) {
        try {
            penalties.waive(caller, id);
            list = null;
            FacesMessages.info("penalties.waived");
        } catch (CaravelException e) {
            FacesMessages.error(e, null);
        }
    }

    public String getSellerId() { return sellerId; }
    public void setSellerId(String sellerId) { this.sellerId = sellerId; }
    public BigDecimal getAmount() { return amount; }
    public void setAmount(BigDecimal amount) { this.amount = amount; }
    public String getCurrency() { return currency; }
    public void setCurrency(String currency) { this.currency = currency; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public String getExplanation() { return explanation; }
    public void setExplanation(String explanation) { this.explanation = explanation; }
    public String getRiskEventId() { return riskEventId; }
    public void setRiskEventId(String riskEventId) { this.riskEventId = riskEventId; }
}
