package io.caravel.onboarding;

import io.caravel.seller.Seller;
import io.caravel.audit.AuditTrail;
import io.caravel.notification.Notifications;
import io.caravel.screening.PartyType;
import io.caravel.screening.ScreeningHit;
import io.caravel.screening.ScreeningResult;
import io.caravel.screening.ScreeningService;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumSet;
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
    private static final Set<DocumentKind> REQUIRED_DOCUMENTS = EnumSet.of(DocumentKind.BUSINESS_LICENCE,
            DocumentKind.REPRESENTATIVE_ID);

    @PersistenceContext(unitName = "caravel")
    private EntityManager em;

    @Inject
    private OnboardingService onboarding;

    @Inject
    private ScreeningService screening;

    @Inject
    private AuditTrail audit;

    @Inject
    private Notifications notifications;

    private final Clock clock = Clock.systemUTC();

    /** The required documents that are missing, e.g. ["BUSINESS_LICENCE"]; empty when complete. */
    public List<String> missingDocuments(String applicationId) {
        Set<DocumentKind> present = EnumSet.noneOf(DocumentKind.class);
        onboarding.documentsOf(applicationId).forEach(d -> present.add(d.kind()));
        List<String> missing = REQUIRED_DOCUMENTS.stream().filter(k -> !present.contains(k)).map(Enum::name).toList();
        audit.record(WORKFLOW, "DOCUMENTS_CHECKED", "application", applicationId,
                missing.isEmpty() ? "complete" : "missing " + missing);
        return missing;
    }

    /**
     * Screens the company, its trading name, directors and owners; keeps every hit with the case
     * and returns the best one's score (0 without hits).
     */
    public ScreeningSummary screen(String applicationId) {
        SellerApplication application = application(applicationId);
        em.createQuery("delete from ScreeningMatch m where m.applicationId = :id").setParameter("id", applicationId)
                .executeUpdate();
        Map<String, PartyRole> names = new LinkedHashMap<>();
        names.put(application.legalName(), PartyRole.COMPANY);
        if (application.tradingName() != null) {
            names.putIfAbsent(application.tradingName(), PartyRole.TRADING_NAME);
        }
        application.parties().forEach(p -> names.putIfAbsent(p.fullName(), p.role()));
        double top = 0;
        String version = null;
        List<String> found = new ArrayList<>();
        for (Map.Entry<String, PartyRole> name : names.entrySet()) {
            boolean person = name.getValue() == PartyRole.DIRECTOR || name.getValue() == PartyRole.BENEFICIAL_OWNER;
            ScreeningResult result = screening.screen(name.getKey(), person ? PartyType.INDIVIDUAL : PartyType.ENTITY);
            version = result.listVersion();
            for (ScreeningHit hit : result.hits()) {
                em.persist(new ScreeningMatch(applicationId, name.getKey(), name.getValue(), hit, clock.instant()));
                found.add(name.getKey() + " ~ " + hit.listedName() + " (" + hit.entNum() + ", " + hit.score() + ")");
            }
            top = Math.max(top, result.topScore());
        }
        application.screened(!found.isEmpty(), top, version);
        audit.record(WORKFLOW, "SCREENED", "application", applicationId,
                (found.isEmpty() ? "no hits" : "hits: " + String.join("; ", found)) + " [" + version + "]");
        return new ScreeningSummary(!found.isEmpty(), top, version);
    }

    /** The outcome of screening every name of an application. */
    public record ScreeningSummary(boolean hit, double topScore, String listVersion) {
    }

    public void riskAssessed(String applicationId, String level, String reasons) {
        application(applicationId).assessed(level, reasons);
        audit.record(WORKFLOW, "RISK_ASSESSED", "application", applicationId, level + ": " + reasons);
    }

    public void requestInformation(String applicationId, String questions) {
        SellerApplication application = application(applicationId);
        application.informationRequested(questions);
        notifications.notify(application.sellerId(), applicationId, "INFORMATION_REQUESTED", questions);
        audit.record(WORKFLOW, "INFORMATION_REQUESTED", "application", applicationId, questions);
    }

    /** Reminds the seller of an unanswered request for information. */
    public void remind(String applicationId) {
        SellerApplication application = application(applicationId);
        notifications.notify(application.sellerId(), applicationId, "REMINDER", application.questions());
        audit.record(WORKFLOW, "SELLER_REMINDED", "application", applicationId, "reminder sent to the seller");
    }

    public void approve(String applicationId, String decidedBy, String reason, String recertifyAfter) {
        SellerApplication application = application(applicationId);
        application.decided(ApplicationStatus.APPROVED, "APPROVE", reason, clock.instant());
        application.recertifyAt(after(recertifyAfter));
        seller(application).activate();
        notifications.notify(application.sellerId(), applicationId, "APPROVED", null);
        audit.record(decidedBy, "APPLICATION_APPROVED", "application", applicationId, reason);
    }

    public void reject(String applicationId, String decidedBy, String reason) {
        SellerApplication application = application(applicationId);
        application.decided(ApplicationStatus.REJECTED, "REJECT", reason, clock.instant());
        seller(application).reject();
        notifications.notify(application.sellerId(), applicationId, "REJECTED", reason);
        audit.record(decidedBy, "APPLICATION_REJECTED", "application", applicationId, reason);
    }

    public void abandon(String applicationId) {
        SellerApplication application = application(applicationId);
        application.decided(ApplicationStatus.ABANDONED, "ABANDONED", "no answer to the request for information", clock.instant());
        notifications.notify(application.sellerId(), applicationId, "ABANDONED", null);
        audit.record(WORKFLOW, "APPLICATION_ABANDONED", "application", applicationId, null);
    }

    public void recertified(String applicationId, String decidedBy, String recertifyAfter) {
        application(applicationId).recertifyAt(after(recertifyAfter));
        audit.record(decidedBy, "SELLER_RECERTIFIED", "application", applicationId, null);
    }

    public void suspend(String applicationId, String decidedBy, String reason) {
        SellerApplication application = application(applicationId);
        application.decided(ApplicationStatus.SUSPENDED, "SUSPEND", reason, clock.instant());
        seller(application).suspend();
        notifications.notify(application.sellerId(), applicationId, "SUSPENDED", reason);
        audit.record(decidedBy, "SELLER_SUSPENDED", "application", applicationId, reason);
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

    /** Now plus an ISO-8601 duration as the process uses them (P2D, PT1H, P1Y), in UTC. */
    private java.time.Instant after(String iso) {
        java.time.temporal.TemporalAmount amount = iso.contains("T") ? Duration.parse(iso) : Period.parse(iso);
        return clock.instant().atZone(java.time.ZoneOffset.UTC).plus(amount).toInstant();
    }
}
