package io.caravel.onboarding;

import io.caravel.seller.SellerStatus;
import io.caravel.seller.Seller;
import io.caravel.audit.AuditTrail;
import io.caravel.audit.Detail;
import io.caravel.audit.Detail.Arg;
import io.caravel.screening.ScreeningClearances;
import io.caravel.screening.ScreeningSubject;
import io.caravel.casework.CaseHeader;
import io.caravel.casework.CaseRules;
import io.caravel.identity.IdentityService;
import io.caravel.identity.NewUser;
import io.caravel.platform.Caller;
import io.caravel.platform.Durations;
import io.caravel.platform.CaravelException;
import io.caravel.platform.CaravelException.FieldError;
import io.caravel.platform.ProblemType;
import io.caravel.platform.Roles;
import io.caravel.platform.Uploads;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Seller onboarding as the seller drives it: register, fill the application (drafts kept), upload
 * documents, submit, answer requests for information. A seller reaches only its own applications;
 * compliance staff reach all. Another seller's application is "not found", never "forbidden".
 */
@Stateless
public class OnboardingService {

    static final String CASE = OnboardingWorkflow.CASE_TYPE;

    public static final int MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

    @PersistenceContext(unitName = "caravel")
    private EntityManager em;

    @Inject
    private ScreeningClearances clearances;

    @Inject
    private IdentityService identity;

    @Inject
    private AuditTrail audit;

    @Inject
    private RuntimeService runtime;

    @Inject
    @ConfigProperty(name = "caravel.onboarding.review-due", defaultValue = "P2D")
    private String reviewDue;

    @Inject
    @ConfigProperty(name = "caravel.onboarding.reminder-after", defaultValue = "P3D")
    private String reminderAfter;

    @Inject
    @ConfigProperty(name = "caravel.onboarding.abandon-after", defaultValue = "P14D")
    private String abandonAfter;

    @Inject
    @ConfigProperty(name = "caravel.onboarding.recertify-after", defaultValue = "P1Y")
    private String recertifyAfter;

    private final Clock clock = Clock.systemUTC();

    /** Creates the seller account (status APPLYING), its first user and an empty draft application. */
    public ApplicationView register(Registration registration) {
        Seller seller = new Seller(registration.getCompanyName().trim(), registration.getCountry().toUpperCase(Locale.ROOT),
                registration.getOperatingModel(), SellerStatus.APPLYING, clock.instant());
        em.persist(seller);
        em.flush();
        Caller self = new Caller(registration.getUsername(), Set.of(Roles.SELLER), seller.id());
        identity.create(new NewUser(registration.getUsername(), registration.getPassword(), registration.getDisplayName(),
                registration.getEmail(), seller.id(), Set.of(Roles.SELLER)), self);
        SellerApplication application = new SellerApplication(seller.id(), clock.instant());
        ApplicationData initial = new ApplicationData();
        initial.setLegalName(seller.legalName());
        initial.setCountry(seller.country());
        initial.setContactEmail(registration.getEmail());
        initial.setOperatingModels(Set.of(registration.getOperatingModel()));
        application.update(initial);
        em.persist(application);
        audit.recordBySeller(self.username(), "SELLER_REGISTERED", CASE, application.id(), seller.legalName());
        return ApplicationView.of(application, false);
    }

    /** The caller's applications (a seller's own; staff see none here, they use the inbox). */
    public List<ApplicationView> mine(Caller caller) {
        if (caller.sellerId() == null) {
            return List.of();
        }
        return em.createQuery("select a from SellerApplication a where a.sellerId = :seller order by a.createdAt desc",
                        SellerApplication.class)
                .setParameter("seller", caller.sellerId())
                .getResultList().stream().map(a -> ApplicationView.of(a, caller.isComplianceStaff())).toList();
    }

    public ApplicationView get(Caller caller, String id) {
        return ApplicationView.of(find(caller, id), caller.isComplianceStaff());
    }

    /** Saves the form; only while the application is a draft or information was requested. */
    public ApplicationView update(Caller caller, String id, Integer expectedVersion, ApplicationData data) {
        SellerApplication application = find(caller, id);
        CaseRules.requireOwner(caller, application);
        CaseRules.requireVersion(application, expectedVersion);
        if (!application.status().editable()) {
            throw CaravelException.conflict("error.application.not-editable", application.status());
        }
        application.update(data);
        em.flush();
        audit.recordBySeller(caller.username(), "APPLICATION_SAVED", CASE, id, null);
        return ApplicationView.of(application, false);
    }

