package io.caravel.monitoring;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.caravel.audit.AuditTrail;
import io.caravel.creator.Creator;
import io.caravel.creator.Creators;
import io.caravel.onboarding.ApplicationStatus;
import io.caravel.onboarding.PartyRole;
import io.caravel.onboarding.SellerApplication;
import io.caravel.risk.RiskCategory;
import io.caravel.risk.RiskEvent;
import io.caravel.risk.RiskEvents;
import io.caravel.screening.Identifiers;
import io.caravel.screening.ListReleased;
import io.caravel.screening.PartyType;
import io.caravel.screening.SanctionsEntry;
import io.caravel.screening.SanctionsLists;
import io.caravel.screening.ScreeningClearances;
import io.caravel.screening.ScreeningHit;
import io.caravel.screening.ScreeningService;
import io.caravel.screening.ScreeningSubject;
import io.caravel.seller.Seller;
import io.caravel.seller.SellerStatus;
import io.caravel.sellerreview.SellerReviews;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Ongoing sanctions monitoring: a new list release re-screens every active seller's company name,
 * trading name, directors and beneficial owners, then the consignee of every open order
 * ({@link ConsigneeScreening}), then every active creator's legal name (a hit sends the creator back to
 * {@code creator-screening}). A hit on an entry the release added or changed that
 * no officer cleared for that name and entry is an alert: a compliance risk event, and a review of the
 * seller's account in the inbox ({@code seller-review}, reason {@code SANCTIONS_MATCH}). The review's
 * "no action" clears the seller's open alerts (remembered for each name and entry as written); a
 * suspension a lead approved confirms them.
 */
@Stateless
public class Rescreening {

    /** The rule code of a hit found by monitoring, on the risk event and as the review's reason. */
    public static final String SANCTIONS_MATCH = "SANCTIONS_MATCH";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private ScreeningService screening;

    @Inject
    private SanctionsLists lists;

    @Inject
    private ScreeningClearances clearances;

    @Inject
    private SellerReviews reviews;

    @Inject
    private RiskEvents risks;

    @Inject
    private AuditTrail audit;

    @Inject
    private ConsigneeScreening consignees;

    @Inject
    private Creators creators;

    @Inject
    @ConfigProperty(name = "caravel.monitoring.batch", defaultValue = "50")
    private int batchSize;

    private final Clock clock = Clock.systemUTC();

    /** A run's progress, for the administrator's page and API. */
    public record RunView(String id, String list, String versionId, String version, String status, int sellersDone,
                          int sellersTotal, int ordersDone, int ordersTotal, int creatorsDone, int creatorsTotal, int names,
                          int alerts, java.time.Instant startedAt, java.time.Instant finishedAt) {
        static RunView of(RescreenRun run) {
            return new RunView(run.id(), run.list().name(), run.versionId(), run.version(), run.status().name(), run.sellersDone(),
                    run.sellersTotal(), run.ordersDone(), run.ordersTotal(), run.creatorsDone(), run.creatorsTotal(), run.names(),
                    run.alerts(), run.startedAt(), run.finishedAt());
        }
    }

    /** Opens the re-screen of a new release (once per release); its id. */
    public String open(ListReleased released) {
        Optional<RescreenRun> existing = em.createQuery("select r from RescreenRun r where r.versionId = :v", RescreenRun.class)
                .setParameter("v", released.versionId()).getResultStream().findFirst();
        if (existing.isPresent()) {
            return existing.get().id();
        }
        long sellers = em.createQuery("select count(s) from Seller s where s.status = :active", Long.class)
                .setParameter("active", SellerStatus.ACTIVE).getSingleResult();
        int orders = consignees.openOrders();
        int activeCreators = creators.activeCount();
        RescreenRun run = new RescreenRun(released.list(), released.versionId(), released.version(), (int) sellers, orders,
                activeCreators, clock.instant());
        em.persist(run);
        audit.record("workflow", "RESCREEN_STARTED", "sanctions-list", released.versionId(), released.version() + ", "
                + sellers + " sellers, " + orders + " open orders, " + activeCreators + " creators");
        return run.id();
    }

    /** The runs not finished, oldest first. */
    public List<String> unfinished() {
        return em.createQuery("select r.id from RescreenRun r where r.status = :running order by r.startedAt", String.class)
                .setParameter("running", RescreenRun.Status.RUNNING).getResultList();
    }

