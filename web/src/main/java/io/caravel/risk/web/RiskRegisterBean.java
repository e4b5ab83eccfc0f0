package io.caravel.risk.web;

import io.caravel.inbox.InboxService;
import io.caravel.payout.FxExposure;
import io.caravel.inbox.TaskView;
import io.caravel.platform.CaravelException;
import io.caravel.platform.Page;
import io.caravel.platform.PageRequest;
import io.caravel.platform.web.Downloads;
import io.caravel.platform.web.ui.FacesMessages;
import io.caravel.risk.RiskCategory;
import io.caravel.risk.RiskEvent;
import io.caravel.risk.RiskEvents;
import io.caravel.risk.RiskFilter;
import io.caravel.risk.RiskSummary;
import io.caravel.seller.SellerDirectory;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.primefaces.model.StreamedContent;

/**
 * The risk page for compliance staff: the register filtered by category, severity, seller, case and
 * days; counts per category and week (charts), the riskiest sellers with their score and why, each
 * event with a way into its case, and the filtered events as CSV.
 */
@Named
@ViewScoped
public class RiskRegisterBean implements Serializable {

    @Inject
    private transient RiskEvents risks;

    @Inject
    private transient SellerDirectory sellers;

    @Inject
    private transient InboxService inbox;

    @Inject
    private transient FxExposure fxExposure;

    private String category;
    private String severity;
    private String sellerId;
    private String subjectId;
    private String from = LocalDate.now(ZoneOffset.UTC).minusDays(89).toString();
    private String to;
    private String cursor;
    private transient RiskFilter filter;
    private transient RiskSummary summary;
    private transient FxExposure.Report exposure;
    private String stress = "10";
    private transient Page<RiskEvent> page;
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, Optional<TaskView>> openTasks = new HashMap<>();

    private RiskFilter filter() {
        if (filter == null) {
            try {
                filter = RiskEventResource.filter(category, severity, sellerId, subjectId, from, to);
            } catch (CaravelException e) {
                FacesMessages.error(e, "filters:");
                filter = RiskFilter.all();
            }
        }
        return filter;
    }

    public RiskSummary getSummary() {
        if (summary == null) {
            summary = risks.summary(filter(), 10);
        }
        return summary;
    }

    public Page<RiskEvent> getPage() {
        if (page == null) {
            page = risks.list(filter(), PageRequest.of(PageRequest.DEFAULT_LIMIT, cursor));
        }
        return page;
    }

    /** Market/FX exposure per currency at the latest rates and with the stress applied. */
    public FxExposure.Report getExposure() {
        if (exposure == null) {
            exposure = fxExposure.measure(stressValue());
        }
        return exposure;
    }

    private java.math.BigDecimal stressValue() {
        try {
            return RiskEventResource.stress(stress);
        } catch (CaravelException e) {
            FacesMessages.error(e, "filters:");
            return java.math.BigDecimal.TEN;
        }
    }

    /** Applies the filters (the form's values) from the first page. */
    public void apply() {
        filter = null;
        summary = null;
        exposure = null;
        page = null;
        cursor = null;
        filter(); // a wrong value is told now, beside the form, before the register is drawn
        getExposure();
    }

    /** Shows only one seller's events. */
    public void showSeller(String seller) {
        sellerId = seller;
        apply();
    }

    /** Shows only one case's events. */
    public void showCase(String subject) {
        subjectId = subject;
        apply();
    }

    public void next() {
        cursor = getPage().nextCursor();
        page = null;
    }

    /** The largest count of a category, for the bar widths. */
    public long getMaxCategory() {
        return getSummary().byCategory().values().stream().mapToLong(Long::longValue).max().orElse(1);
    }

    public long getMaxWeek() {
        return getSummary().weeks().stream().mapToLong(RiskSummary.Week::total).max().orElse(1);
    }

    public List<RiskCategory> getCategories() {
        return Arrays.asList(RiskCategory.values());
    }

    public List<RiskEvent.Severity> getSeverities() {
        return Arrays.asList(RiskEvent.Severity.values());
    }

    public String sellerName(String id) {
        return id == null ? "" : names.computeIfAbsent(id, k -> sellers.legalName(k));
    }

    /** The page of the case's open task, when the case waits for a person now; else null. */
    public String casePage(RiskEvent event) {
        return openTasks.computeIfAbsent(event.subjectType() + "/" + event.subjectId(),
                k -> inbox.openTaskOf(event.subjectType(), event.subjectId()))
                .map(t -> t.casePage() + "?task=" + t.id()).orElse(null);
    }

    /** The filtered events as CSV (at most 50,000, newest first): codes and the words for them. */
    public StreamedContent csv() {
        return Downloads.of(RiskCsv.write(risks.export(filter(), RiskCsv.MAX),
                        FacesContext.getCurrentInstance().getViewRoot().getLocale(), this::sellerName),
                "text/csv; charset=UTF-8", "risk-events-" + LocalDate.now(ZoneOffset.UTC) + ".csv");
    }

    public String getCategory() { return category; }
    public void setCategory(String category) { this.category = category; }
    public String getSeverity() { return severity; }
    public void setSeverity(String severity) { this.severity = severity; }
    public String getSellerId() { return sellerId; }
    public void setSellerId(String sellerId) { this.sellerId = sellerId; }
    public String getSubjectId() { return subjectId; }
    public void setSubjectId(String subjectId) { this.subjectId = subjectId; }
    public String getFrom() { return from; }
    public void setFrom(String from) { this.from = from; }
    public String getTo() { return to; }
    public String getStress() { return stress; }
    public void setStress(String stress) { this.stress = stress; }
    public void setTo(String to) { this.to = to; }
}
