package io.caravel.inbox.web;

import io.caravel.inbox.InboxService;
import io.caravel.inbox.TaskView;
import io.caravel.platform.Caller;
import io.caravel.platform.CaravelException;
import io.caravel.platform.PageRequest;
import io.caravel.platform.web.ui.FacesMessages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The task list: my groups' tasks by due date, filtered by type, risk level, due date and claimed-by-me. */
@Named
@RequestScoped
public class InboxBean {

    @Inject
    private InboxService inbox;

    @Inject
    private Caller caller;

    private String type;
    private boolean mine;
    private String risk;
    private String due;
    private List<TaskView> tasks;

    public List<TaskView> getTasks() {
        if (tasks == null) {
            Instant dueBefore = switch (due == null ? "" : due) {
                case "overdue" -> Instant.now();
                case "day" -> Instant.now().plus(Duration.ofDays(1));
                default -> null;
            };
            tasks = inbox.list(caller, type, mine, dueBefore, PageRequest.of(PageRequest.MAX_LIMIT, null)).items().stream()
                    .filter(t -> risk == null || risk.isBlank() || risk.equals(t.riskLevel()))
                    .toList();
        }
        return tasks;
    }

    public void claim(String taskId) {
        try {
            inbox.claim(caller, taskId);
            tasks = null;
        } catch (CaravelException e) {
            FacesMessages.error(e, null);
        }
    }

    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public boolean isMine() { return mine; }
    public void setMine(boolean mine) { this.mine = mine; }
    public String getDue() { return due; }
    public void setDue(String due) { this.due = due; }
    public String getRisk() { return risk; }
    public void setRisk(String risk) { this.risk = risk; }
}
