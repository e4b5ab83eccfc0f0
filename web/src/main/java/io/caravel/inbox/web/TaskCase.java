package io.caravel.inbox.web;

import io.caravel.audit.AuditTrail;
import io.caravel.casework.MessageTemplates;
import io.caravel.casework.Outcome;
import io.caravel.casework.TaskKind;
import io.caravel.inbox.CaseDiagram;
import io.caravel.inbox.CaseProgress;
import io.caravel.inbox.Decision;
import io.caravel.inbox.InboxService;
import io.caravel.inbox.TaskView;
import io.caravel.platform.Caller;
import io.caravel.platform.CaravelException;
import io.caravel.platform.web.ui.FacesMessages;
import io.caravel.seller.SellerDirectory;
import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Serializable;
import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;
import java.util.stream.Collectors;

/**
 * What every case page beside a task does, whatever the workflow: load the task for the caller (an
 * unknown or foreign task shows the inbox again), show what is asked, when it is due, the risk and
 * its reasons, the process diagram with the current step and the way the case came, the history,
 * and the decision form its task kind defines (outcome, internal note, message to the seller from a
 * template); claim, release and decide. A workflow's case page extends this with its case's details.
 */
public abstract class TaskCase implements Serializable {

    @Inject
    protected InboxService inbox;

    @Inject
    protected Caller caller;

    @Inject
    private AuditTrail audit;

    @Inject
    private SellerDirectory sellers;

    private String taskId;
    private transient TaskView task;
    private transient CaseDiagram diagram;
    private final Decision decision = new Decision();

    /** The task named in the address (?task=...), read once when the page is opened. */
    @PostConstruct
    void readTaskFromAddress() {
        taskId = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("task");
    }

    /** Loads the case of the task before the page is shown; an unknown or foreign task shows the inbox. */
    public void load() throws IOException {
        try {
            getTask();
            loadCase();
        } catch (CaravelException e) {
            FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
            FacesMessages.error(e, null);
            redirect("/inbox/index.xhtml");
        }
    }

    /** Reads the case the task is about; throws when the caller may not see it. */
    protected abstract void loadCase();

    public void claim() {
        act(() -> task = inbox.claim(caller, taskId));
    }

    public void unclaim() {
        act(() -> task = inbox.unclaim(caller, taskId));
    }

    /** Records the decision and goes back to the inbox, saying where the case waits now. */
    public void complete() throws IOException {
        CaseProgress progress;
        try {
            progress = inbox.complete(caller, taskId, decision);
        } catch (CaravelException e) {
            FacesMessages.error(e, "case:");
            return;
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.getExternalContext().getFlash().setKeepMessages(true);
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, progressText(progress), null));
        redirect("/inbox/index.xhtml");
    }

    /** "Decision recorded. The case now waits for: Second approval (four-eyes)." in the page's language. */
    String progressText(CaseProgress progress) {
        ResourceBundle msg = bundle();
        if (progress.ended()) {
            return msg.getString("case.done.closed");
        }
        String steps = progress.waitingAt().stream()
                .map(s -> s.userTask() && msg.containsKey("task." + s.activityId()) ? msg.getString("task." + s.activityId())
                        : s.name())
                .collect(Collectors.joining(", "));
        return MessageFormat.format(msg.getString("case.done.waiting"), steps);
    }

    /** Fills the message with the chosen template (English and Chinese), for the decider to edit. */
    public void applyTemplate() {
        String text = MessageTemplates.text(decision.getMessageTemplate());
        if (text != null) {
            decision.setMessage(text);
        }
    }

    public boolean isMine() {
        return caller.username().equals(getTask().assignee());
    }

    /** The decisions this kind of task takes, for the decision form. */
    public List<String> getOutcomes() {
        return kind().outcomeCodes();
    }

    /** The chosen decision's needs (none chosen yet: the first). */
    public Outcome getChosen() {
        return kind().outcome(decision.getDecision() == null ? "" : decision.getDecision())
                .orElse(kind().outcomes().get(0));
    }

    /** Whether any decision of this task tells the seller something (else the message box is not shown). */
    public boolean isMessaging() {
        return kind().outcomes().stream().anyMatch(o -> !o.templates().isEmpty() || o.message() == Outcome.Need.REQUIRED);
    }

    /** The page bundle's text for this kind of case ({@code key.<caseType>}) when it has one, else the general one. */
    public String text(String key) {
        ResourceBundle msg = bundle();
        String specific = key + "." + getTask().caseType();
        return msg.containsKey(specific) ? msg.getString(specific) : msg.getString(key);
    }

    public String templateLabel(String code) {
        return MessageTemplates.label(FacesContext.getCurrentInstance().getViewRoot().getLocale(), code);
    }

    public List<String> getTemplates() {
        return getChosen().templates();
    }

    public CaseDiagram getDiagram() {
        if (diagram == null) {
            diagram = inbox.diagram(caller, taskId, FacesContext.getCurrentInstance().getViewRoot().getLocale());
        }
        return diagram;
    }

    /** Element ids for the diagram viewer, separated by spaces. */
    public String ids(List<String> ids) {
        return String.join(" ", ids);
    }

    /** The case's history, oldest first, as staff see it, the same done again right after shown once with a count. */
    public List<HistoryRow> getHistory() {
        return HistoryRow.of(audit.history(getTask().caseType(), getTask().caseId()));
    }

    /** The seller's company name, for the header. */
    public String getSellerName() {
        return sellers.legalName(getTask().sellerId());
    }

    protected void act(Runnable action) {
        try {
            action.run();
        } catch (CaravelException e) {
            FacesMessages.error(e, null);
        }
    }

    private TaskKind kind() {
        return inbox.kind(getTask().taskType());
    }

    private static ResourceBundle bundle() {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces.getApplication().getResourceBundle(faces, "msg");
    }

    protected static void redirect(String page) throws IOException {
        var external = FacesContext.getCurrentInstance().getExternalContext();
        external.redirect(external.getRequestContextPath() + page);
    }

    public String getTaskId() { return taskId; }
    public void setTaskId(String taskId) { this.taskId = taskId; }

    public TaskView getTask() {
        if (task == null) {
            task = inbox.get(caller, taskId);
        }
        return task;
    }

    public Decision getDecision() { return decision; }
}
