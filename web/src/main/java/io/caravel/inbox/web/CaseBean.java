package io.caravel.inbox.web;

import io.caravel.audit.AuditEntry;
import io.caravel.audit.AuditTrail;
import io.caravel.inbox.Decision;
import io.caravel.inbox.InboxService;
import io.caravel.inbox.TaskView;
import io.caravel.onboarding.ApplicationDocument;
import io.caravel.onboarding.ApplicationView;
import io.caravel.onboarding.DocumentView;
import io.caravel.onboarding.OnboardingService;
import io.caravel.onboarding.ScreeningMatch;
import io.caravel.platform.Caller;
import io.caravel.platform.CaravelException;
import io.caravel.platform.web.ui.FacesMessages;
import io.caravel.screening.ScreeningService;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

/**
 * The case view beside a task: the application, its documents, screening hits next to the listed
 * entry, the risk decision with its reasons, the full history, and the decision form.
 */
@Named
@ViewScoped
public class CaseBean implements Serializable {

    @Inject
    private InboxService inbox;

    @Inject
    private OnboardingService onboarding;

    @Inject
    private ScreeningService screening;

    @Inject
    private AuditTrail audit;

    @Inject
    private Caller caller;

    private String taskId;
    private transient TaskView task;
    private transient ApplicationView application;
    private final Decision decision = new Decision();

    /** Checks the task exists for the caller; an unknown or foreign task shows the inbox again. */
    public void load() throws IOException {
        try {
            getApplication();
        } catch (CaravelException e) {
            var external = FacesContext.getCurrentInstance().getExternalContext();
            external.redirect(external.getRequestContextPath() + "/inbox/index.xhtml");
        }
    }

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

    public List<DocumentView> getDocuments() {
        return onboarding.documents(caller, getApplication().id());
    }

    public StreamedContent download(String documentId) {
        ApplicationDocument document = onboarding.document(caller, getApplication().id(), documentId);
        return DefaultStreamedContent.builder().name(document.fileName()).contentType(document.contentType())
                .stream(() -> new ByteArrayInputStream(document.content())).build();
    }

    public List<ScreeningMatch> getMatches() {
        return onboarding.matches(caller, getApplication().id());
    }

    /** The listed entry's type, countries and remarks, shown beside the applicant's name. */
    public String listEntry(long entNum) {
        return screening.entry(entNum)
                .map(e -> e.type() + " · " + String.join(", ", e.countries()) + (e.remarks() == null ? "" : " · " + e.remarks()))
                .orElse("");
    }

    public List<AuditEntry> getHistory() {
        return audit.history("application", getApplication().id());
    }

    private void act(Runnable action) {
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

    public ApplicationView getApplication() {
        if (application == null) {
            application = onboarding.get(caller, getTask().caseId());
        }
        return application;
    }

    public Decision getDecision() { return decision; }
}
