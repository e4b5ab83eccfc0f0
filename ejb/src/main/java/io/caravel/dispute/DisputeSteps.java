package io.caravel.dispute;

import io.caravel.audit.AuditTrail;
import io.caravel.audit.Detail;
import io.caravel.audit.Detail.Arg;
import io.caravel.casework.CaseHeader;
import io.caravel.casework.CaseVariables;
import io.caravel.notification.Notifications;
import io.caravel.order.OrderService;
import io.caravel.payment.ChargebackReport;
import io.caravel.payment.ChargebackReported;
import io.caravel.payment.PaymentService;
import io.caravel.platform.CaravelException;
import io.caravel.platform.Money;
import io.caravel.platform.Uploads;
import io.caravel.risk.RiskCategory;
import io.caravel.risk.RiskEvent;
import io.caravel.risk.RiskEvents;
import io.caravel.sellerreview.SellerReviews;
import io.caravel.webhook.WebhookEventType;
import io.caravel.webhook.Webhooks;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;

/**
 * What happens to a dispute without a person at the screen: the workflow's steps (tell and remind the
 * seller, decide on no answer, refund, apply an agent's decision or an appeal's, close and measure the
 * seller's dispute rate) and the card issuer's chargeback events reported by the payment provider.
 * Refunds go through the payment adapter once per key. {@link DisputeService} holds what the parties
 * and agents do.
 */
@Stateless
public class DisputeSteps {

    static final String CASE = DisputeWorkflow.CASE_TYPE;
    static final String WORKFLOW = "workflow";
    /** The refund keys of a dispute start with this and its id. */
    static final String REFUND_KEY = "dispute:";
    /** Who acts when the card issuer moves a chargeback. */
    static final String ISSUER = "card-issuer";

    @PersistenceContext(unitName = "caravel")
    private EntityManager em;

    @Inject
    private OrderService orders;

    @Inject
    private PaymentService payments;

    @Inject
    private DisputeRuleStore ruleStore;

    @Inject
    private RuntimeService runtime;

    @Inject
    private ManagementService management;

    @Inject
    private Notifications notifications;

    @Inject
    private Webhooks webhooks;

    @Inject
    private AuditTrail audit;

    @Inject
    private RiskEvents risks;

    @Inject
    private SellerReviews reviews;

    private final Clock clock = Clock.systemUTC();

    /** Starts the workflow; the fraud signals found make its risk high (shown in the inbox with their reasons). */
    public void start(Dispute dispute, String lineTitle, DisputeRules rules, Instant now, List<String> signals) {
        Duration reminderBefore = rules.duration(DisputeRules.Kind.REMINDER_BEFORE, dispute.source(), dispute.reason());
        Duration review = rules.duration(DisputeRules.Kind.REVIEW_TIME, dispute.source(), dispute.reason());
        Instant reminder = dispute.sellerDeadline().minus(reminderBefore);
        String title = lineTitle + " · " + dispute.reason().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        var variables = new CaseHeader(CASE, dispute.id(), title, dispute.sellerId(), dispute.sellerDeadline().plus(review))
                .variables()
                .putValue(DisputeWorkflow.SELLER_REMINDER_AT, Date.from(reminder.isBefore(now) ? now : reminder))
                .putValue(DisputeWorkflow.SELLER_DEADLINE, Date.from(dispute.sellerDeadline()))
                .putValue(DisputeWorkflow.REVIEW_DUE, Date.from(dispute.sellerDeadline().plus(review)))
                .putValue(CaseVariables.RISK_LEVEL, signals.isEmpty() ? "LOW" : "HIGH")
                .putValue(CaseVariables.RISK_REASONS, String.join(CaseVariables.REASON_SEPARATOR, signals));
        dispute.started(runtime.startProcessInstanceByKey(DisputeWorkflow.PROCESS_KEY, dispute.id(), variables).getId());
    }

    /** Delivers a party's message to the process; one that no longer waits for it (a concurrent answer won) is a 409. */
    static void correlate(MessageCorrelationBuilder message) {
        try {
            message.correlateWithResult();
        } catch (MismatchingMessageCorrelationException e) {
            throw CaravelException.conflict("error.dispute.changed");
        }
    }

    // --- the workflow's steps ---


