package io.caravel.dispute;

import io.caravel.audit.AuditTrail;
import io.caravel.casework.CaseHeader;
import io.caravel.casework.CaseVariables;
import io.caravel.notification.Notifications;
import io.caravel.order.CustomerOrder;
import io.caravel.order.OrderLine;
import io.caravel.order.OrderService;
import io.caravel.order.OrderStatus;
import io.caravel.order.QuoteView;
import io.caravel.payment.ChargebackReport;
import io.caravel.payment.ChargebackReported;
import io.caravel.payment.PaymentService;
import io.caravel.platform.Caller;
import io.caravel.platform.CaravelException;
import io.caravel.platform.Money;
import io.caravel.platform.Page;
import io.caravel.platform.PageRequest;
import io.caravel.platform.ProblemType;
import io.caravel.platform.Roles;
import io.caravel.platform.TimeCursor;
import io.caravel.platform.Uploads;
import io.caravel.risk.RiskCategory;
import io.caravel.risk.RiskEvent;
import io.caravel.risk.RiskEvents;
import io.caravel.seller.SellerDirectory;
import io.caravel.sellerreview.SellerReviews;
import io.caravel.shipping.Carrier;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;

/**
 * Disputes of order lines: a buyer opens one within the claim window; the seller accepts (refund,
 * full or partial, with or without a return) or contests with evidence before the deadline; no
 * answer decides for the buyer; a dispute agent decides a contested one; either party may appeal once
 * within the appeal window, and another agent decides. Refunds go through the payment adapter once
 * per dispute and decision. Deadlines and thresholds come from {@link DisputeRuleStore}. Buyers see
 * their own disputes, sellers theirs, dispute agents and compliance staff every dispute; staff-only
 * notes never reach the parties.
 */
@Stateless
public class DisputeService {

    static final String CASE = DisputeWorkflow.CASE_TYPE;
    static final String WORKFLOW = "workflow";
    /** The refund keys of a dispute start with this and its id. */
    static final String REFUND_KEY = "dispute:";
    /** Who acts when the card issuer moves a chargeback. */
    static final String ISSUER = "card-issuer";
    public static final int MAX_EVIDENCE_BYTES = 5 * 1024 * 1024;
    private static final Set<String> EVIDENCE_TYPES = Set.of(Uploads.PDF, Uploads.JPEG, Uploads.PNG);
    private static final int MAX_EVIDENCE_FILES = 20;

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
    private TaskService tasks;

    @Inject
    private Notifications notifications;

    @Inject
    private AuditTrail audit;

    @Inject
    private RiskEvents risks;

    @Inject
    private Carrier carrier;

    @Inject
    private SellerDirectory sellers;

    @Inject
    private SellerReviews reviews;

    private final Clock clock = Clock.systemUTC();

    /** An opened dispute, and whether an earlier request with the same key opened it. */
    public record Opened(DisputeView dispute, boolean replayed) {
    }

    // --- the buyer opens ---

