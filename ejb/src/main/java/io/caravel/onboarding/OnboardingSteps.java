package io.caravel.onboarding;

import io.caravel.seller.Seller;
import io.caravel.audit.AuditTrail;
import io.caravel.audit.Detail;
import io.caravel.audit.Detail.Arg;
import io.caravel.casework.MessageTemplates;
import io.caravel.notification.Notifications;
import io.caravel.risk.RiskCategory;
import io.caravel.risk.RiskEvent;
import io.caravel.risk.RiskEvents;
import io.caravel.screening.Identifiers;
import io.caravel.screening.PartyType;
import io.caravel.screening.ScreeningHit;
import io.caravel.screening.ScreeningResult;
import io.caravel.screening.ScreeningService;
import io.caravel.platform.Durations;
import io.caravel.webhook.WebhookEventType;
import io.caravel.webhook.Webhooks;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The automatic steps of the {@code seller-onboarding} workflow, called by its delegates in the
 * engine's transaction: document check, sanctions screening, and recording each outcome on the
 * application, the seller account and the audit trail.
 */
@Stateless
public class OnboardingSteps {

    static final String WORKFLOW = "workflow";
    static final String CASE = OnboardingWorkflow.CASE_TYPE;
    private static final Set<DocumentKind> REQUIRED_DOCUMENTS = EnumSet.of(DocumentKind.BUSINESS_LICENCE,
            DocumentKind.REPRESENTATIVE_ID);

    @PersistenceContext(unitName = "caravel")
    private EntityManager em;

    @Inject
    private OnboardingService onboarding;

    @Inject
    private ScreeningService screening;

    @Inject
    private RiskEvents risks;

    @Inject
    private AuditTrail audit;

    @Inject
    private Notifications notifications;

    @Inject
    private Webhooks webhooks;

    private final Clock clock = Clock.systemUTC();

    /** The required documents that are missing, e.g. ["BUSINESS_LICENCE"]; empty when complete. */
    public List<String> missingDocuments(String applicationId) {
        Set<DocumentKind> present = EnumSet.noneOf(DocumentKind.class);
        onboarding.documentsOf(applicationId).forEach(d -> present.add(d.kind()));
        List<String> missing = REQUIRED_DOCUMENTS.stream().filter(k -> !present.contains(k)).map(Enum::name).toList();
        audit.record(WORKFLOW, "DOCUMENTS_CHECKED", CASE, applicationId,
                missing.isEmpty() ? "complete" : "missing " + missing,
                missing.isEmpty() ? Detail.of("DOCUMENTS_COMPLETE") : Detail.of("DOCUMENTS_MISSING", Arg.codes("document", missing)));
        return missing;
    }

    /**
     * Screens the company, its trading name, directors and owners; keeps every hit with the case, records the best
     * score and the list version on the application, and returns whether any hit counts (is not discounted).
     */
    public boolean screen(String applicationId) {
        SellerApplication application = application(applicationId);
        em.createQuery("delete from ScreeningMatch m where m.applicationId = :id").setParameter("id", applicationId)
                .executeUpdate();
        Map<String, PartyRole> names = new LinkedHashMap<>();
        names.put(application.legalName(), PartyRole.COMPANY);
        if (application.tradingName() != null) {
            names.putIfAbsent(application.tradingName(), PartyRole.TRADING_NAME);
        }
        application.parties().forEach(p -> names.putIfAbsent(p.fullName(), p.role()));
        Map<String, Identifiers> identifiers = new HashMap<>();
        application.parties().forEach(p -> identifiers.putIfAbsent(p.fullName(), new Identifiers(p.dateOfBirth(), null,
                p.nationality())));
        double top = 0;
        String version = null;
        List<String> found = new ArrayList<>();
        for (Map.Entry<String, PartyRole> name : names.entrySet()) {
            boolean person = name.getValue() == PartyRole.DIRECTOR || name.getValue() == PartyRole.BENEFICIAL_OWNER;
            ScreeningResult result = screening.screen(name.getKey(), person ? PartyType.INDIVIDUAL : PartyType.ENTITY,
                    identifiers.getOrDefault(name.getKey(), Identifiers.NONE));
            version = result.listVersion();
            for (ScreeningHit hit : result.hits()) {
                em.persist(new ScreeningMatch(applicationId, name.getKey(), name.getValue(), hit, clock.instant()));
                if (!hit.discounted()) { // a discounted hit is kept as evidence, with its reason
                    found.add(name.getKey() + " ~ " + hit.listedName() + " (" + hit.list().code() + " " + hit.entNum() + ", "
                            + hit.finalScore() + ")");
                }
            }
            top = Math.max(top, result.topScore());
        }
        application.screened(!found.isEmpty(), top, version);
        if (!found.isEmpty()) {
            risks.record(RiskCategory.COMPLIANCE, "SANCTIONS_MATCH", RiskEvent.Severity.REVIEW, CASE, applicationId,
                    application.sellerId(), String.join("; ", found) + " [" + version + "]");
        }
        audit.record(WORKFLOW, "SCREENED", CASE, applicationId,
                (found.isEmpty() ? "no hits" : "hits: " + String.join("; ", found)) + " [" + version + "]",
                found.isEmpty() ? Detail.of("SCREENING_CLEAR", Arg.text(names.size()), Arg.text(version))
                        : Detail.of("SCREENING_HITS", Arg.text(String.join("; ", found)), Arg.text(version)));
        return !found.isEmpty();
    }

