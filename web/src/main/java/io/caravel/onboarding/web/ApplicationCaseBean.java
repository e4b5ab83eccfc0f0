package io.caravel.onboarding.web;

import io.caravel.inbox.web.TaskCase;
import io.caravel.onboarding.ApplicationDocument;
import io.caravel.onboarding.ApplicationView;
import io.caravel.onboarding.DocumentView;
import io.caravel.onboarding.OnboardingService;
import io.caravel.onboarding.ScreeningMatch;
import io.caravel.platform.web.Downloads;
import io.caravel.screening.SanctionsEntry;
import io.caravel.screening.ScreeningService;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.primefaces.model.StreamedContent;

/**
 * The case page of a seller application beside its task: the application, its documents, each
 * screening hit with the applicant's date of birth and nationality beside the listed entry's and the
 * officer's verdict on it, the risk assessment, and (from {@link TaskCase}) the decision form.
 */
@Named
@ViewScoped
public class ApplicationCaseBean extends TaskCase {

    static final String NONE = "—";

    @Inject
    private OnboardingService onboarding;

    @Inject
    private ScreeningService screening;

    private transient ApplicationView application;
    private transient List<ScreeningMatch> matches;
    private final Map<String, String> verdictReasons = new HashMap<>();

    @Override
    protected void loadCase() {
        getApplication();
    }

    public ApplicationView getApplication() {
        if (application == null) {
            application = onboarding.get(caller, getTask().caseId());
        }
        return application;
    }

    public List<DocumentView> getDocuments() {
        return onboarding.documents(caller, getApplication().id());
    }

    public StreamedContent download(String documentId) {
        ApplicationDocument document = onboarding.document(caller, getApplication().id(), documentId);
        return Downloads.of(document);
    }

    public List<ScreeningMatch> getMatches() {
        if (matches == null) {
            matches = onboarding.matches(caller, getApplication().id());
        }
        return matches;
    }

    /** The date of birth the applicant gave for the screened person ("—" for a company or when not given). */
    public String applicantDateOfBirth(ScreeningMatch match) {
        return person(match).map(p -> p.dateOfBirth() == null ? null : p.dateOfBirth().toString()).orElse(NONE);
    }

    public String applicantNationality(ScreeningMatch match) {
        return person(match).map(ApplicationView.PartyView::nationality).filter(n -> !n.isBlank()).orElse(NONE);
    }

    /** The dates of birth the listed entry gives, as the list writes them. */
    public String listedDatesOfBirth(ScreeningMatch match) {
        return entry(match).map(e -> String.join("; ", e.datesOfBirth())).filter(s -> !s.isEmpty()).orElse(NONE);
    }

    public String listedNationalities(ScreeningMatch match) {
        return entry(match).map(e -> String.join("; ", e.nationalities())).filter(s -> !s.isEmpty()).orElse(NONE);
    }

    public String listedType(ScreeningMatch match) {
        return entry(match).map(e -> e.type().name()).orElse("");
    }

    public String listedRemarks(ScreeningMatch match) {
        return entry(match).map(SanctionsEntry::remarks).orElse("");
    }

    /** What raised or lowered a hit's score, in words. */
    public String adjustment(io.caravel.screening.IdentifierCheck.Adjustment adjustment) {
        return io.caravel.screening.web.Adjustments.words(adjustment);
    }

    /** Why a hit's names matched, in words. */
    public String explanation(ScreeningMatch match) {
        return io.caravel.screening.web.Adjustments.words(match.explanation());
    }

    private Optional<SanctionsEntry> entry(ScreeningMatch match) {
        return screening.entry(match.listSource(), match.entNum());
    }

    private Optional<ApplicationView.PartyView> person(ScreeningMatch match) {
        return getApplication().parties().stream().filter(p -> p.name().equals(match.screenedName())).findFirst();
    }

    /** The officer's verdict on one hit: true match or false positive, with the reason typed beside it. */
    public void dispose(String matchId, String verdict) {
        act(() -> {
            onboarding.dispose(caller, getApplication().id(), matchId, ScreeningMatch.Disposition.valueOf(verdict),
                    verdictReasons.get(matchId));
            matches = null;
            verdictReasons.remove(matchId);
        });
    }

    public Map<String, String> getVerdictReasons() {
        return verdictReasons;
    }
}