    public Opened open(Caller caller, String idempotencyKey, DisputeRequest request) {
        if (!caller.hasRole(Roles.BUYER)) {
            throw CaravelException.forbidden();
        }
        if (idempotencyKey == null || !idempotencyKey.matches("[A-Za-z0-9._:-]{1,100}")) {
            throw CaravelException.invalid("Idempotency-Key", "error.order.idempotency-key");
        }
        if (request == null) {
            throw new CaravelException(ProblemType.VALIDATION, "error.body-required");
        }
        String hash = Uploads.sha256(String.join("\n", request.getOrderId(), String.valueOf(request.getLineNo()),
                String.valueOf(request.getReason()), request.getAmount() == null ? "" : request.getAmount().stripTrailingZeros()
                        .toPlainString(), String.valueOf(request.getDescription())).getBytes(StandardCharsets.UTF_8));
        Dispute earlier = em.createQuery("select d from Dispute d where d.buyer = :b and d.idempotencyKey = :k", Dispute.class)
                .setParameter("b", caller.username()).setParameter("k", idempotencyKey).getResultStream().findFirst().orElse(null);
        if (earlier != null) {
            if (!earlier.requestHash().equals(hash)) {
                throw new CaravelException(ProblemType.IDEMPOTENCY_KEY_REUSED, "error.order.key-reused");
            }
            return new Opened(view(caller, earlier), true);
        }
        if (request.getOrderId() == null || request.getOrderId().isBlank()) {
            throw CaravelException.invalid("orderId", "error.dispute.order-required");
        }
        if (request.getReason() == null) {
            throw CaravelException.invalid("reason", "error.dispute.reason-required",
                    String.join(", ", java.util.Arrays.stream(DisputeReason.values()).map(Enum::name).toList()));
        }
        String description = request.getDescription() == null ? "" : request.getDescription().trim();
        if (description.length() < 10 || description.length() > 2000) {
            throw CaravelException.invalid("description", "error.dispute.description-size", 10, 2000);
        }
        OrderService.Sold sold = orders.soldTo(caller, request.getOrderId().trim());
        if (sold.order().status() != OrderStatus.PAID && sold.order().status() != OrderStatus.SHIPPED) {
            throw CaravelException.conflict("error.dispute.order-not-paid", sold.order().status().name());
        }
        int lineNo = request.getLineNo() == null ? 1 : request.getLineNo();
        if (lineNo < 1 || lineNo > sold.lines().size()) {
            throw CaravelException.invalid("lineNo", "error.dispute.line-unknown", sold.lines().size());
        }
        // one dispute per line: the order row is locked while this one is checked and opened
        em.lock(em.find(CustomerOrder.class, sold.order().id()), LockModeType.PESSIMISTIC_WRITE);
        Dispute existing = em.createQuery("select d from Dispute d where d.orderId = :o and d.lineNo = :l", Dispute.class)
                .setParameter("o", sold.order().id()).setParameter("l", lineNo).getResultStream().findFirst().orElse(null);
        if (existing != null) {
            throw CaravelException.conflict("error.dispute.exists", existing.id());
        }
        if (em.createQuery("select count(d) from Dispute d where d.orderId = :o and d.source = :s", Long.class)
                .setParameter("o", sold.order().id()).setParameter("s", DisputeSource.CHARGEBACK).getSingleResult() > 0) {
            throw CaravelException.conflict("error.dispute.chargeback-open");
        }
        DisputeRules rules = ruleStore.rules();
        Instant now = clock.instant();
        Instant windowEnd = claimWindowEnd(sold, rules, DisputeSource.CLAIM, request.getReason());
        if (now.isAfter(windowEnd)) {
            throw new CaravelException(ProblemType.CLAIM_WINDOW_CLOSED, "error.dispute.window-closed", minutes(windowEnd));
        }
        Instant expected = expectedDelivery(sold, rules, DisputeSource.CLAIM, request.getReason());
        if (request.getReason() == DisputeReason.NOT_RECEIVED && sold.order().receivedAt() == null && now.isBefore(expected)) {
            throw CaravelException.conflict("error.dispute.not-received-early", minutes(expected));
        }
        Money max = lineValue(sold, lineNo);
        BigDecimal amount = request.getAmount() == null ? max.amount() : request.getAmount();
        requireAmount("amount", amount, max);

        Duration response = rules.duration(DisputeRules.Kind.SELLER_RESPONSE, DisputeSource.CLAIM, request.getReason());
        Instant deadline = now.plus(response);
        Dispute dispute = new Dispute(sold.order().id(), lineNo, caller.username(), sold.order().sellerId(), DisputeSource.CLAIM,
                request.getReason(), new Money(amount.setScale(2, RoundingMode.HALF_UP), max.currency()), max.amount(),
                description, deadline, rules.version(), idempotencyKey, hash, now);
        em.persist(dispute);
        em.persist(new DisputeMessage(dispute.id(), caller.username(), Party.BUYER, false, description, now));
        em.flush();
        List<String> signals = fraudSignals(dispute, sold, rules, now);
        start(dispute, sold.lines().get(lineNo - 1).title(), rules, now, signals);
        audit.record(caller.username(), "DISPUTE_OPENED", CASE, dispute.id(), request.getReason() + " on order "
                + dispute.orderId() + " line " + lineNo + ", " + dispute.claimed().amount().toPlainString() + " "
                + dispute.claimed().currency());
        return new Opened(view(caller, dispute), false);
    }

    /** The end of the claim window: receipt confirmed, else the expected delivery (after shipping, or payment), plus the window. */
    private static Instant claimWindowEnd(OrderService.Sold sold, DisputeRules rules, DisputeSource source, DisputeReason reason) {
        Instant delivered = sold.order().receivedAt() != null ? sold.order().receivedAt()
                : expectedDelivery(sold, rules, source, reason);
        return delivered.plus(rules.duration(DisputeRules.Kind.CLAIM_WINDOW, source, reason));
    }