    /** What the application still lacks before it can be submitted: one error per missing required field. */
    public List<FieldError> missing(Caller caller, String id) {
        return missingRequired(find(caller, id));
    }

    /** Stores a document after checking its size and that its bytes are a PDF, JPEG or PNG. */
    public DocumentView upload(Caller caller, String id, DocumentKind kind, String fileName, byte[] content) {
        SellerApplication application = find(caller, id);
        CaseRules.requireOwner(caller, application);
        if (!application.status().editable()) {
            throw CaravelException.conflict("error.application.not-editable", application.status());
        }
        if (kind == null) {
            throw CaravelException.invalid("kind", "error.document.kind");
        }
        String contentType = Uploads.check(content, MAX_DOCUMENT_BYTES, Set.of(Uploads.PDF, Uploads.JPEG, Uploads.PNG));
        String name = Uploads.safeName(fileName, kind.name().toLowerCase(Locale.ROOT));
        ApplicationDocument document = new ApplicationDocument(id, kind, name, contentType, content, clock.instant());
        em.persist(document);
        audit.recordBySeller(caller.username(), "DOCUMENT_UPLOADED", CASE, id, kind + " " + document.fileName(),
                Detail.of("DOCUMENT", Arg.code("document", kind), Arg.text(document.fileName())));
        return DocumentView.of(document);
    }

    public List<DocumentView> documents(Caller caller, String id) {
        find(caller, id);
        return documentsOf(id).stream().map(DocumentView::of).toList();
    }

    /** One document with its content, for viewing or download. */
    public ApplicationDocument document(Caller caller, String id, String documentId) {
        find(caller, id);
        ApplicationDocument document = em.find(ApplicationDocument.class, documentId);
        if (document == null || !document.applicationId().equals(id)) {
            throw CaravelException.notFound("document", documentId);
        }
        return document;
    }

    /**
     * Sends a complete application to review: a draft starts the onboarding workflow; an application
     * with an open request for information goes back to the checks (the same as answering it).
     */
    public ApplicationView submit(Caller caller, String id) {
        SellerApplication application = find(caller, id);
        CaseRules.requireOwner(caller, application);
        if (application.status() == ApplicationStatus.INFORMATION_REQUESTED) {
            return answer(caller, id, null);
        }
        if (application.status() != ApplicationStatus.DRAFT) {
            throw CaravelException.conflict("error.application.not-draft", application.status());
        }
        CaseRules.requireComplete(missingRequired(application), "error.application.incomplete");
        Instant now = clock.instant();
        Map<String, Object> variables = new CaseHeader(OnboardingWorkflow.CASE_TYPE, application.id(),
                application.legalName(), application.sellerId(), Durations.after(now, reviewDue)).variables()
                .putValue(OnboardingWorkflow.REVIEW_DUE, reviewDue)
                .putValue(OnboardingWorkflow.REMINDER_AFTER, reminderAfter)
                .putValue(OnboardingWorkflow.ABANDON_AFTER, abandonAfter)
                .putValue(OnboardingWorkflow.RECERTIFY_AFTER, recertifyAfter);
        String instance = runtime.startProcessInstanceByKey(OnboardingWorkflow.PROCESS_KEY, application.id(), variables)
                .getId();
        application.submitted(now, instance);
        audit.recordBySeller(caller.username(), "APPLICATION_SUBMITTED", CASE, id, null);
        return ApplicationView.of(application, false);
    }

    /**
     * The seller answers a request for information (the answer may be empty when the seller only
     * added documents); the workflow checks the application again.
     */
    public ApplicationView answer(Caller caller, String id, String answer) {
        SellerApplication application = find(caller, id);
        CaseRules.requireOwner(caller, application);
        if (application.status() != ApplicationStatus.INFORMATION_REQUESTED) {
            throw CaravelException.conflict("error.application.no-request", application.status());
        }
        String text = answer == null || answer.isBlank() ? null : answer.length() > 4000 ? answer.substring(0, 4000) : answer;
        // a document uploaded since the request answers it too (counted, not timed: MySQL may keep whole seconds)
        if (text == null && documentsOf(id).size() <= application.documentsAtRequest()) {
            throw CaravelException.invalid("answer", "error.application.answer-required");
        }
        application.answered(text);
        runtime.createMessageCorrelation(OnboardingWorkflow.INFORMATION_MESSAGE).processInstanceBusinessKey(id).correlate();
        audit.recordBySeller(caller.username(), "INFORMATION_PROVIDED", CASE, id, text);
        return ApplicationView.of(application, false);
    }