    /** The latest runs, newest first. */
    public List<RunView> latest(int limit) {
        return em.createQuery("select r from RescreenRun r order by r.startedAt desc, r.id desc", RescreenRun.class)
                .setMaxResults(limit).getResultList().stream().map(RunView::of).toList();
    }

    /**
     * Screens the next batch of a run (active sellers first, then open orders' consignees), in its own
     * transaction under the run's row lock (two nodes driving one run take turns); answers whether the
     * run goes on.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean next(String runId) {
        RescreenRun run = em.find(RescreenRun.class, runId, LockModeType.PESSIMISTIC_WRITE);
        if (run == null || run.status() == RescreenRun.Status.DONE) {
            return false;
        }
        List<Seller> sellers = em.createQuery("select s from Seller s where s.status = :active and s.id > :after"
                        + " order by s.id", Seller.class)
                .setParameter("active", SellerStatus.ACTIVE)
                .setParameter("after", run.afterSeller() == null ? "" : run.afterSeller())
                .setMaxResults(batchSize).getResultList();
        Set<Long> changed = lists.addedOrChanged(run.versionId());
        if (sellers.isEmpty()) {
            if (consignees.next(run, batchSize, changed) || nextCreators(run, changed)) {
                return true;
            }
            run.finish(clock.instant());
            audit.record("workflow", "RESCREEN_FINISHED", "sanctions-list", run.versionId(), run.version() + ": "
                    + run.sellersDone() + " sellers, " + run.ordersDone() + " orders, " + run.creatorsDone() + " creators, "
                    + run.names() + " names, " + run.alerts() + " alerts");
            return false;
        }
        int names = 0;
        int raised = 0;
        for (Seller seller : sellers) {
            Map<String, Party> parties = names(seller);
            names += parties.size();
            int alerts = 0;
            for (Map.Entry<String, Party> party : parties.entrySet()) {
                alerts += screen(run, seller, party.getKey(), party.getValue(), changed);
            }
            if (alerts > 0) {
                reviews.startIfNone(seller.id(), SANCTIONS_MATCH);
            }
            raised += alerts;
        }
        run.advance(sellers.get(sellers.size() - 1).id(), sellers.size(), names, raised);
        return true;
    }

    /**
     * Re-screens the next batch of active creators' legal names: a hit on an entry the release added or
     * changed that no officer cleared for that creator sends the creator back to compliance
     * ({@code creator-screening}). Whether there was a batch.
     */
    private boolean nextCreators(RescreenRun run, Set<Long> changed) {
        List<Creator> batch = creators.activeAfter(run.afterCreator(), batchSize);
        if (batch.isEmpty()) {
            return false;
        }
        int raised = 0;
        for (Creator creator : batch) {
            List<ScreeningHit> found;
            try {
                found = screening.screen(creator.legalName(), PartyType.INDIVIDUAL).hits();
            } catch (io.caravel.platform.CaravelException e) { // a name with nothing to screen must not stop the run
                continue;
            }
            List<ScreeningHit> hits = found.stream().filter(h -> !h.discounted() && h.list() == run.list()
                    && changed.contains(h.entNum()) && !creators.cleared(creator.id(), creator.legalName(), h)).toList();
            if (!hits.isEmpty()) {
                creators.rescreened(creator.id(), hits);
                raised += hits.size();
            }
        }
        run.advanceCreators(batch.get(batch.size() - 1).id(), batch.size(), raised);
        return true;
    }