    /**
     * What the {@code seller-risk} decision table weighs, read from the application as it is now: a seller may have
     * changed the country, category or volumes while answering a request for information, and the screening of this
     * round has just been recorded. Keyed by the table's input names.
     */
    public Map<String, Object> riskFacts(String applicationId) {
        SellerApplication application = application(applicationId);
        Map<String, Object> facts = new HashMap<>();
        facts.put(OnboardingWorkflow.COUNTRY, application.country());
        facts.put(OnboardingWorkflow.MAIN_CATEGORY, application.mainCategory());
        facts.put(OnboardingWorkflow.EXPECTED_YEARLY_SALES_EUR, application.expectedYearlySalesEur());
        facts.put(OnboardingWorkflow.MISSING_FIELDS, OnboardingService.missingOptional(application));
        facts.put(OnboardingWorkflow.SCREENING_HIT, Boolean.TRUE.equals(application.screeningHit()));
        facts.put(OnboardingWorkflow.SCREENING_TOP_SCORE, application.screeningTopScore() == null ? 0.0
                : application.screeningTopScore());
        return facts;
    }

    public void riskAssessed(String applicationId, String level, String reasons) {
        SellerApplication application = application(applicationId);
        application.assessed(level, reasons);
        if ("HIGH".equals(level)) {
            risks.record(RiskCategory.COMPLIANCE, "SELLER_RISK_HIGH", RiskEvent.Severity.REVIEW, CASE, applicationId,
                    application.sellerId(), reasons);
        }
        audit.record(WORKFLOW, "RISK_ASSESSED", CASE, applicationId, level + ": " + reasons,
                Detail.of("RISK_ASSESSED", Arg.code("risk", level), Arg.codes("reason", reasons == null || reasons.isBlank()
                        ? List.of() : List.of(reasons.split(";\\s*")))));
    }

    /** Asks the seller for the required documents the check found missing. */
    public void requestDocuments(String applicationId, List<String> missingKinds) {
        String message = missingKinds.stream().filter(k -> !k.isBlank()).map(k -> MessageTemplates.text("MISSING_" + k))
                .filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.joining("\n"));
        requestInformation(applicationId, WORKFLOW, message);
    }

    /** Asks the seller for information (the reviewer's questions, exactly as the seller will read them). */
    public void requestInformation(String applicationId, String by, String message) {
        SellerApplication application = application(applicationId);
        application.informationRequested(message, clock.instant(), onboarding.documentsOf(applicationId).size());
        notifications.notify(application.sellerId(), applicationId, "INFORMATION_REQUESTED", message);
        audit.recordForSeller(by, "INFORMATION_REQUESTED", CASE, applicationId, null, message);
    }

    /** Reminds the seller of an unanswered request for information. */
    public void remind(String applicationId) {
        SellerApplication application = application(applicationId);
        notifications.notify(application.sellerId(), applicationId, "REMINDER", application.questions());
        audit.recordForSeller(WORKFLOW, "SELLER_REMINDED", CASE, applicationId, null, application.questions());
    }

    public void approve(String applicationId, String decidedBy, String message, String recertifyAfter) {
        SellerApplication application = application(applicationId);
        application.decided(ApplicationStatus.APPROVED, "APPROVE", message, clock.instant());
        application.recertifyAt(Durations.after(clock.instant(), recertifyAfter));
        seller(application).activate();
        notifications.notify(application.sellerId(), applicationId, "APPROVED", message);
        webhooks.raise(WebhookEventType.APPLICATION_APPROVED, application.sellerId(), applicationId, Webhooks.data(
                "applicationId", applicationId, "message", message));
        audit.recordForSeller(decidedBy, "APPLICATION_APPROVED", CASE, applicationId, null, message);
    }

    public void reject(String applicationId, String decidedBy, String message) {
        SellerApplication application = application(applicationId);
        application.decided(ApplicationStatus.REJECTED, "REJECT", message, clock.instant());
        seller(application).reject();
        notifications.notify(application.sellerId(), applicationId, "REJECTED", message);
        webhooks.raise(WebhookEventType.APPLICATION_REJECTED, application.sellerId(), applicationId, Webhooks.data(
                "applicationId", applicationId, "message", message));
        audit.recordForSeller(decidedBy, "APPLICATION_REJECTED", CASE, applicationId, null, message);
    }

    public void abandon(String applicationId) {
        SellerApplication application = application(applicationId);
        String message = MessageTemplates.text("APPLICATION_ABANDONED");
        application.decided(ApplicationStatus.ABANDONED, "ABANDONED", message, clock.instant());
        notifications.notify(application.sellerId(), applicationId, "ABANDONED", message);
        audit.recordForSeller(WORKFLOW, "APPLICATION_ABANDONED", CASE, applicationId, "no answer in time",
                Detail.of("NO_ANSWER_IN_TIME"), message);
    }

    public void recertified(String applicationId, String decidedBy, String recertifyAfter) {
        application(applicationId).recertifyAt(Durations.after(clock.instant(), recertifyAfter));
        audit.recordForSeller(decidedBy, "SELLER_RECERTIFIED", CASE, applicationId, null, null);
    }

    public void suspend(String applicationId, String decidedBy, String message) {
        SellerApplication application = application(applicationId);
        application.decided(ApplicationStatus.SUSPENDED, "SUSPEND", message, clock.instant());
        seller(application).suspend();
        notifications.notify(application.sellerId(), applicationId, "SUSPENDED", message);
        audit.recordForSeller(decidedBy, "SELLER_SUSPENDED", CASE, applicationId, null, message);
    }

    private SellerApplication application(String id) {
        SellerApplication application = em.find(SellerApplication.class, id);
        if (application == null) {
            throw new IllegalStateException("No seller application " + id);
        }
        return application;
    }

    private Seller seller(SellerApplication application) {
        return em.find(Seller.class, application.sellerId());
    }

}