    /** The screening matches kept with the case. */
    public List<ScreeningMatch> matches(Caller caller, String id) {
        find(caller, id);
        return em.createQuery("select m from ScreeningMatch m where m.applicationId = :id order by m.score desc, m.entNum",
                ScreeningMatch.class).setParameter("id", id).getResultList();
    }

    /** An officer marks one screening hit as a true match or a false positive, with the reason (staff only). */
    public ScreeningMatch dispose(Caller caller, String id, String matchId, ScreeningMatch.Disposition disposition,
                                  String reason) {
        if (!caller.isComplianceStaff()) {
            throw CaravelException.notFound(CASE, id);
        }
        find(caller, id);
        ScreeningMatch match = matchId == null ? null : em.find(ScreeningMatch.class, matchId);
        if (match == null || !match.applicationId().equals(id)) {
            throw CaravelException.notFound("screening match", matchId);
        }
        if (disposition == null) {
            throw CaravelException.invalid("disposition", "error.screening.disposition");
        }
        if (reason == null || reason.isBlank()) {
            throw CaravelException.invalid("reason", "error.screening.disposition-reason");
        }
        String text = reason.trim().length() > 1000 ? reason.trim().substring(0, 1000) : reason.trim();
        match.dispose(disposition, text, caller.username(), clock.instant());
        if (disposition == ScreeningMatch.Disposition.FALSE_POSITIVE) {
            clearances.clear(ScreeningSubject.SELLER, find(caller, id).sellerId(), match.screenedName(), match.listSource(), match.entNum(), text,
                    caller.username());
        }
        audit.record(caller.username(), "SCREENING_HIT_" + disposition, CASE, id,
                match.screenedName() + " ~ " + match.listedName() + " (" + match.entNum() + "): " + text,
                Detail.of("SCREENING_MATCH", Arg.text(match.screenedName()), Arg.text(match.listedName()),
                        Arg.text(match.entNum())).and("NOTE", Arg.text(text)));
        return match;
    }

    /** The documents of an application, oldest first (for the workflow; no access check). */
    public List<ApplicationDocument> documentsOf(String id) {
        return em.createQuery("select d from ApplicationDocument d where d.applicationId = :id order by d.uploadedAt",
                ApplicationDocument.class).setParameter("id", id).getResultList();
    }

    private SellerApplication find(Caller caller, String id) {
        return CaseRules.visible(id == null ? null : em.find(SellerApplication.class, id), caller, CASE, id);
    }


    static List<FieldError> missingRequired(SellerApplication a) {
        List<FieldError> missing = new ArrayList<>();
        CaseRules.require(missing, "legalName", a.legalName());
        CaseRules.require(missing, "country", a.country());
        CaseRules.require(missing, "registrationNumber", a.registrationNumber());
        CaseRules.require(missing, "taxId", a.taxId());
        CaseRules.require(missing, "address", a.address());
        CaseRules.require(missing, "contactEmail", a.contactEmail());
        CaseRules.require(missing, "operatingModels", a.operatingModels());
        CaseRules.require(missing, "mainCategory", a.mainCategory());
        CaseRules.require(missing, "expectedYearlySalesEur", a.expectedYearlySalesEur());
        CaseRules.require(missing, "expectedYearlyOrders", a.expectedYearlyOrders());
        CaseRules.require(missing, "bankAccount", a.bankAccount());
        if (a.parties().stream().noneMatch(p -> p.role() == PartyRole.DIRECTOR)) {
            missing.add(new FieldError("parties", "error.application.director-required"));
        }
        return missing;
    }

    /** Optional KYB data left empty; the risk decision weighs it. */
    static int missingOptional(SellerApplication a) {
        int count = 0;
        count += a.tradingName() == null ? 1 : 0;
        count += a.contactPhone() == null ? 1 : 0;
        count += a.parties().stream().noneMatch(p -> p.role() == PartyRole.BENEFICIAL_OWNER) ? 1 : 0;
        count += (int) a.parties().stream().filter(p -> p.dateOfBirth() == null || p.nationality() == null).count();
        return count;
    }
}