    /** When the parcel is expected: the rules' time after shipping, or after payment when it never shipped. */
    private static Instant expectedDelivery(OrderService.Sold sold, DisputeRules rules, DisputeSource source, DisputeReason reason) {
        Instant from = sold.order().shippedAt() != null ? sold.order().shippedAt() : sold.order().paidAt();
        return from.plus(rules.duration(DisputeRules.Kind.EXPECTED_DELIVERY, source, reason));
    }

    /** What the buyer paid for one line: its goods with its share of shipping, duty and taxes, in the buyer's currency. */
    private static Money lineValue(OrderService.Sold sold, int lineNo) {
        QuoteView pricing = sold.pricing();
        QuoteView.Line line = pricing.lines().get(lineNo - 1);
        BigDecimal goods = pricing.amounts().goods();
        BigDecimal total = pricing.amounts().total();
        BigDecimal share = goods.signum() == 0 || pricing.lines().size() == 1 ? total
                : total.multiply(line.lineTotal().amount()).divide(goods, 2, RoundingMode.HALF_UP);
        return new Money(share.setScale(2, RoundingMode.HALF_UP), pricing.amounts().currency());
    }

    private static void requireAmount(String field, BigDecimal amount, Money max) {
        if (amount == null || amount.signum() <= 0 || amount.scale() > 2 && amount.stripTrailingZeros().scale() > 2
                || amount.compareTo(max.amount()) > 0) {
            throw CaravelException.invalid(field, "error.dispute.amount", max.amount().toPlainString(), max.currency());
        }
    }

