package io.caravel.inbox.web;

import io.caravel.inbox.InboxService;
import io.caravel.inbox.TaskView;
import io.caravel.platform.Caller;
import io.caravel.platform.CaravelException;
import io.caravel.platform.Page;
import io.caravel.platform.PageRequest;
import io.caravel.platform.web.ui.FacesMessages;
import io.caravel.seller.SellerDirectory;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The task list: tasks offered to my groups and mine, by due date, filtered by type, risk level, due
 * date and claimed-by-me. Filters are in the address (bookmarkable, back button works) and go into
 * the query, so every matching task can be paged to.
 */
@Named
@RequestScoped
public class InboxBean {

    static final int PAGE_SIZE = 50;

    @Inject
    private InboxService inbox;

    @Inject
    private SellerDirectory sellers;

    @Inject
    private Caller caller;

    private String type;
    private boolean mine;
    private String risk;
    private String due;
    private String cursor;
    private Page<TaskView> page;

    public Page<TaskView> getPage() {
        if (page == null) {
            Instant dueBefore = switch (due == null ? "" : due) {
                case "overdue" -> Instant.now();
                case "day" -> Instant.now().plus(Duration.ofDays(1));
                default -> null;
            };
            String taskType = type != null && inbox.taskTypes().contains(type) ? type : null;
            String level = risk != null && List.of("LOW", "MEDIUM", "HIGH").contains(risk) ? risk : null;
            try {
                page = inbox.list(caller, new InboxService.Filter(taskType, level, mine, dueBefore),
                        PageRequest.of(PAGE_SIZE, cursor));
            } catch (CaravelException e) {
                page = inbox.list(caller, new InboxService.Filter(taskType, level, mine, dueBefore),
                        PageRequest.of(PAGE_SIZE, null));
            }
        }
        return page;
    }

    public List<TaskView> getTasks() {
        return getPage().items();
    }

    /** Every task type the inbox knows, for the type filter. */
    public List<String> getTaskTypes() {
        return inbox.taskTypes();
    }

    public InboxService.Counts getCounts() {
        return inbox.counts(caller);
    }

    public String sellerName(String sellerId) {
        return sellers.legalName(sellerId);
    }

    /** Shows the first page of tasks matching the chosen filters, at an address that keeps them. */
    public String filter() {
        cursor = null;
        return "/inbox/index?faces-redirect=true&includeViewParams=true";
    }

    /** Claims the task and opens its case. */
    public void claim(String taskId) throws IOException {
        TaskView task;
        try {
            task = inbox.claim(caller, taskId);
        } catch (CaravelException e) {
            FacesMessages.error(e, null);
            page = null;
            return;
        }
        var external = FacesContext.getCurrentInstance().getExternalContext();
        external.redirect(external.getRequestContextPath() + task.casePage() + "?task=" + task.id());
    }

    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public boolean isMine() { return mine; }
    public void setMine(boolean mine) { this.mine = mine; }
    public String getDue() { return due; }
    public void setDue(String due) { this.due = due; }
    public String getRisk() { return risk; }
    public void setRisk(String risk) { this.risk = risk; }
    public String getCursor() { return cursor; }
    public void setCursor(String cursor) { this.cursor = cursor; }
}