    /** The alerts one name raises: hits of the run's list on entries the release added or changed, not cleared, not open already. */
    private int screen(RescreenRun run, Seller seller, String name, Party party, Set<Long> changed) {
        PartyRole role = party.role();
        boolean person = role == PartyRole.DIRECTOR || role == PartyRole.BENEFICIAL_OWNER;
        int raised = 0;
        List<ScreeningHit> hits;
        try {
            hits = screening.screen(name, person ? PartyType.INDIVIDUAL : PartyType.ENTITY, party.identifiers()).hits();
        } catch (io.caravel.platform.CaravelException e) { // a name with nothing to screen must not stop the run
            java.util.logging.Logger.getLogger(Rescreening.class.getName()).warning(() -> "Re-screen " + run.id()
                    + ": seller " + seller.id() + " has a name that cannot be screened: " + e.messageKey());
            return 0;
        }
        for (ScreeningHit hit : hits) {
            if (hit.discounted() || hit.list() != run.list() || !changed.contains(hit.entNum())) {
                continue;
            }
            Optional<SanctionsEntry> entry = screening.entry(hit.list(), hit.entNum());
            String fingerprint = entry.map(SanctionsEntry::fingerprint).orElse("");
            if (entry.isPresent() && clearances.cleared(ScreeningSubject.SELLER, seller.id(), name, hit.list(), entry.get()).isPresent()) {
                continue;
            }
            boolean open = em.createQuery("select count(a) from MonitoringAlert a where a.sellerId = :s and a.orderId is null"
                            + " and a.list = :l and a.entNum = :e and a.fingerprint = :f and a.disposition is null", Long.class)
                    .setParameter("s", seller.id()).setParameter("l", hit.list()).setParameter("e", hit.entNum())
                    .setParameter("f", fingerprint).getSingleResult() > 0;
            if (open) {
                continue;
            }
            em.persist(new MonitoringAlert(run.id(), seller.id(), null, name, role.name(), hit, fingerprint, clock.instant()));
            risks.record(RiskCategory.COMPLIANCE, SANCTIONS_MATCH, RiskEvent.Severity.REVIEW, "seller", seller.id(), seller.id(),
                    name + " ~ " + hit.listedName() + " (" + hit.list().code() + " " + hit.entNum() + ", " + hit.score()
                            + ") [" + hit.listVersion() + "]");
            raised++;
        }
        return raised;
    }

    /** The names a seller is screened under: the company, and its approved applications' trading name, directors and owners (with their identifiers). */
    private Map<String, Party> names(Seller seller) {
        Map<String, Party> names = new LinkedHashMap<>();
        names.put(seller.legalName(), new Party(PartyRole.COMPANY, Identifiers.NONE));
        for (SellerApplication application : em.createQuery("select a from SellerApplication a where a.sellerId = :s"
                + " and a.status = :approved", SellerApplication.class).setParameter("s", seller.id())
                .setParameter("approved", ApplicationStatus.APPROVED).getResultList()) {
            if (application.legalName() != null) {
                names.putIfAbsent(application.legalName(), new Party(PartyRole.COMPANY, Identifiers.NONE));
            }
            if (application.tradingName() != null && !application.tradingName().isBlank()) {
                names.putIfAbsent(application.tradingName(), new Party(PartyRole.TRADING_NAME, Identifiers.NONE));
            }
            application.parties().forEach(p -> names.putIfAbsent(p.fullName(),
                    new Party(p.role(), new Identifiers(p.dateOfBirth(), null, p.nationality()))));
        }
        return names;
    }

    /** A seller's name as screened: whose it is, and the person's date of birth and nationality. */
    @Schema(name = "RescreenedParty")
    private record Party(PartyRole role, Identifiers identifiers) {
    }

    /** The seller's alerts no review decided yet, best score first. */
    public List<MonitoringAlert> openAlerts(String sellerId) {
        return em.createQuery("select a from MonitoringAlert a where a.sellerId = :s and a.orderId is null"
                + " and a.disposition is null order by a.score desc, a.entNum", MonitoringAlert.class).setParameter("s", sellerId).getResultList();
    }

    /** Starts a review of the seller's account when alerts are still open and no review is (in a transaction of its own). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void reviewIfOpen(String sellerId) {
        if (!openAlerts(sellerId).isEmpty()) {
            reviews.startIfNone(sellerId, SANCTIONS_MATCH);
        }
    }

    /** The review's verdict on the seller's open alerts: cleared (and remembered) or confirmed. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void decided(String sellerId, MonitoringAlert.Disposition verdict, String reason, String by) {
        List<MonitoringAlert> open = new ArrayList<>(openAlerts(sellerId));
        String text = reason == null || reason.isBlank() ? "account review: " + verdict : reason.trim();
        for (MonitoringAlert alert : open) {
            alert.dispose(verdict, text, by, clock.instant());
            if (verdict == MonitoringAlert.Disposition.FALSE_POSITIVE) {
                clearances.clear(ScreeningSubject.SELLER, sellerId, alert.screenedName(), alert.list(), alert.entNum(), alert.fingerprint(), text, by);
            }
        }
        if (!open.isEmpty()) {
            audit.record(by, "SANCTIONS_ALERTS_" + verdict, "seller", sellerId, open.size() + " alerts: " + text);
        }
    }
}
