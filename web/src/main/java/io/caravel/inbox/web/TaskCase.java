package io.caravel.inbox.web;

import io.caravel.inbox.Decision;
import io.caravel.inbox.InboxService;
import io.caravel.inbox.TaskView;
import io.caravel.platform.Caller;
import io.caravel.platform.CaravelException;
import io.caravel.platform.web.ui.FacesMessages;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;

/**
 * What every case view beside a task does: load the task for the caller (an unknown or foreign
 * task shows the inbox again), claim, release, and complete it with a decision.
 */
public abstract class TaskCase implements Serializable {

    @Inject
    protected InboxService inbox;

    @Inject
    protected Caller caller;

    private String taskId;
    private transient TaskView task;
    private final Decision decision = new Decision();

    /** Loads the case of the task; called by the page's view action. */
    public void load() throws IOException {
        try {
            loadCase();
        } catch (CaravelException e) {
            var external = FacesContext.getCurrentInstance().getExternalContext();
            external.redirect(external.getRequestContextPath() + "/inbox/index.xhtml");
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

    public void complete() throws IOException {
        try {
            inbox.complete(caller, taskId, decision);
        } catch (CaravelException e) {
            FacesMessages.error(e, null);
            return;
        }
        var external = FacesContext.getCurrentInstance().getExternalContext();
        external.getFlash().setKeepMessages(true);
        FacesMessages.info("case.completed");
        external.redirect(external.getRequestContextPath() + "/inbox/index.xhtml");
    }

    public boolean isMine() {
        return caller.username().equals(getTask().assignee());
    }

    /** The decisions this kind of task takes, for the decision form. */
    public List<String> getOutcomes() {
        return inbox.outcomes(getTask().taskType());
    }

    protected void act(Runnable action) {
        try {
            action.run();
        } catch (CaravelException e) {
            FacesMessages.error(e, null);
        }
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
