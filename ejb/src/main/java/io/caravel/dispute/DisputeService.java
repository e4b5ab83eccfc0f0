package io.caravel.dispute;

import io.caravel.audit.AuditTrail;
import io.caravel.audit.Detail;
import io.caravel.audit.Detail.Arg;
import io.caravel.notification.Notifications;
import io.caravel.order.CustomerOrder;
import io.caravel.order.OrderLine;
import io.caravel.order.OrderService;
import io.caravel.order.OrderStatus;
import io.caravel.order.QuoteView;
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
import io.caravel.shipping.Carrier;
import jakarta.ejb.Stateless;
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
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;

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

    private static final String CASE = DisputeSteps.CASE;
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
    private DisputeSteps steps;

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
            throw new CaravelException(ProblemType.CLAIM_WINDOW_CLOSED, "error.dispute.window-closed", day(windowEnd));
        }
        Instant expected = expectedDelivery(sold, rules, DisputeSource.CLAIM, request.getReason());
        if (request.getReason() == DisputeReason.NOT_RECEIVED && sold.order().receivedAt() == null && now.isBefore(expected)) {
            throw CaravelException.conflict("error.dispute.not-received-early", day(expected));
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
        // opened before the workflow's first step tells the seller, so the history reads in that order
        audit.record(caller.username(), "DISPUTE_OPENED", CASE, dispute.id(), request.getReason() + " on order "
                + dispute.orderId() + " line " + lineNo + ", " + dispute.claimed().amount().toPlainString() + " "
                + dispute.claimed().currency(), Detail.of("CLAIM_OPENED", Arg.code("disputeReason", request.getReason()),
                Arg.text(dispute.orderId()), Arg.text(lineNo), Arg.money(dispute.claimed().amount(), dispute.claimed().currency())));
        steps.start(dispute, sold.lines().get(lineNo - 1).title(), rules, now, signals);
        return new Opened(view(caller, dispute), false);
    }

    /** The end of the claim window: receipt confirmed, else the expected delivery (after shipping, or payment), plus the window. */
    private static Instant claimWindowEnd(OrderService.Sold sold, DisputeRules rules, DisputeSource source, DisputeReason reason) {
        Instant delivered = sold.order().receivedAt() != null ? sold.order().receivedAt()
                : expectedDelivery(sold, rules, source, reason);
        return delivered.plus(rules.duration(DisputeRules.Kind.CLAIM_WINDOW, source, reason));
    }

    /** A date as a buyer reads it in a message: "2026-12-16 (UTC)". */
    private static String day(Instant at) {
        return at.atZone(java.time.ZoneOffset.UTC).toLocalDate() + " (UTC)";
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
                            + " whose receipt the buyer confirmed at " + DisputeSteps.minutes(sold.order().receivedAt()));
        }
        return signals;
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
        DisputeSteps.correlate(runtime.createMessageCorrelation(DisputeWorkflow.SELLER_RESPONDED)
                .processInstanceId(dispute.processInstanceId())
                .setVariable(DisputeWorkflow.SELLER_ANSWER, accept && !partial ? Dispute.Answer.ACCEPT.name()
                        : Dispute.Answer.CONTEST.name())
                .setVariable(DisputeWorkflow.REVIEW_DUE, Date.from(reviewDue)));
        if (partial) {
            // the part the seller accepted is the buyer's at once; the rest is the agent's to decide
            steps.refund(dispute, dispute.settlement().amount(), DisputeSteps.REFUND_KEY + dispute.id() + ":offer");
            steps.platformMessage(dispute, "The seller accepted " + dispute.settlement().amount().toPlainString() + " "
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
            audit.record(caller.username(), "DISPUTE_RETURN_BOOKED", CASE, dispute.id(), carrier.code() + " " + returnWaybill,
                    Detail.of("RETURN_BOOKED", Arg.text(carrier.code()), Arg.text(returnWaybill)));
        }
        audit.recordBySeller(caller.username(), accept ? "DISPUTE_ACCEPTED" : "DISPUTE_CONTESTED", CASE, dispute.id(),
                accept ? "refund " + dispute.settlement().amount().toPlainString() + " " + dispute.settlement().currency()
                        + (partial ? " of " + dispute.claimed().amount().toPlainString() : "")
                        + (returnWaybill == null ? "" : ", return " + returnWaybill) : "contested",
                accept ? Detail.of("REFUND_AGREED", Arg.money(dispute.settlement().amount(), dispute.settlement().currency()))
                        .andIf(partial, "OF_CLAIMED", Arg.money(dispute.claimed().amount(), dispute.claimed().currency()))
                        .andIf(returnWaybill != null, "RETURN_WAYBILL", Arg.text(returnWaybill))
                        : Detail.NONE);
        return view(caller, dispute);
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
        String shown = text.length() > 500 ? text.substring(0, 500) + "…" : text;
        audit.record(caller.username(), staffOnly ? "DISPUTE_NOTE" : "DISPUTE_MESSAGE", CASE, dispute.id(), party + ": " + shown,
                Detail.of("PARTY_SAID", Arg.code("party", party), Arg.text(shown)));
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
                + evidence.fileName() + " (" + evidence.sizeBytes() + " bytes, sha256 " + evidence.sha256() + ")",
                Detail.of("EVIDENCE", Arg.code("party", party), Arg.code("evidenceKind", kind), Arg.text(evidence.fileName()),
                        Arg.text(evidence.sizeBytes())));
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
                amount.toPlainString() + " " + dispute.maxAmount().currency(),
                Detail.of("SETTLEMENT_PROPOSED", Arg.money(dispute.settlement().amount(), dispute.maxAmount().currency())));
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
        audit.record(caller.username(), "DISPUTE_APPEALED", CASE, dispute.id(), party + ": " + text,
                Detail.of("PARTY_SAID", Arg.code("party", party), Arg.text(text)));
        DisputeRules rules = ruleStore.rules();
        DisputeSteps.correlate(runtime.createMessageCorrelation(DisputeWorkflow.APPEAL_FILED).processInstanceId(dispute.processInstanceId())
                .setVariable(DisputeWorkflow.REVIEW_DUE, Date.from(now.plus(
                        rules.duration(DisputeRules.Kind.REVIEW_TIME, dispute.source(), dispute.reason())))));
        if (party == Party.BUYER) {
            notifications.notify(dispute.sellerId(), dispute.id(), "DISPUTE_APPEALED", "");
        }
        return view(caller, dispute);
    }

    // --- the seller's dispute rate ---

    public DisputeSteps.SellerHealth health(String sellerId) {
        return steps.health(sellerId);
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

    /**
     * What a seller's disputes still open (not yet decided) could cost, per currency: each claim less
     * what was already refunded on it. A payout holds this back as a reserve.
     */
    public Map<String, BigDecimal> openExposure(String sellerId) {
        Map<String, BigDecimal> exposure = new TreeMap<>();
        for (Dispute d : em.createQuery("select d from Dispute d where d.sellerId = :seller and d.status in :open", Dispute.class)
                .setParameter("seller", sellerId)
                .setParameter("open", List.of(DisputeStatus.OPEN, DisputeStatus.AWAITING_SELLER, DisputeStatus.UNDER_REVIEW,
                        DisputeStatus.APPEALED))
                .getResultList()) {
            BigDecimal left = d.claimed().amount().subtract(d.refunded().amount());
            if (left.signum() > 0) {
                exposure.merge(d.claimed().currency(), left, BigDecimal::add);
            }
        }
        return exposure;
    }
}
