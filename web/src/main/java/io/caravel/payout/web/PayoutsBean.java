package io.caravel.payout.web;

import io.caravel.payout.PayoutService;
import io.caravel.payout.PayoutView;
import io.caravel.payout.Statements;
import io.caravel.platform.Caller;
import io.caravel.platform.CaravelException;
import io.caravel.platform.Page;
import io.caravel.platform.PageRequest;
import io.caravel.platform.web.Days;
import io.caravel.platform.web.Downloads;
import io.caravel.platform.web.ui.FacesMessages;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.ResourceBundle;
import org.primefaces.model.StreamedContent;

/**
 * The payouts pages: a seller's own payouts (Payouts in the seller portal) and every seller's for
 * administrators (Administration → Payouts: run the settlement, mark a payout paid); one payout's
 * entries and its statement as PDF or CSV in the reader's language.
 */
@Named
@ViewScoped
public class PayoutsBean implements Serializable {

    @Inject
    private transient PayoutService payouts;

    @Inject
    private Caller caller;

    private String cursor;
    private String id;
    private String cutoffDay;
    private String reference;
    private transient Page<PayoutView> page;
    private transient java.util.List<io.caravel.payout.Penalties.View> penaltyList;

    @Inject
    private transient io.caravel.payout.Penalties penalties;
    private transient PayoutView selected;

    /** The seller's own penalties, or every seller's for administrators; none for creators. */
    public java.util.List<io.caravel.payout.Penalties.View> getPenalties() {
        if (penaltyList == null) {
            penaltyList = caller.hasRole(io.caravel.platform.Roles.SELLER) && caller.sellerId() != null || caller.isAdmin()
                    ? penalties.list(caller, null)
                    : java.util.List.of();
        }
        return penaltyList;
    }

    @Inject
    private transient io.caravel.seller.SellerDirectory sellers;

    public String sellerName(String sellerId) {
        return sellers.legalName(sellerId);
    }

    public Page<PayoutView> getPage() {
        if (page == null) {
            page = payouts.list(caller, null, null, PageRequest.of(PageRequest.DEFAULT_LIMIT, cursor));
        }
        return page;
    }

    /** The payout chosen in the list (with its entries), or null. */
    public PayoutView getSelected() {
        if (selected == null && id != null && !id.isBlank()) {
            try {
                selected = payouts.get(caller, id);
            } catch (CaravelException e) {
                FacesMessages.error(e, null);
                id = null;
            }
        }
        return selected;
    }

    public StreamedContent pdf(String payoutId) {
        PayoutView view = payouts.get(caller, payoutId);
        return Downloads.of(Statements.pdf(view, locale()), "application/pdf", PayoutResource.fileName(view, "pdf"));
    }

    public StreamedContent csv(String payoutId) {
        PayoutView view = payouts.get(caller, payoutId);
        return Downloads.of(Statements.csv(view, locale()), "text/csv; charset=UTF-8", PayoutResource.fileName(view, "csv"));
    }

    /** Administrators: settles every seller up to the end of the chosen day (UTC), or up to now without one. */
    public void run() {
        try {
            Instant cutoff = null;
            if (cutoffDay != null && !cutoffDay.isBlank()) {
                cutoff = Days.parse("cutoff", cutoffDay, "error.payout.cutoff-day").plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
                if (cutoff.isAfter(Instant.now())) {
                    cutoff = Instant.now();
                }
            }
            PayoutService.RunResult result = payouts.run(caller, cutoff);
            page = null;
            info("payouts.ran", result.payouts().size(), result.failedSellers().size() + result.failedCreators().size());
        } catch (CaravelException e) {
            FacesMessages.error(e, "run-form:");
        }
    }

    /** Administrators: records the bank transfer of the selected payout. */
    public void markPaid() {
        try {
            selected = payouts.markPaid(caller, id, reference);
            page = null;
            reference = null;
            info("payouts.marked-paid", selected.paidReference());
        } catch (CaravelException e) {
            FacesMessages.error(e, "paid-form:");
        }
    }

    private void info(String key, Object... arguments) {
        FacesContext faces = FacesContext.getCurrentInstance();
        String text = ResourceBundle.getBundle("i18n.messages", faces.getViewRoot().getLocale()).getString(key);
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, MessageFormat.format(text, arguments), null));
    }

    private static Locale locale() {
        return FacesContext.getCurrentInstance().getViewRoot().getLocale();
    }

    public String getCursor() { return cursor; }
    public void setCursor(String cursor) { this.cursor = cursor; }
    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getCutoffDay() { return cutoffDay; }
    public void setCutoffDay(String cutoffDay) { this.cutoffDay = cutoffDay; }
    public String getReference() { return reference; }
    public void setReference(String reference) { this.reference = reference; }
}
