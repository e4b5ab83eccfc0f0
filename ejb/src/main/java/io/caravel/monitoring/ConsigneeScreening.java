package io.caravel.monitoring;

import io.caravel.audit.AuditTrail;
import io.caravel.casework.CaseHeader;
import io.caravel.casework.CaseVariables;
import io.caravel.order.CustomerOrder;
import io.caravel.order.OrderPlaced;
import io.caravel.order.OrderService;
import io.caravel.order.OrderStatus;
import io.caravel.risk.RiskCategory;
import io.caravel.risk.RiskEvent;
import io.caravel.risk.RiskEvents;
import io.caravel.screening.Identifiers;
import io.caravel.screening.PartyType;
import io.caravel.screening.SanctionsEntry;
import io.caravel.screening.ScreeningClearances;
import io.caravel.screening.ScreeningHit;
import io.caravel.screening.ScreeningService;
import io.caravel.screening.ScreeningSubject;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.camunda.bpm.engine.RuntimeService;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The consignees of orders, screened against the sanctions lists when the order is placed (every active
 * list) and again by each new release while the order is open (hits on entries the release added or
 * changed). A possible match no officer cleared for that buyer's consignee name holds the order (the
 * seller cannot ship it, its declaration waits) and opens a {@code screening-alert} case: CLEAR releases
 * the order and remembers the verdict, BLOCK (after a lead's approval) stops it with the money held.
 */
@Stateless
public class ConsigneeScreening {

    private static final Logger LOG = Logger.getLogger(ConsigneeScreening.class.getName());
    private static final List<OrderStatus> OPEN = List.of(OrderStatus.PENDING_PAYMENT, OrderStatus.PAID);
    private static final String CONSIGNEE = "CONSIGNEE";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private ScreeningService screening;

    @Inject
    private ScreeningClearances clearances;

    @Inject
    private OrderService orders;

    @Inject
    private RiskEvents risks;

    @Inject
    private AuditTrail audit;

    @Inject
    private RuntimeService runtime;

    @Inject
    @ConfigProperty(name = "caravel.screening.alert-due", defaultValue = "P1D")
    private String alertDue;

    private final Clock clock = Clock.systemUTC();

    /** An order placed: its consignee screened against every active list, in the placing transaction. */
    public void placed(@Observes OrderPlaced placed) {
        CustomerOrder order = em.find(CustomerOrder.class, placed.orderId());
        if (order != null) {
            screen(order, null, null);
        }
    }

    /** How many orders are open (placed or paid, not shipped): the consignees a re-screen covers. */
    public int openOrders() {
        return em.createQuery("select count(o) from CustomerOrder o where o.status in :open", Long.class)
                .setParameter("open", OPEN).getSingleResult().intValue();
    }

    /** Re-screens the next batch of open orders' consignees for a run; whether there was one. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public boolean next(RescreenRun run, int batchSize, Set<Long> changed) {
        List<CustomerOrder> batch = em.createQuery("select o from CustomerOrder o where o.status in :open and o.id > :after"
                        + " order by o.id", CustomerOrder.class)
                .setParameter("open", OPEN).setParameter("after", run.afterOrder() == null ? "" : run.afterOrder())
                .setMaxResults(batchSize).getResultList();
        if (batch.isEmpty()) {
            return false;
        }
        int raised = 0;
        for (CustomerOrder order : batch) {
            raised += screen(order, run, changed);
        }
        run.advanceOrders(batch.get(batch.size() - 1).id(), batch.size(), raised);
        return true;
    }

    /**
     * Screens one order's consignee; with a run, only hits of its list on entries its release added or
     * changed count. Each new hit is an alert and a compliance risk event; any holds the order and opens
     * its case (one per order). Answers the alerts raised.
     */
    private int screen(CustomerOrder order, RescreenRun run, Set<Long> changed) {
        String name = order.consigneeName();
        int raised = 0;
        for (ScreeningHit hit : hits(name, order.id())) {
            if (hit.discounted() || run != null && (hit.list() != run.list() || !changed.contains(hit.entNum()))) {
                continue;
            }
            Optional<SanctionsEntry> entry = screening.entry(hit.list(), hit.entNum());
            String fingerprint = entry.map(SanctionsEntry::fingerprint).orElse("");
            if (entry.isPresent() && clearances.cleared(ScreeningSubject.BUYER, order.buyer(), name, hit.list(), entry.get()).isPresent()) {
                continue;
            }
            boolean open = em.createQuery("select count(a) from MonitoringAlert a where a.orderId = :o and a.list = :l"
                            + " and a.entNum = :e and a.fingerprint = :f and a.disposition is null", Long.class)
                    .setParameter("o", order.id()).setParameter("l", hit.list()).setParameter("e", hit.entNum())
                    .setParameter("f", fingerprint).getSingleResult() > 0;
            if (open) {
                continue;
            }
            em.persist(new MonitoringAlert(run == null ? null : run.id(), order.sellerId(), order.id(), name, CONSIGNEE, hit,
                    fingerprint, clock.instant()));
            risks.record(RiskCategory.COMPLIANCE, Rescreening.SANCTIONS_MATCH, RiskEvent.Severity.REVIEW,
                    ScreeningAlertWorkflow.CASE_TYPE, order.id(), null, "consignee " + name + " ~ " + hit.listedName() + " ("
                            + hit.list().code() + " " + hit.entNum() + ", " + hit.score() + ") [" + hit.listVersion() + "]");
            raised++;
        }
        if (raised > 0) {
            orders.hold(order.id(), raised + " possible sanctions matches on the consignee");
            openCase(order);
        }
        return raised;
    }

    /** The consignee's hits as a person and as a company (a consignee may be either), best first, one per entry. */
    private List<ScreeningHit> hits(String name, String orderId) {
        Map<String, ScreeningHit> best = new LinkedHashMap<>();
        for (PartyType type : List.of(PartyType.INDIVIDUAL, PartyType.ENTITY)) {
            Collection<ScreeningHit> found;
            try {
                found = screening.screen(name, type, Identifiers.NONE).hits();
            } catch (io.caravel.platform.CaravelException e) {
                if (!"error.screening.unavailable".equals(e.messageKey())) { // a name with nothing to screen in it
                    LOG.fine(() -> "Order " + orderId + ": consignee name cannot be screened: " + e.messageKey());
                    return List.of();
                }
                throw e; // no list loaded: no order goes out unscreened
            }
            for (ScreeningHit hit : found) {
                best.merge(hit.list() + ":" + hit.entNum(), hit, (a, b) -> a.finalScore() >= b.finalScore() ? a : b);
            }
        }
        List<ScreeningHit> hits = new ArrayList<>(best.values());
        hits.sort(Comparator.comparingDouble(ScreeningHit::finalScore).reversed());
        return hits;
    }

    /** Starts the order's screening-alert case unless one is open already (new hits join it). */
    private void openCase(CustomerOrder order) {
        if (runtime.createProcessInstanceQuery().processDefinitionKey(ScreeningAlertWorkflow.PROCESS_KEY)
                .processInstanceBusinessKey(order.id()).count() > 0) {
            return;
        }
        Instant now = clock.instant();
        String title = order.consigneeName() + " · " + order.destinationCountry() + " · " + order.total().toPlainString() + " "
                + order.buyerCurrency();
        runtime.startProcessInstanceByKey(ScreeningAlertWorkflow.PROCESS_KEY, order.id(), new CaseHeader(
                ScreeningAlertWorkflow.CASE_TYPE, order.id(), title, order.sellerId(), now.plus(Duration.parse(alertDue)))
                .variables().putValue(CaseVariables.RISK_LEVEL, "HIGH")
                .putValue(CaseVariables.RISK_REASONS, Rescreening.SANCTIONS_MATCH));
        audit.record("workflow", "SCREENING_ALERT_OPENED", ScreeningAlertWorkflow.CASE_TYPE, order.id(),
                "consignee " + order.consigneeName());
    }

    /** The order's alerts no decision closed yet, best score first (what the officer compares). */
    public List<MonitoringAlert> openAlerts(String orderId) {
        return em.createQuery("select a from MonitoringAlert a where a.orderId = :o and a.disposition is null"
                + " order by a.score desc, a.entNum", MonitoringAlert.class).setParameter("o", orderId).getResultList();
    }

    /** The officer's CLEAR: the order's alerts are false positives (remembered for the buyer's consignee name), the order released. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void cleared(String orderId, String by, String note) {
        String text = decide(orderId, MonitoringAlert.Disposition.FALSE_POSITIVE, by, note);
        orders.releaseHold(orderId, by);
        audit.record(by, "SCREENING_ALERT_CLEARED", ScreeningAlertWorkflow.CASE_TYPE, orderId, text);
    }

    /** The approved BLOCK: the order's alerts confirmed, the order stopped with its money held. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void blocked(String orderId, String by, String note) {
        String text = decide(orderId, MonitoringAlert.Disposition.TRUE_MATCH, by, note);
        orders.block(orderId, by);
        CustomerOrder order = em.find(CustomerOrder.class, orderId);
        risks.record(RiskCategory.COMPLIANCE, "SANCTIONED_CONSIGNEE", RiskEvent.Severity.BLOCK, ScreeningAlertWorkflow.CASE_TYPE,
                orderId, null, "order blocked, funds held: " + text + " (buyer " + order.buyer() + ")");
        audit.record(by, "SCREENING_ALERT_BLOCKED", ScreeningAlertWorkflow.CASE_TYPE, orderId, text);
    }

    private String decide(String orderId, MonitoringAlert.Disposition verdict, String by, String note) {
        CustomerOrder order = em.find(CustomerOrder.class, orderId);
        String text = note == null || note.isBlank() ? "consignee review: " + verdict : note.trim();
        for (MonitoringAlert alert : openAlerts(orderId)) {
            alert.dispose(verdict, text, by, clock.instant());
            if (verdict == MonitoringAlert.Disposition.FALSE_POSITIVE) {
                clearances.clear(ScreeningSubject.BUYER, order.buyer(), alert.screenedName(), alert.list(), alert.entNum(),
                        alert.fingerprint(), text, by);
            }
        }
        return text;
    }
}