    /** The seller is told and has until the deadline to answer. */
    public void notifySeller(String id) {
        Dispute dispute = dispute(id);
        dispute.status(DisputeStatus.AWAITING_SELLER);
        webhooks.raise(WebhookEventType.DISPUTE_OPENED, dispute.sellerId(), dispute.id(), Webhooks.data(
                "disputeId", dispute.id(), "orderId", dispute.orderId(), "reason", dispute.reason().name(),
                "claimed", dispute.claimed().amount(), "currency", dispute.claimed().currency(),
                "sellerDeadline", dispute.sellerDeadline()));
        notifications.notify(dispute.sellerId(), dispute.id(), "DISPUTE_OPENED", dispute.reason().name() + " · "
                + dispute.claimed().amount().toPlainString() + " " + dispute.claimed().currency() + " · "
                + minutes(dispute.sellerDeadline()));
        audit.record(WORKFLOW, "DISPUTE_SELLER_NOTIFIED", CASE, dispute.id(), "answer due " + minutes(dispute.sellerDeadline()),
                Detail.of("ANSWER_DUE", Arg.time(dispute.sellerDeadline())));
    }

    /** A deadline as people read it in a message: day and minute, UTC (e.g. 2026-11-29 17:10 UTC). */
    static String minutes(Instant at) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(java.time.ZoneOffset.UTC).format(at);
    }

    public void remind(String id) {
        Dispute dispute = dispute(id);
        if (dispute.status() != DisputeStatus.AWAITING_SELLER) {
            return;
        }
        notifications.notify(dispute.sellerId(), dispute.id(), "DISPUTE_REMINDER", minutes(dispute.sellerDeadline()));
        audit.record(WORKFLOW, "DISPUTE_SELLER_REMINDED", CASE, dispute.id(), "answer due " + minutes(dispute.sellerDeadline()),
                Detail.of("ANSWER_DUE", Arg.time(dispute.sellerDeadline())));
    }

    /** No answer by the deadline: decided for the buyer, for what the buyer claimed. */
    public void timeout(String id) {
        Dispute dispute = dispute(id);
        if (dispute.status() == DisputeStatus.CLOSED) {
            return;
        }
        dispute.settlement(dispute.claimed().amount());
        dispute.decided(Dispute.Decision.BUYER, WORKFLOW, null);
        em.persist(new DisputeMessage(dispute.id(), WORKFLOW, Party.PLATFORM, false,
                "The seller did not answer by the deadline: decided for the buyer. / 卖家未在期限内答复：判买家胜诉。",
                clock.instant()));
        audit.record(WORKFLOW, "DISPUTE_TIMED_OUT", CASE, dispute.id(), "no answer by " + minutes(dispute.sellerDeadline()),
                Detail.of("NO_ANSWER_BY", Arg.time(dispute.sellerDeadline())));
    }

    /** Refunds what the seller accepted or the timeout decided (once per dispute). */
    public void refundSettlement(String id) {
        Dispute dispute = dispute(id);
        if (dispute.status() == DisputeStatus.CLOSED) {
            return;
        }
        refund(dispute, dispute.settlement().amount(), REFUND_KEY + dispute.id());
        dispute.resolved(DisputeStatus.RESOLVED_BUYER, clock.instant());
    }

    /** Applies an agent's decision: refunds what it gives the buyer, opens the appeal window; answers the window's end. */
    public Instant decide(String id, String decisionCode, String decidedBy, String message) {
        Dispute dispute = dispute(id);
        Instant now = clock.instant();
        if (dispute.status() == DisputeStatus.CLOSED) {
            return now; // the card issuer decided meanwhile
        }
        Dispute.Decision decision = Dispute.Decision.valueOf(decisionCode);
        BigDecimal amount = settlementOf(dispute, decision);
        Instant appealDeadline = now.plus(ruleStore.rules().duration(DisputeRules.Kind.APPEAL_WINDOW, dispute.source(),
                dispute.reason()));
        dispute.settlement(amount);
        dispute.decided(decision, decidedBy, appealDeadline);
        BigDecimal more = amount.subtract(dispute.refunded().amount());
        if (more.signum() > 0) {
            refund(dispute, more, REFUND_KEY + dispute.id());
        } else if (amount.signum() == 0) {
            contestChargeback(dispute);
        }
        dispute.resolved(decision == Dispute.Decision.SELLER ? DisputeStatus.RESOLVED_SELLER : DisputeStatus.RESOLVED_BUYER, now);
        told(dispute, decidedBy, message, now);
        notifications.notify(dispute.sellerId(), dispute.id(), "DISPUTE_DECIDED", decision.name());
        webhooks.raise(WebhookEventType.DISPUTE_DECIDED, dispute.sellerId(), dispute.id(), Webhooks.data(
                "disputeId", dispute.id(), "orderId", dispute.orderId(), "decision", decision.name(),
                "settlement", amount, "currency", dispute.claimed().currency()));
        return appealDeadline;
    }

    /** Applies the appeal's decision: a larger refund pays the difference; a smaller one is not taken back from the buyer. */
    public void decideAppeal(String id, String decisionCode, String decidedBy, String message) {
        Dispute dispute = dispute(id);
        if (dispute.status() == DisputeStatus.CLOSED) {
            return; // the card issuer decided meanwhile
        }
        Dispute.Decision decision = Dispute.Decision.valueOf(decisionCode);
        BigDecimal amount = settlementOf(dispute, decision);
        Instant now = clock.instant();
        dispute.appealDecided(decision);
        BigDecimal more = amount.subtract(dispute.refunded().amount());
        if (amount.signum() == 0) {
            contestChargeback(dispute);
        }
        if (more.signum() > 0) {
            refund(dispute, more, REFUND_KEY + dispute.id() + ":appeal");
        } else if (more.signum() < 0) {
            audit.record(WORKFLOW, "DISPUTE_REFUND_NOT_RECOVERED", CASE, dispute.id(), "the appeal gives the buyer "
                    + amount.toPlainString() + "; " + more.negate().toPlainString() + " " + dispute.maxAmount().currency()
                    + " already refunded is not taken back: the platform compensates the seller",
                    Detail.of("REFUND_NOT_RECOVERED", Arg.money(amount, dispute.maxAmount().currency()),
                            Arg.money(more.negate(), dispute.maxAmount().currency())));
        }
        dispute.settlement(amount);
        dispute.resolved(decision == Dispute.Decision.SELLER ? DisputeStatus.RESOLVED_SELLER : DisputeStatus.RESOLVED_BUYER, now);
        told(dispute, decidedBy, message, now);
        notifications.notify(dispute.sellerId(), dispute.id(), "DISPUTE_APPEAL_DECIDED", decision.name());
    }

    /** Closes the dispute and measures the seller's dispute rate. */
    public void close(String id) {
        Dispute dispute = dispute(id);
        if (dispute.status() != DisputeStatus.CLOSED) {
            close(dispute);
        }
    }

    private void close(Dispute dispute) {
        dispute.closed(clock.instant());
        audit.record(WORKFLOW, "DISPUTE_CLOSED", CASE, dispute.id(), "refunded " + dispute.refunded().amount().toPlainString()
                + " " + dispute.refunded().currency(),
                Detail.of("REFUNDED", Arg.money(dispute.refunded().amount(), dispute.refunded().currency())));
        SellerHealth health = health(dispute.sellerId());
        if (health.aboveLimit()) {
            risks.record(RiskCategory.PLATFORM_RULES, "DISPUTE_RATE_HIGH", RiskEvent.Severity.REVIEW, "seller",
                    dispute.sellerId(), dispute.sellerId(), health.lostDisputes() + " of " + health.orders()
                            + " orders decided for the buyer in the last " + health.periodDays() + " days ("
                            + health.rate().movePointRight(2).stripTrailingZeros().toPlainString() + " %, limit "
                            + health.limit().movePointRight(2).stripTrailingZeros().toPlainString() + " %)");
            reviews.startIfNone(dispute.sellerId(), "DISPUTE_RATE_HIGH");
        }
    }

    private BigDecimal settlementOf(Dispute dispute, Dispute.Decision decision) {
        if (dispute.source() == DisputeSource.CHARGEBACK && decision == Dispute.Decision.SPLIT) {
            throw CaravelException.invalid("decision", "error.dispute.chargeback-split");
        }
        return switch (decision) {
            case BUYER -> dispute.claimed().amount();
            // what the seller accepted (and was refunded) stays the buyer's
            case SELLER -> dispute.refunded().amount();
            case SPLIT -> {
                if (dispute.settlement() == null || dispute.settlement().amount().signum() <= 0) {
                    throw CaravelException.invalid("amount", "error.dispute.split-amount-first",
                            dispute.maxAmount().amount().toPlainString(), dispute.maxAmount().currency());
                }
                yield dispute.settlement().amount();
            }
        };
    }

    /** A chargeback decided for the seller: the seller's side of the thread and the evidence go to the provider. */
    private void contestChargeback(Dispute dispute) {
        if (dispute.source() != DisputeSource.CHARGEBACK) {
            return;
        }
        StringBuilder evidence = new StringBuilder();
        em.createQuery("select m from DisputeMessage m where m.disputeId = :d and m.party = :p and m.staffOnly = false"
                        + " order by m.createdAt", DisputeMessage.class).setParameter("d", dispute.id())
                .setParameter("p", Party.SELLER).getResultList().forEach(m -> evidence.append(m.body()).append('\n'));
        BigDecimal refundedBefore = dispute.maxAmount().amount().subtract(payments.refundable(dispute.orderId()).amount());
        if (refundedBefore.signum() > 0) {
            evidence.append("Refunded to the cardholder already: ").append(refundedBefore.toPlainString()).append(' ')
                    .append(dispute.maxAmount().currency()).append('\n');
        }
        em.createQuery("select e from DisputeEvidence e where e.disputeId = :d and e.party = :p order by e.uploadedAt",
                        DisputeEvidence.class).setParameter("d", dispute.id()).setParameter("p", Party.SELLER).getResultList()
                .forEach(e -> evidence.append(e.kind()).append(": ")
                        .append(e.fileName()).append(" sha256 ").append(e.sha256()).append('\n'));
        payments.contestChargeback(dispute.providerRef(), evidence.toString());
        platformMessage(dispute, "The seller's answer and evidence were sent to the card issuer. / 卖家的答复和证据已提交给发卡行。",
                clock.instant());
        audit.record(WORKFLOW, "DISPUTE_CHARGEBACK_CONTESTED", CASE, dispute.id(), "representment sent for "
                + dispute.providerRef() + " at stage " + dispute.stage(),
                Detail.of("REPRESENTMENT_SENT", Arg.text(dispute.providerRef()), Arg.code("chargebackStage", dispute.stage())));
    }

    private void told(Dispute dispute, String decidedBy, String message, Instant now) {
        if (message != null && !message.isBlank()) {
            em.persist(new DisputeMessage(dispute.id(), decidedBy, Party.AGENT, false, message.trim(), now));
        }
    }

    /** Refunds through the payment adapter once per key; the dispute counts what its keys refunded (a retried step counts once). */
    public void refund(Dispute dispute, BigDecimal wanted, String key) {
        BigDecimal left = payments.refundable(dispute.orderId()).amount();
        BigDecimal amount = wanted.compareTo(left) > 0 ? left : wanted;
        if (amount.compareTo(wanted) < 0) {
            // refunds or a chargeback of this payment took part of it already: refund what is left, say what was not
            audit.record(WORKFLOW, "DISPUTE_REFUND_SHORT", CASE, dispute.id(), "wanted " + wanted.toPlainString() + ", only "
                    + left.toPlainString() + " " + dispute.maxAmount().currency() + " left of the payment",
                    Detail.of("REFUND_SHORT", Arg.money(wanted, dispute.maxAmount().currency()),
                            Arg.money(left, dispute.maxAmount().currency())));
            risks.record(RiskCategory.PAYMENT, "DISPUTE_REFUND_SHORT", RiskEvent.Severity.REVIEW, CASE, dispute.id(),
                    dispute.sellerId(), "refund of " + wanted.toPlainString() + " capped at " + left.toPlainString());
        }
        if (amount.signum() <= 0) {
            return;
        }
        Money money = new Money(amount, dispute.maxAmount().currency());
        if (dispute.source() == DisputeSource.CHARGEBACK) {
            // the bank took the money back already: accepting (or losing) records it, nothing is paid twice
            payments.chargebackLost(dispute.orderId(), money, key, dispute.providerRef(), !key.endsWith(":lost"));
        } else {
            payments.refund(dispute.orderId(), money, key, "dispute " + dispute.id());
        }
        dispute.refunded(payments.refunded(REFUND_KEY + dispute.id()));
    }

    // --- chargebacks ---

    /**
     * A chargeback event from the payment provider: the first of a provider dispute opens a dispute of
     * the whole payment (the seller answers before the provider's due date); later stages update it,
     * and pre-arbitration or arbitration after an agent's decision is decided again by another agent,
     * as an appeal is; the bank's final outcome is recorded.
     */
    public void chargeback(@Observes ChargebackReported reported) {
        ChargebackReport report = reported.report();
        Dispute dispute = em.createQuery("select d from Dispute d where d.providerRef = :r", Dispute.class)
                .setParameter("r", report.disputeRef()).getResultStream().findFirst().orElse(null);
        Instant now = clock.instant();
        if (dispute != null && !dispute.orderId().equals(reported.orderId())) {
            audit.record(ISSUER, "DISPUTE_CHARGEBACK_MISMATCH", CASE, dispute.id(), "event " + report.eventId()
                    + " names the payment of order " + reported.orderId(),
                    Detail.of("CHARGEBACK_MISMATCH", Arg.text(report.eventId()), Arg.text(reported.orderId())));
            return;
        }
        if (dispute == null) {
            if (report.outcome() == null) {
                openChargeback(reported, report, now);
            }
            return;
        }
        if (report.outcome() == null && report.stage().ordinal() < dispute.stage().ordinal()) {
            audit.record(ISSUER, "DISPUTE_CHARGEBACK_OUT_OF_ORDER", CASE, dispute.id(), "ignored " + report.stage()
                    + " after " + dispute.stage(), Detail.of("STAGE_OUT_OF_ORDER", Arg.code("chargebackStage", report.stage()),
                    Arg.code("chargebackStage", dispute.stage())));
            return; // an older stage arriving late changes nothing
        }
        dispute.chargeback(report.disputeRef(), report.stage(), report.dueBy());
        if (report.outcome() != null) {
            decidedByIssuer(dispute, report.outcome(), now);
        } else {
            platformMessage(dispute, "The chargeback moved to the stage " + report.stage() + ", due "
                    + minutes(report.dueBy()) + ". / 拒付进入 " + report.stage() + " 阶段，截止 " + minutes(report.dueBy()) + "。", now);
            if (dispute.status() == DisputeStatus.AWAITING_SELLER) {
                earlierSellerDeadline(dispute, report.dueBy(), now);
            }
            boolean escalated = report.stage() == ChargebackReport.Stage.PRE_ARBITRATION
                    || report.stage() == ChargebackReport.Stage.ARBITRATION;
            if (escalated && dispute.decision() != null && dispute.appealedBy() == null
                    && dispute.status() != DisputeStatus.CLOSED) {
                // the bank challenges the merchant's answer: decided again, by another agent
                dispute.appealed(ISSUER);
                correlate(runtime.createMessageCorrelation(DisputeWorkflow.APPEAL_FILED)
                        .processInstanceId(dispute.processInstanceId())
                        .setVariable(DisputeWorkflow.REVIEW_DUE, Date.from(earliest(now.plus(ruleStore.rules().duration(
                                DisputeRules.Kind.REVIEW_TIME, dispute.source(), dispute.reason())), report.dueBy()))));
                notifications.notify(dispute.sellerId(), dispute.id(), "DISPUTE_APPEALED", report.stage().name());
            }
        }
        audit.record(ISSUER, "DISPUTE_CHARGEBACK_UPDATED", CASE, dispute.id(), report.stage() + " due "
                + minutes(report.dueBy()) + (report.outcome() == null ? "" : ", " + report.outcome()),
                Detail.of("CHARGEBACK_STAGE", Arg.code("chargebackStage", report.stage()), Arg.time(report.dueBy()))
                        .andIf(report.outcome() != null, "CHARGEBACK_OUTCOME", Arg.code("chargebackOutcome", report.outcome())));
    }

    /**
     * The card issuer's final word: a lost chargeback is recorded as money taken back (what is not yet),
     * the workflow stops wherever it waits (the seller's answer, an agent's task), the dispute closes.
     */
    private void decidedByIssuer(Dispute dispute, ChargebackReport.Outcome outcome, Instant now) {
        if (outcome == ChargebackReport.Outcome.LOST) {
            BigDecimal rest = dispute.claimed().amount().subtract(dispute.refunded().amount());
            if (rest.signum() > 0) {
                refund(dispute, rest, REFUND_KEY + dispute.id() + ":lost");
            }
            dispute.settlement(dispute.claimed().amount());
            platformMessage(dispute, "The card issuer decided the chargeback for the buyer. / 发卡行裁定拒付买家胜诉。", now);
        } else {
            platformMessage(dispute, "The card issuer decided the chargeback for the seller. / 发卡行裁定拒付卖家胜诉。", now);
        }
        if (dispute.status() == DisputeStatus.CLOSED) {
            return;
        }
        if (dispute.decision() == null) {
            dispute.decided(outcome == ChargebackReport.Outcome.LOST ? Dispute.Decision.BUYER : Dispute.Decision.SELLER, ISSUER,
                    null);
        }
        if (runtime.createProcessInstanceQuery().processInstanceId(dispute.processInstanceId()).count() > 0) {
            runtime.deleteProcessInstance(dispute.processInstanceId(), "the card issuer decided the chargeback: " + outcome,
                    true, true);
        }
        dispute.resolved(outcome == ChargebackReport.Outcome.LOST ? DisputeStatus.RESOLVED_BUYER : DisputeStatus.RESOLVED_SELLER,
                now);
        close(dispute);
    }

    private void openChargeback(ChargebackReported reported, ChargebackReport report, Instant now) {
        OrderService.Sold sold = orders.sold(reported.orderId());
        DisputeReason reason = reasonOf(report.reason());
        DisputeRules rules = ruleStore.rules();
        BigDecimal paid = sold.order().total();
        BigDecimal amount = report.amount().compareTo(paid) > 0 ? paid : report.amount();
        Instant deadline = sellerDeadline(now.plus(rules.duration(DisputeRules.Kind.SELLER_RESPONSE, DisputeSource.CHARGEBACK,
                reason)), report.dueBy(), now);
        Dispute dispute = new Dispute(sold.order().id(), 0, sold.order().buyer(), sold.order().sellerId(), DisputeSource.CHARGEBACK,
                reason, new Money(amount, sold.order().buyerCurrency()), paid, "Chargeback " + report.disputeRef() + " ("
                + report.reason() + ")", deadline, rules.version(), "chargeback:" + report.disputeRef(),
                Uploads.sha256(report.disputeRef().getBytes(StandardCharsets.UTF_8)), now);
        dispute.chargeback(report.disputeRef(), report.stage(), report.dueBy());
        em.persist(dispute);
        platformMessage(dispute, "The buyer's card issuer opened a chargeback (" + report.stage() + ", " + report.reason()
                + "), due " + minutes(report.dueBy()) + ". / 买家的发卡行发起了拒付（" + report.stage() + "），截止 "
                + minutes(report.dueBy()) + "。", now);
        BigDecimal refundedBefore = paid.subtract(payments.refundable(sold.order().id()).amount());
        if (refundedBefore.signum() > 0) {
            em.persist(new DisputeMessage(dispute.id(), ISSUER, Party.PLATFORM, true, "Already refunded to the buyer before the"
                    + " chargeback: " + refundedBefore.toPlainString() + " " + dispute.claimed().currency()
                    + " (part of the evidence if the chargeback is contested).", now));
        }
        em.flush();
        audit.record(ISSUER, "DISPUTE_OPENED", CASE, dispute.id(), "chargeback " + report.disputeRef() + " " + report.stage()
                + " on order " + dispute.orderId() + ", " + amount.toPlainString() + " " + dispute.claimed().currency(),
                Detail.of("CHARGEBACK_OPENED", Arg.text(report.disputeRef()), Arg.code("chargebackStage", report.stage()),
                        Arg.text(dispute.orderId()), Arg.money(amount, dispute.claimed().currency())));
        start(dispute, "Chargeback · order " + sold.order().id().substring(0, 8), rules, now, List.of());
    }

    /** The seller answers before the provider needs the merchant's answer (half a day before its date, at least an hour from now). */
    private static Instant sellerDeadline(Instant byRules, Instant providerDue, Instant now) {
        Instant deadline = earliest(byRules, providerDue.minus(Duration.ofHours(12)));
        return deadline.isBefore(now.plus(Duration.ofHours(1))) ? now.plus(Duration.ofHours(1)) : deadline;
    }

    /**
     * A new stage whose due date comes before the seller's deadline brings the deadline (and the
     * reminder, if still ahead) forward: the workflow's timers are moved, the seller is told.
     */
    private void earlierSellerDeadline(Dispute dispute, Instant providerDue, Instant now) {
        Instant deadline = sellerDeadline(dispute.sellerDeadline(), providerDue, now);
        if (!deadline.isBefore(dispute.sellerDeadline())) {
            return;
        }
        dispute.sellerDeadlineMoved(deadline);
        Duration reminderBefore = ruleStore.rules().duration(DisputeRules.Kind.REMINDER_BEFORE, dispute.source(), dispute.reason());
        Instant reminder = deadline.minus(reminderBefore);
        for (Job timer : timers(dispute, DisputeWorkflow.SELLER_DEADLINE_PASSED)) {
            management.setJobDuedate(timer.getId(), Date.from(deadline));
        }
        for (Job timer : timers(dispute, DisputeWorkflow.SELLER_REMINDER_DUE)) {
            if (timer.getDuedate().toInstant().isAfter(reminder)) {
                management.setJobDuedate(timer.getId(), Date.from(reminder.isBefore(now) ? now : reminder));
            }
        }
        notifications.notify(dispute.sellerId(), dispute.id(), "DISPUTE_REMINDER", minutes(deadline));
        audit.record(ISSUER, "DISPUTE_DEADLINE_MOVED", CASE, dispute.id(), "seller's answer now due " + minutes(deadline),
                Detail.of("ANSWER_DUE", Arg.time(deadline)));
    }

    private List<Job> timers(Dispute dispute, String activityId) {
        return management.createJobQuery().processInstanceId(dispute.processInstanceId()).activityId(activityId).timers().list();
    }

    /** The provider's reason codes in the dispute's words. */
    private static DisputeReason reasonOf(String providerReason) {
        String code = providerReason == null ? "" : providerReason.toLowerCase(java.util.Locale.ROOT);
        if (code.contains("fraud") || code.contains("unauthori") || code.contains("unrecognized")) {
            return DisputeReason.UNAUTHORIZED;
        }
        if (code.contains("not_received")) {
            return DisputeReason.NOT_RECEIVED;
        }
        if (code.contains("damaged")) {
            return DisputeReason.DAMAGED;
        }
        return DisputeReason.NOT_AS_DESCRIBED;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** A message from the platform (or the card issuer through it) in the dispute's thread, read by both parties. */
    public void platformMessage(Dispute dispute, String text, Instant now) {
        em.persist(new DisputeMessage(dispute.id(), ISSUER, Party.PLATFORM, false, text, now));
    }

    // --- the seller's dispute rate ---

    /** A seller's disputes decided for the buyer against orders, over the rules' period, and whether it passes the limit. */
    public record SellerHealth(long orders, long disputes, long lostDisputes, BigDecimal rate, BigDecimal limit,
                               long minOrders, long periodDays) {
        public boolean aboveLimit() {
            return orders >= minOrders && rate.compareTo(limit) > 0;
        }
    }

    public SellerHealth health(String sellerId) {
        DisputeRules rules = ruleStore.rules();
        Duration period = rules.duration(DisputeRules.Kind.DISPUTE_RATE_PERIOD);
        Instant since = clock.instant().minus(period);
        long orderCount = em.createQuery("select count(o) from CustomerOrder o where o.sellerId = :s and o.paidAt >= :since",
                Long.class).setParameter("s", sellerId).setParameter("since", since).getSingleResult();
        long disputes = em.createQuery("select count(d) from Dispute d where d.sellerId = :s and d.createdAt >= :since",
                Long.class).setParameter("s", sellerId).setParameter("since", since).getSingleResult();
        long lost = em.createQuery("select count(d) from Dispute d where d.sellerId = :s and d.createdAt >= :since"
                        + " and d.refundedAmount > 0", Long.class)
                .setParameter("s", sellerId).setParameter("since", since).getSingleResult();
        BigDecimal rate = orderCount == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(lost).divide(BigDecimal.valueOf(orderCount), 4, RoundingMode.HALF_UP);
        return new SellerHealth(orderCount, disputes, lost, rate, rules.number(DisputeRules.Kind.DISPUTE_RATE_LIMIT),
                rules.number(DisputeRules.Kind.DISPUTE_RATE_MIN_ORDERS).longValue(), period.toDays());
    }

    private Dispute dispute(String id) {
        Dispute dispute = em.find(Dispute.class, id);
        if (dispute == null) {
            throw CaravelException.notFound("dispute", id);
        }
        return dispute;
    }
}