    /** Starts the workflow; the fraud signals found make its risk high (shown in the inbox with their reasons). */
    private void start(Dispute dispute, String lineTitle, DisputeRules rules, Instant now, List<String> signals) {
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

    /** Many claims from one buyer, or an unauthorized-payment claim after the buyer confirmed receipt: payment risk events. */
    private List<String> fraudSignals(Dispute dispute, OrderService.Sold sold, DisputeRules rules, Instant now) {
        List<String> signals = new java.util.ArrayList<>();
        long recent = em.createQuery("select count(d) from Dispute d where d.buyer = :b and d.createdAt >= :since", Long.class)
                .setParameter("b", dispute.buyer())
                .setParameter("since", now.minus(rules.duration(DisputeRules.Kind.BUYER_CLAIMS_PERIOD)))
                .getSingleResult();
        BigDecimal limit = rules.number(DisputeRules.Kind.BUYER_CLAIMS_LIMIT);
        if (BigDecimal.valueOf(recent).compareTo(limit) > 0) {
            signals.add("MANY_CLAIMS_FROM_BUYER");
            risks.record(RiskCategory.PAYMENT, "MANY_CLAIMS_FROM_BUYER", RiskEvent.Severity.REVIEW, CASE, dispute.id(),
                    dispute.sellerId(), "buyer " + dispute.buyer() + " opened " + recent + " disputes in "
                            + rules.duration(DisputeRules.Kind.BUYER_CLAIMS_PERIOD).toDays() + " days (limit " + limit + ")");
        }
        if (dispute.reason() == DisputeReason.UNAUTHORIZED && sold.order().receivedAt() != null) {
            signals.add("UNAUTHORIZED_AFTER_RECEIPT");
            risks.record(RiskCategory.PAYMENT, "UNAUTHORIZED_AFTER_RECEIPT", RiskEvent.Severity.REVIEW, CASE, dispute.id(),
                    dispute.sellerId(), "unauthorized-payment claim on order " + dispute.orderId()
                            + " whose receipt the buyer confirmed at " + minutes(sold.order().receivedAt()));
        }
        return signals;
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
                    + " names the payment of order " + reported.orderId());
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
                    + " after " + dispute.stage());
            return; // an older stage arriving late changes nothing
        }
        dispute.chargeback(report.disputeRef(), report.stage(), report.dueBy());
        if (report.outcome() != null) {
            decidedByIssuer(dispute, report.outcome(), now);
        } else {
            platformMessage(dispute, "The chargeback moved to the stage " + report.stage() + ", due "
                    + minutes(report.dueBy()) + ". / 拒付进入 " + report.stage() + " 阶段，截止 " + minutes(report.dueBy()) + "。", now);
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
                + minutes(report.dueBy()) + (report.outcome() == null ? "" : ", " + report.outcome()));
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
        // the seller answers before the provider needs the merchant's answer
        Instant deadline = earliest(now.plus(rules.duration(DisputeRules.Kind.SELLER_RESPONSE, DisputeSource.CHARGEBACK, reason)),
                report.dueBy().minus(Duration.ofHours(12)));
        if (deadline.isBefore(now.plus(Duration.ofHours(1)))) {
            deadline = now.plus(Duration.ofHours(1));
        }
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
        start(dispute, "Chargeback · order " + sold.order().id().substring(0, 8), rules, now, List.of());
        audit.record(ISSUER, "DISPUTE_OPENED", CASE, dispute.id(), "chargeback " + report.disputeRef() + " " + report.stage()
                + " on order " + dispute.orderId() + ", " + amount.toPlainString() + " " + dispute.claimed().currency());
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

    private void platformMessage(Dispute dispute, String text, Instant now) {
        em.persist(new DisputeMessage(dispute.id(), ISSUER, Party.PLATFORM, false, text, now));
    }

    // --- the seller answers ---

    /** The seller accepts (refund now, the buyer returns the goods with the waybill given) or contests with a message. */
    public DisputeView respond(Caller caller, String id, Integer ifMatch, SellerResponse response) {
        Dispute dispute = visible(caller, id);
        if (!dispute.sellerId().equals(caller.sellerId())) {
            throw CaravelException.forbidden();
        }
        requireVersion(dispute, ifMatch);
        if (dispute.status() != DisputeStatus.AWAITING_SELLER) {
            throw CaravelException.conflict("error.dispute.not-awaiting-seller", dispute.status().name());
        }
        if (response == null || response.getAnswer() == null) {
            throw CaravelException.invalid("answer", "error.dispute.answer-required");
        }
        String message = response.getMessage() == null ? "" : response.getMessage().trim();
        if (message.length() > 4000) {
            throw CaravelException.invalid("message", "error.dispute.message-size", 4000);
        }
        Instant now = clock.instant();
        boolean chargeback = dispute.source() == DisputeSource.CHARGEBACK;
        boolean accept = response.getAnswer() == Dispute.Answer.ACCEPT;
        boolean partial = false;
        if (accept) {
            // a chargeback is accepted whole; a claim up to what the buyer claimed
            BigDecimal amount = chargeback || response.getRefundAmount() == null ? dispute.claimed().amount()
                    : response.getRefundAmount();
            requireAmount("refundAmount", amount, dispute.claimed());
            if (chargeback && response.isReturnRequired()) {
                throw CaravelException.invalid("returnRequired", "error.dispute.chargeback-return");
            }
            partial = amount.compareTo(dispute.claimed().amount()) < 0;
            dispute.settlement(amount.setScale(2, RoundingMode.HALF_UP));
        } else if (message.length() < 10) {
            throw CaravelException.invalid("message", "error.dispute.contest-message");
        }
        if (!accept || partial) {
            // contested, or only part of the claim accepted: an agent decides (on the rest)
            dispute.status(DisputeStatus.UNDER_REVIEW);
        }
        dispute.answered(response.getAnswer(), null);
        if (!message.isEmpty()) {
            em.persist(new DisputeMessage(dispute.id(), caller.username(), Party.SELLER, false, message, now));
        }
        DisputeRules rules = ruleStore.rules();
        Instant reviewDue = now.plus(rules.duration(DisputeRules.Kind.REVIEW_TIME, dispute.source(), dispute.reason()));
        if (dispute.providerDue() != null && dispute.providerDue().isBefore(reviewDue)) {
            reviewDue = dispute.providerDue();
        }
        correlate(runtime.createMessageCorrelation(DisputeWorkflow.SELLER_RESPONDED)
                .processInstanceId(dispute.processInstanceId())
                .setVariable(DisputeWorkflow.SELLER_ANSWER, accept && !partial ? Dispute.Answer.ACCEPT.name()
                        : Dispute.Answer.CONTEST.name())
                .setVariable(DisputeWorkflow.REVIEW_DUE, Date.from(reviewDue)));
        if (partial) {
            // the part the seller accepted is the buyer's at once; the rest is the agent's to decide
            refund(dispute, dispute.settlement().amount(), REFUND_KEY + dispute.id() + ":offer");
            platformMessage(dispute, "The seller accepted " + dispute.settlement().amount().toPlainString() + " "
                    + dispute.settlement().currency() + " of the claim, refunded now; a dispute agent decides on the rest. / 卖家接受退款 "
                    + dispute.settlement().amount().toPlainString() + " " + dispute.settlement().currency()
                    + "，已立即退款；其余部分由纠纷客服裁决。", now);
        }
        String returnWaybill = null;
        if (accept && response.isReturnRequired()) {
            // booked once the answer is taken (a concurrent answer that lost books nothing)
            returnWaybill = carrier.book(new Carrier.Parcel(dispute.orderId(), sellers.legalName(dispute.sellerId()),
                    "returns address of the seller on file", sellerCountry(dispute.sellerId()), 500));
            dispute.answered(response.getAnswer(), returnWaybill);
            audit.record(caller.username(), "DISPUTE_RETURN_BOOKED", CASE, dispute.id(), carrier.code() + " " + returnWaybill);
        }
        audit.recordBySeller(caller.username(), accept ? "DISPUTE_ACCEPTED" : "DISPUTE_CONTESTED", CASE, dispute.id(),
                accept ? "refund " + dispute.settlement().amount().toPlainString() + " " + dispute.settlement().currency()
                        + (partial ? " of " + dispute.claimed().amount().toPlainString() : "")
                        + (returnWaybill == null ? "" : ", return " + returnWaybill) : "contested");
        return view(caller, dispute);
    }

    /** Delivers a party's message to the process; one that no longer waits for it (a concurrent answer won) is a 409. */
    private static void correlate(MessageCorrelationBuilder message) {
        try {
            message.correlateWithResult();
        } catch (MismatchingMessageCorrelationException e) {
            throw CaravelException.conflict("error.dispute.changed");
        }
    }

    private String sellerCountry(String sellerId) {
        return sellers.find(sellerId).map(s -> s.country()).orElse("CN");
    }

    // --- the thread and the evidence ---

    /** Adds a message to the thread: the parties to each other and the agent; staff may add staff-only notes. */
    public DisputeView message(Caller caller, String id, String body, boolean staffOnly) {
        Dispute dispute = visible(caller, id);
        Party party = party(caller, dispute);
        if (staffOnly && party != Party.AGENT) {
            throw CaravelException.forbidden();
        }
        if (dispute.status() == DisputeStatus.CLOSED) {
            throw CaravelException.conflict("error.dispute.closed");
        }
        String text = body == null ? "" : body.trim();
        if (text.isEmpty() || text.length() > 4000) {
            throw CaravelException.invalid("body", "error.dispute.message-size", 4000);
        }
        em.persist(new DisputeMessage(dispute.id(), caller.username(), party, staffOnly, text, clock.instant()));
        if (party == Party.BUYER || party == Party.AGENT && !staffOnly) {
            notifications.notify(dispute.sellerId(), dispute.id(), "DISPUTE_MESSAGE", text.length() > 200
                    ? text.substring(0, 200) + "…" : text);
        }
        audit.record(caller.username(), staffOnly ? "DISPUTE_NOTE" : "DISPUTE_MESSAGE", CASE, dispute.id(),
                party + ": " + (text.length() > 500 ? text.substring(0, 500) + "…" : text));
        return view(caller, dispute);
    }

    /** A party (or an agent) adds a file of evidence: PDF, JPEG or PNG recognised from its bytes, at most 5 MB. */
    public DisputeView.EvidenceView addEvidence(Caller caller, String id, DisputeEvidence.Kind kind, String fileName,
                                                byte[] content) {
        Dispute dispute = visible(caller, id);
        Party party = party(caller, dispute);
        if (dispute.status() == DisputeStatus.CLOSED) {
            throw CaravelException.conflict("error.dispute.closed");
        }
        if (kind == null) {
            throw CaravelException.invalid("kind", "error.dispute.evidence-kind",
                    String.join(", ", java.util.Arrays.stream(DisputeEvidence.Kind.values()).map(Enum::name).toList()));
        }
        long count = em.createQuery("select count(e) from DisputeEvidence e where e.disputeId = :d", Long.class)
                .setParameter("d", dispute.id()).getSingleResult();
        if (count >= MAX_EVIDENCE_FILES) {
            throw CaravelException.conflict("error.dispute.evidence-count", MAX_EVIDENCE_FILES);
        }
        String type = Uploads.check(content, MAX_EVIDENCE_BYTES, EVIDENCE_TYPES);
        DisputeEvidence evidence = new DisputeEvidence(dispute.id(), party, kind, caller.username(),
                Uploads.safeName(fileName, kind.name().toLowerCase(java.util.Locale.ROOT)), type, content, clock.instant());
        em.persist(evidence);
        audit.record(caller.username(), "DISPUTE_EVIDENCE_ADDED", CASE, dispute.id(), party + " " + kind + ": "
                + evidence.fileName() + " (" + evidence.sizeBytes() + " bytes, sha256 " + evidence.sha256() + ")");
        return evidenceView(evidence);
    }

    /** One file of evidence, for anyone who may see the dispute. */
    public DisputeEvidence evidence(Caller caller, String id, String evidenceId) {
        Dispute dispute = visible(caller, id);
        DisputeEvidence evidence = evidenceId == null ? null : em.find(DisputeEvidence.class, evidenceId);
        if (evidence == null || !evidence.disputeId().equals(dispute.id())) {
            throw CaravelException.notFound("evidence", evidenceId);
        }
        return evidence;
    }

    // --- the agent and the appeal ---

    /** The agent deciding the dispute (or the appeal) sets what a split refunds before deciding SPLIT. */
    public DisputeView proposeSettlement(Caller caller, String id, BigDecimal amount) {
        Dispute dispute = visible(caller, id);
        if (!caller.hasRole(Roles.DISPUTE_AGENT)) {
            throw CaravelException.forbidden();
        }
        if (dispute.status() != DisputeStatus.UNDER_REVIEW && dispute.status() != DisputeStatus.APPEALED) {
            throw CaravelException.conflict("error.dispute.not-under-review", dispute.status().name());
        }
        if (tasks.createTaskQuery().processInstanceId(dispute.processInstanceId()).taskAssignee(caller.username()).count() == 0) {
            throw CaravelException.conflict("error.dispute.claim-review-first");
        }
        requireAmount("amount", amount, dispute.claimed());
        dispute.settlement(amount.setScale(2, RoundingMode.HALF_UP));
        audit.record(caller.username(), "DISPUTE_SETTLEMENT_PROPOSED", CASE, dispute.id(),
                amount.toPlainString() + " " + dispute.maxAmount().currency());
        return view(caller, dispute);
    }

    /** The buyer or the seller appeals an agent's decision, once, within the appeal window; another agent decides. */
    public DisputeView appeal(Caller caller, String id, String reasonText) {
        Dispute dispute = visible(caller, id);
        Party party = party(caller, dispute);
        if (party != Party.BUYER && party != Party.SELLER) {
            throw CaravelException.forbidden();
        }
        Instant now = clock.instant();
        if (dispute.source() == DisputeSource.CHARGEBACK || dispute.decision() == null || dispute.appealedBy() != null || dispute.appealDeadline() == null
                || now.isAfter(dispute.appealDeadline()) || dispute.status() == DisputeStatus.CLOSED) {
            throw CaravelException.conflict("error.dispute.not-appealable");
        }
        String text = reasonText == null ? "" : reasonText.trim();
        if (text.length() < 10 || text.length() > 4000) {
            throw CaravelException.invalid("reason", "error.dispute.appeal-reason", 10, 4000);
        }
        dispute.appealed(caller.username());
        em.persist(new DisputeMessage(dispute.id(), caller.username(), party, false, text, now));
        audit.record(caller.username(), "DISPUTE_APPEALED", CASE, dispute.id(), party + ": " + text);
        DisputeRules rules = ruleStore.rules();
        correlate(runtime.createMessageCorrelation(DisputeWorkflow.APPEAL_FILED).processInstanceId(dispute.processInstanceId())
                .setVariable(DisputeWorkflow.REVIEW_DUE, Date.from(now.plus(
                        rules.duration(DisputeRules.Kind.REVIEW_TIME, dispute.source(), dispute.reason())))));
        if (party == Party.BUYER) {
            notifications.notify(dispute.sellerId(), dispute.id(), "DISPUTE_APPEALED", "");
        }
        return view(caller, dispute);
    }

    // --- workflow steps ---

    /** The seller is told and has until the deadline to answer. */
    public void notifySeller(String id) {
        Dispute dispute = dispute(id);
        dispute.status(DisputeStatus.AWAITING_SELLER);
        notifications.notify(dispute.sellerId(), dispute.id(), "DISPUTE_OPENED", dispute.reason().name() + " · "
                + dispute.claimed().amount().toPlainString() + " " + dispute.claimed().currency() + " · "
                + minutes(dispute.sellerDeadline()));
        audit.record(WORKFLOW, "DISPUTE_SELLER_NOTIFIED", CASE, dispute.id(), "answer due " + minutes(dispute.sellerDeadline()));
    }

    private static String minutes(Instant at) {
        return at.truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString();
    }

    public void remind(String id) {
        Dispute dispute = dispute(id);
        if (dispute.status() != DisputeStatus.AWAITING_SELLER) {
            return;
        }
        notifications.notify(dispute.sellerId(), dispute.id(), "DISPUTE_REMINDER", minutes(dispute.sellerDeadline()));
        audit.record(WORKFLOW, "DISPUTE_SELLER_REMINDED", CASE, dispute.id(), "answer due " + minutes(dispute.sellerDeadline()));
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
        audit.record(WORKFLOW, "DISPUTE_TIMED_OUT", CASE, dispute.id(), "no answer by " + minutes(dispute.sellerDeadline()));
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
                    + " already refunded is not taken back: the platform compensates the seller");
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
                + " " + dispute.refunded().currency());
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
                + dispute.providerRef() + " at stage " + dispute.stage());
    }

    private void told(Dispute dispute, String decidedBy, String message, Instant now) {
        if (message != null && !message.isBlank()) {
            em.persist(new DisputeMessage(dispute.id(), decidedBy, Party.AGENT, false, message.trim(), now));
        }
    }

    /** Refunds through the payment adapter once per key; the dispute counts what its keys refunded (a retried step counts once). */
    private void refund(Dispute dispute, BigDecimal wanted, String key) {
        BigDecimal left = payments.refundable(dispute.orderId()).amount();
        BigDecimal amount = wanted.compareTo(left) > 0 ? left : wanted;
        if (amount.compareTo(wanted) < 0) {
            // refunds or a chargeback of this payment took part of it already: refund what is left, say what was not
            audit.record(WORKFLOW, "DISPUTE_REFUND_SHORT", CASE, dispute.id(), "wanted " + wanted.toPlainString() + ", only "
                    + left.toPlainString() + " " + dispute.maxAmount().currency() + " left of the payment");
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
        dispute.refunded(payments.refunded(DisputeService.REFUND_KEY + dispute.id()));
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

    /** How many disputes a buyer opened, ever (the agent sees the buyer's history). */
    public long buyerDisputes(String buyer) {
        return em.createQuery("select count(d) from Dispute d where d.buyer = :b", Long.class).setParameter("b", buyer)
                .getSingleResult();
    }

    // --- reading ---

    public DisputeView get(Caller caller, String id) {
        return view(caller, visible(caller, id));
    }

    /** The caller's disputes, newest first: a buyer's own, a seller's own, every dispute for staff. */
    public Page<DisputeView> list(Caller caller, DisputeStatus status, String orderId, PageRequest page) {
        StringBuilder jpql = new StringBuilder("select d from Dispute d where 1 = 1");
        String me = null;
        if (isStaff(caller)) {
            // every dispute
        } else if (caller.hasRole(Roles.SELLER) && caller.sellerId() != null) {
            jpql.append(" and d.sellerId = :me");
            me = caller.sellerId();
        } else if (caller.hasRole(Roles.BUYER)) {
            jpql.append(" and d.buyer = :me");
            me = caller.username();
        } else {
            throw CaravelException.forbidden();
        }
        if (status != null) {
            jpql.append(" and d.status = :status");
        }
        if (orderId != null) {
            jpql.append(" and d.orderId = :order");
        }
        TimeCursor after = page.after() == null ? null : TimeCursor.parse(page.after());
        if (after != null) {
            jpql.append(" and (d.createdAt < :at or (d.createdAt = :at and d.id < :id))");
        }
        jpql.append(" order by d.createdAt desc, d.id desc");
        TypedQuery<Dispute> query = em.createQuery(jpql.toString(), Dispute.class);
        if (me != null) {
            query.setParameter("me", me);
        }
        if (status != null) {
            query.setParameter("status", status);
        }
        if (orderId != null) {
            query.setParameter("order", orderId);
        }
        if (after != null) {
            query.setParameter("at", after.at()).setParameter("id", after.id());
        }
        List<Dispute> rows = query.setMaxResults(page.limit() + 1).getResultList();
        List<Dispute> items = rows.stream().limit(page.limit()).toList();
        String next = rows.size() > page.limit()
                ? new TimeCursor(items.get(items.size() - 1).createdAt(), items.get(items.size() - 1).id()).next() : null;
        return new Page<>(items.stream().map(d -> view(caller, d)).toList(), next);
    }

    /** A seller's latest disputes, for staff reviewing the seller's account. */
    public List<DisputeView> ofSeller(Caller caller, String sellerId, int max) {
        if (!isStaff(caller)) {
            throw CaravelException.forbidden();
        }
        return em.createQuery("select d from Dispute d where d.sellerId = :s order by d.createdAt desc, d.id desc", Dispute.class)
                .setParameter("s", sellerId).setMaxResults(max).getResultList().stream().map(d -> view(caller, d)).toList();
    }

    private Dispute visible(Caller caller, String id) {
        Dispute dispute = id == null ? null : em.find(Dispute.class, id);
        if (dispute == null || !(isStaff(caller) || caller.hasRole(Roles.BUYER) && dispute.buyer().equals(caller.username())
                || caller.sellerId() != null && dispute.sellerId().equals(caller.sellerId()))) {
            throw CaravelException.notFound("dispute", id);
        }
        return dispute;
    }

    private static void requireVersion(Dispute dispute, Integer expected) {
        if (expected != null && expected != dispute.version()) {
            throw new CaravelException(ProblemType.PRECONDITION_FAILED, "error.stale-version");
        }
    }

    /** Which side the caller is on in this dispute. */
    private static Party party(Caller caller, Dispute dispute) {
        if (caller.hasRole(Roles.BUYER) && dispute.buyer().equals(caller.username())) {
            return Party.BUYER;
        }
        if (caller.sellerId() != null && dispute.sellerId().equals(caller.sellerId())) {
            return Party.SELLER;
        }
        if (caller.hasRole(Roles.DISPUTE_AGENT) || caller.isComplianceStaff()) {
            return Party.AGENT;
        }
        throw CaravelException.forbidden();
    }

    private static boolean isStaff(Caller caller) {
        return caller.hasRole(Roles.DISPUTE_AGENT) || caller.isComplianceStaff() || caller.isAdmin();
    }

    private Dispute dispute(String id) {
        Dispute dispute = em.find(Dispute.class, id);
        if (dispute == null) {
            throw CaravelException.notFound("dispute", id);
        }
        return dispute;
    }

    private DisputeView view(Caller caller, Dispute d) {
        boolean staff = isStaff(caller);
        List<DisputeView.MessageView> messages = em.createQuery("select m from DisputeMessage m where m.disputeId = :d"
                        + (staff ? "" : " and m.staffOnly = false") + " order by m.createdAt, m.id", DisputeMessage.class)
                .setParameter("d", d.id()).getResultList().stream()
                // parties see who wrote only their own messages: not the other side's account, not the agent's name
                .map(m -> new DisputeView.MessageView(m.id(), m.party().name(),
                        staff || m.author().equals(caller.username()) ? m.author() : null, m.staffOnly(), m.body(),
                        m.createdAt()))
                .toList();
        List<DisputeView.EvidenceView> evidence = em.createQuery("select e from DisputeEvidence e where e.disputeId = :d"
                        + " order by e.uploadedAt, e.id", DisputeEvidence.class).setParameter("d", d.id()).getResultList()
                .stream().map(DisputeService::evidenceView).toList();
        String lineTitle = em.createQuery("select l from OrderLine l where l.orderId = :o and l.lineNo = :n", OrderLine.class)
                .setParameter("o", d.orderId()).setParameter("n", d.lineNo()).getResultStream().findFirst()
                .map(OrderLine::title).orElse(null);
        boolean party = caller.hasRole(Roles.BUYER) && d.buyer().equals(caller.username())
                || caller.sellerId() != null && d.sellerId().equals(caller.sellerId());
        boolean appealable = party && d.source() == DisputeSource.CLAIM && d.decision() != null && d.appealedBy() == null && d.appealDeadline() != null
                && clock.instant().isBefore(d.appealDeadline()) && d.status() != DisputeStatus.CLOSED;
        return new DisputeView(d.id(), d.orderId(), d.lineNo(), lineTitle, d.source().name(), d.providerRef(),
                d.stage() == null ? null : d.stage().name(), d.providerDue(), d.reason().name(),
                d.status().name(), staff || d.buyer().equals(caller.username()) ? d.buyer() : null, d.sellerId(), d.claimed(),
                d.maxAmount(), d.settlement(), d.refunded(), d.sellerAnswer() == null ? null : d.sellerAnswer().name(),
                d.returnWaybill(), d.decision() == null ? null : d.decision().name(),
                d.appealDecision() == null ? null : d.appealDecision().name(), d.sellerDeadline(), d.appealDeadline(),
                appealable, d.createdAt(), d.resolvedAt(), d.closedAt(), messages, evidence, d.ruleVersion(), d.version());
    }

    private static DisputeView.EvidenceView evidenceView(DisputeEvidence e) {
        return new DisputeView.EvidenceView(e.id(), e.party().name(), e.kind().name(), e.fileName(), e.contentType(),
                e.sizeBytes(), e.sha256(), e.uploadedAt());
    }
}
