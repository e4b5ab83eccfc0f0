package io.caravel.inbox.web;

import io.caravel.audit.AuditEntry;
import io.caravel.audit.AuditTrail;
import io.caravel.onboarding.ApplicationDocument;
import io.caravel.onboarding.ApplicationView;
import io.caravel.onboarding.DocumentView;
import io.caravel.onboarding.OnboardingService;
import io.caravel.onboarding.ScreeningMatch;
import io.caravel.screening.ScreeningService;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

/**
 * The case view beside a task: the application, its documents, screening hits next to the listed
 * entry, the risk decision with its reasons, the full history, and the decision form.
 */
@Named
@ViewScoped
public class CaseBean extends TaskCase {

    @Inject
    private OnboardingService onboarding;

    @Inject
    private ScreeningService screening;

    @Inject
    private AuditTrail audit;

    private transient ApplicationView application;

    @Override
    protected void loadCase() {
        getApplication();
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

    public ApplicationView getApplication() {
        if (application == null) {
            application = onboarding.get(caller, getTask().caseId());
        }
        return application;
    }
}
