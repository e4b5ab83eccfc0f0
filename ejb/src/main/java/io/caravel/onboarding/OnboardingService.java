package io.caravel.onboarding;

import io.caravel.seller.SellerStatus;
import io.caravel.seller.Seller;
import io.caravel.audit.AuditTrail;
import io.caravel.identity.IdentityService;
import io.caravel.identity.NewUser;
import io.caravel.platform.Caller;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Seller onboarding as the seller drives it: register, fill the application (drafts kept), upload
 * documents, submit, answer requests for information. A seller reaches only its own applications;
 * compliance staff reach all. Another seller's application is "not found", never "forbidden".
 */
@Stateless
public class OnboardingService {

    public static final String PROCESS_KEY = "seller-onboarding";
    public static final String INFORMATION_MESSAGE = "SellerInformationProvided";
    public static final int MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

    @PersistenceContext(unitName = "caravel")
    private EntityManager em;

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
        audit.record(self.username(), "SELLER_REGISTERED", "application", application.id(), seller.legalName());
        return ApplicationView.of(application);
    }

    /** The caller's applications (a seller's own; staff see none here, they use the inbox). */
    public List<ApplicationView> mine(Caller caller) {
        if (caller.sellerId() == null) {
            return List.of();
        }
        return em.createQuery("select a from SellerApplication a where a.sellerId = :seller order by a.createdAt desc",
                        SellerApplication.class)
                .setParameter("seller", caller.sellerId())
                .getResultList().stream().map(ApplicationView::of).toList();
    }

    public ApplicationView get(Caller caller, String id) {
        return ApplicationView.of(find(caller, id));
    }

    /** Saves the form; only while the application is a draft or information was requested. */
    public ApplicationView update(Caller caller, String id, Integer expectedVersion, ApplicationData data) {
        SellerApplication application = find(caller, id);
        requireSeller(caller, application);
        checkVersion(application, expectedVersion);
        if (application.status() != ApplicationStatus.DRAFT && application.status() != ApplicationStatus.INFORMATION_REQUESTED) {
            throw CaravelException.conflict("error.application.not-editable", application.status());
        }
        application.update(data);
        em.flush();
        audit.record(caller.username(), "APPLICATION_SAVED", "application", id, null);
        return ApplicationView.of(application);
    }

    /** Stores a document after checking its size and that its bytes are a PDF, JPEG or PNG. */
    public DocumentView upload(Caller caller, String id, DocumentKind kind, String fileName, byte[] content) {
        SellerApplication application = find(caller, id);
        requireSeller(caller, application);
        if (application.status() != ApplicationStatus.DRAFT && application.status() != ApplicationStatus.INFORMATION_REQUESTED) {
            throw CaravelException.conflict("error.application.not-editable", application.status());
        }
        if (kind == null) {
            throw CaravelException.invalid("kind", "error.document.kind");
        }
        String contentType = Uploads.check(content, MAX_DOCUMENT_BYTES, Set.of(Uploads.PDF, Uploads.JPEG, Uploads.PNG));
        String name = Uploads.safeName(fileName, kind.name().toLowerCase(Locale.ROOT));
        ApplicationDocument document = new ApplicationDocument(id, kind, name, contentType, content, clock.instant());
        em.persist(document);
        audit.record(caller.username(), "DOCUMENT_UPLOADED", "application", id, kind + " " + document.sha256());
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

    /** Submits a complete application and starts the onboarding workflow. */
    public ApplicationView submit(Caller caller, String id) {
        SellerApplication application = find(caller, id);
        requireSeller(caller, application);
        if (application.status() != ApplicationStatus.DRAFT) {
            throw CaravelException.conflict("error.application.not-draft", application.status());
        }
        List<FieldError> missing = missingRequired(application);
        if (!missing.isEmpty()) {
            throw new CaravelException(ProblemType.VALIDATION, missing, "error.application.incomplete");
        }
        Map<String, Object> variables = Variables.createVariables()
                .putValue("applicationId", application.id())
                .putValue("caseTitle", application.legalName())
                .putValue("sellerId", application.sellerId())
                .putValue("country", application.country())
                .putValue("mainCategory", application.mainCategory())
                .putValue("expectedYearlySalesEur", application.expectedYearlySalesEur())
                .putValue("expectedYearlyOrders", application.expectedYearlyOrders())
                .putValue("missingFields", missingOptional(application))
                .putValue("reviewDue", reviewDue)
                .putValue("reminderAfter", reminderAfter)
                .putValue("abandonAfter", abandonAfter)
                .putValue("recertifyAfter", recertifyAfter);
        String instance = runtime.startProcessInstanceByKey(PROCESS_KEY, application.id(), variables).getId();
        application.submitted(clock.instant(), instance);
        audit.record(caller.username(), "APPLICATION_SUBMITTED", "application", id, null);
        return ApplicationView.of(application);
    }

    /** The seller answers a request for information; the workflow checks the application again. */
    public ApplicationView answer(Caller caller, String id, String answer) {
        SellerApplication application = find(caller, id);
        requireSeller(caller, application);
        if (application.status() != ApplicationStatus.INFORMATION_REQUESTED) {
            throw CaravelException.conflict("error.application.no-request", application.status());
        }
        if (answer == null || answer.isBlank()) {
            throw CaravelException.invalid("answer", "error.application.answer-required");
        }
        application.answered(answer.length() > 4000 ? answer.substring(0, 4000) : answer);
        runtime.createMessageCorrelation(INFORMATION_MESSAGE).processInstanceBusinessKey(id).correlate();
        audit.record(caller.username(), "INFORMATION_PROVIDED", "application", id, null);
        return ApplicationView.of(application);
    }

    /** The screening matches kept with the case. */
    public List<ScreeningMatch> matches(Caller caller, String id) {
        find(caller, id);
        return em.createQuery("select m from ScreeningMatch m where m.applicationId = :id order by m.score desc, m.entNum",
                ScreeningMatch.class).setParameter("id", id).getResultList();
    }

    /** The documents of an application, oldest first (for the workflow; no access check). */
    public List<ApplicationDocument> documentsOf(String id) {
        return em.createQuery("select d from ApplicationDocument d where d.applicationId = :id order by d.uploadedAt",
                ApplicationDocument.class).setParameter("id", id).getResultList();
    }

    private SellerApplication find(Caller caller, String id) {
        SellerApplication application = em.find(SellerApplication.class, id);
        if (application == null || !(caller.isComplianceStaff() || application.sellerId().equals(caller.sellerId()))) {
            throw CaravelException.notFound("application", id);
        }
        return application;
    }

    private static void requireSeller(Caller caller, SellerApplication application) {
        if (!application.sellerId().equals(caller.sellerId())) {
            throw CaravelException.forbidden();
        }
    }

    private static void checkVersion(SellerApplication application, Integer expected) {
        if (expected != null && expected != application.version()) {
            throw new CaravelException(ProblemType.PRECONDITION_FAILED, "error.stale-version");
        }
    }

    static List<FieldError> missingRequired(SellerApplication a) {
        List<FieldError> missing = new ArrayList<>();
        require(missing, "legalName", a.legalName());
        require(missing, "country", a.country());
        require(missing, "registrationNumber", a.registrationNumber());
        require(missing, "taxId", a.taxId());
        require(missing, "address", a.address());
        require(missing, "contactEmail", a.contactEmail());
        require(missing, "operatingModels", a.operatingModels());
        require(missing, "mainCategory", a.mainCategory());
        require(missing, "expectedYearlySalesEur", a.expectedYearlySalesEur());
        require(missing, "expectedYearlyOrders", a.expectedYearlyOrders());
        require(missing, "bankAccount", a.bankAccount());
        if (a.parties().stream().noneMatch(p -> p.role() == PartyRole.DIRECTOR)) {
            missing.add(new FieldError("parties", "error.application.director-required"));
        }
        return missing;
    }

    private static void require(List<FieldError> missing, String field, Object value) {
        if (value == null || value instanceof String s && s.isBlank()) {
            missing.add(new FieldError(field, "error.application.field-required"));
        }
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
