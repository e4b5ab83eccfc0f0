package io.caravel.payment;

import io.caravel.audit.AuditTrail;
import io.caravel.platform.Caller;
import io.caravel.platform.CaravelException;
import io.caravel.platform.Money;
import io.caravel.platform.ProblemType;
import io.caravel.risk.RiskCategory;
import io.caravel.risk.RiskEvent;
import io.caravel.risk.RiskEvents;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Payments of orders through the {@link PaymentProvider}: opened when an order is placed, completed
 * by the provider's signed webhook. Each provider event is applied once, however often and however
 * late it arrives; a payment is completed once, whatever other events say afterwards.
 */
@Stateless
public class PaymentService {

    @PersistenceContext(unitName = "caravel")
    private EntityManager em;

    @Inject
    private PaymentProvider provider;

    @Inject
    private SimulatedPaymentProvider simulator;

    @Inject
    private Event<PaymentCompleted> completed;

    @Inject
    private Event<ChargebackReported> chargebacks;

    @Inject
    private AuditTrail audit;

    @Inject
    private RiskEvents risks;

    private final Clock clock = Clock.systemUTC();

    /** What a webhook delivery did: applied, or a repeat of an event already applied, or nothing to do. */
    public enum Applied { APPLIED, REPEATED, IGNORED }

    /** Opens the payment of an order at the provider, in the order's transaction. */
    public Payment open(String orderId, String buyer, Money amount) {
        if (!provider.available()) {
            throw new CaravelException(ProblemType.UNAVAILABLE, "error.payment.no-provider");
        }
        Payment payment = new Payment(orderId, buyer, provider.name(), amount, clock.instant());
        PaymentProvider.Opened opened = provider.open(payment.id(), amount);
        payment.opened(opened.providerRef(), opened.payUrl());
        em.persist(payment);
        return payment;
    }

    /** The payments of an order, newest first. */
    public List<Payment> ofOrder(String orderId) {
        return em.createQuery("select p from Payment p where p.orderId = :o order by p.createdAt desc", Payment.class)
                .setParameter("o", orderId).getResultList();
    }

    /** Applies a webhook delivery of the named provider; a bad signature is refused (401). */
    public Applied webhook(String providerName, String signature, String body) {
        if (!provider.name().equals(providerName) || !provider.available()) {
            throw CaravelException.notFound("payment provider", providerName);
        }
        if (!provider.verify(signature, body)) {
            throw new CaravelException(ProblemType.UNAUTHENTICATED, "error.payment.signature");
        }
        Optional<PaymentOutcome> read = provider.read(body);
        if (read.isEmpty()) {
            return provider.readChargeback(body).map(this::chargeback).orElse(Applied.IGNORED);
        }
        PaymentOutcome reported = read.get();
        if (em.find(PaymentEventRecord.class, new PaymentEventRecord.Key(providerName, reported.eventId())) != null) {
            return Applied.REPEATED;
        }
        Payment payment = em.createQuery("select p from Payment p where p.provider = :p and p.providerRef = :r", Payment.class)
                .setParameter("p", providerName).setParameter("r", reported.providerRef()).getResultStream().findFirst()
                .orElseThrow(() -> CaravelException.invalid("payment.ref", "error.payment.unknown", reported.providerRef()));
        PaymentOutcome outcome = reported;
        em.persist(new PaymentEventRecord(providerName, outcome.eventId(), payment.id(),
                outcome.succeeded() ? "SUCCEEDED" : "DECLINED", clock.instant()));
        if (payment.status() != Payment.Status.PENDING) {
            audit.record(providerName, "PAYMENT_EVENT_IGNORED", "order", payment.orderId(),
                    "event " + outcome.eventId() + " after the payment was already " + payment.status());
            return Applied.IGNORED;
        }
        if (outcome.succeeded() && (outcome.amount().compareTo(payment.amount().amount()) != 0
                || !outcome.currency().equals(payment.amount().currency()))) {
            // a payment of another amount does not pay the order: it is refunded and the order declined
            risks.record(RiskCategory.PAYMENT, "PAYMENT_AMOUNT_MISMATCH", RiskEvent.Severity.REVIEW, "order",
                    payment.orderId(), null, "provider reported " + outcome.amount() + " " + outcome.currency()
                            + ", the order is " + payment.amount().amount() + " " + payment.amount().currency());
            String refundId = provider.refund(payment.providerRef(), new Money(outcome.amount(), outcome.currency()),
                    "mismatch:" + outcome.eventId());
            outcome = new PaymentOutcome(outcome.eventId(), outcome.providerRef(), false, outcome.amount(), outcome.currency(),
                    outcome.payerName(), outcome.payerIdNumber(), outcome.transactionId(), outcome.at(),
                    "amount_mismatch (refund " + refundId + ")");
        }
        payment.completed(outcome);
        audit.record(providerName, outcome.succeeded() ? "PAYMENT_SUCCEEDED" : "PAYMENT_DECLINED", "order",
                payment.orderId(), payment.amount().amount().toPlainString() + " " + payment.amount().currency()
                        + (outcome.succeeded() ? ", transaction " + payment.transactionId() : ", " + payment.declineReason()));
        completed.fire(new PaymentCompleted(payment.orderId(), payment.id(), outcome.succeeded()));
        return Applied.APPLIED;
    }

    /** A chargeback event: recorded once per event id and handed to whoever handles disputes, in this transaction. */
    private Applied chargeback(ChargebackReport report) {
        if (report.disputeRef() == null || report.disputeRef().isBlank() || report.disputeRef().length() > 90
                || report.reason().length() > 100 || report.amount().signum() <= 0) {
            throw CaravelException.invalid("dispute", "error.payment.chargeback-event");
        }
        if (em.find(PaymentEventRecord.class, new PaymentEventRecord.Key(provider.name(), report.eventId())) != null) {
            return Applied.REPEATED;
        }
        Payment payment = em.createQuery("select p from Payment p where p.provider = :p and p.providerRef = :r", Payment.class)
                .setParameter("p", provider.name()).setParameter("r", report.paymentRef()).getResultStream().findFirst()
                .orElseThrow(() -> CaravelException.invalid("dispute.paymentRef", "error.payment.unknown", report.paymentRef()));
        em.persist(new PaymentEventRecord(provider.name(), report.eventId(), payment.id(), "CHARGEBACK_" + report.stage()
                + (report.outcome() == null ? "" : "_" + report.outcome()), clock.instant()));
        audit.record(provider.name(), "CHARGEBACK_REPORTED", "order", payment.orderId(), report.stage() + " " + report.disputeRef()
                + ", " + report.amount().toPlainString() + " " + report.currency() + ", due " + report.dueBy()
                + (report.outcome() == null ? "" : ", " + report.outcome()));
        chargebacks.fire(new ChargebackReported(payment.orderId(), payment.id(), report));
        return Applied.APPLIED;
    }

    /**
     * Records that a chargeback took money back from the order's payment (lost, or accepted: then the
     * provider is told), once per key; nothing is paid out again. Answers what the key recorded.
     */
    public PaymentRefund chargebackLost(String orderId, Money amount, String key, String disputeRef, boolean accept) {
        PaymentRefund earlier = refundOfKey(key);
        if (earlier != null) {
            return earlier;
        }
        Payment payment = refundablePayment(orderId).orElse(null);
        if (payment == null) {
            return null;
        }
        if (accept) {
            provider.acceptChargeback(disputeRef);
        }
        Money taken = amount.amount().compareTo(payment.refundable().amount()) > 0 ? payment.refundable() : amount;
        PaymentRefund made = new PaymentRefund(payment.id(), key, taken, disputeRef, accept ? "chargeback accepted"
                : "chargeback lost", clock.instant());
        em.persist(made);
        payment.refunded(taken.amount(), disputeRef, made.createdAt());
        audit.record(payment.provider(), accept ? "CHARGEBACK_ACCEPTED" : "CHARGEBACK_LOST", "order", orderId,
                taken.amount().toPlainString() + " " + taken.currency() + " taken back by chargeback " + disputeRef);
        return made;
    }

    /** Sends the merchant's evidence against a chargeback to the provider. */
    public void contestChargeback(String disputeRef, String evidence) {
        provider.contestChargeback(disputeRef, evidence);
    }

    /** The simulated cardholder's bank raises or moves a chargeback of the order's payment (simulator only). */
    public String simulateChargeback(String orderId, SimulatedPaymentProvider.SimulatedChargeback chargeback, URI webhook) {
        if (!simulator.available()) {
            throw CaravelException.notFound("payment simulator", orderId);
        }
        Payment payment = ofOrder(orderId).stream().filter(p -> p.status() != Payment.Status.PENDING
                        && p.status() != Payment.Status.DECLINED).findFirst()
                .orElseThrow(() -> CaravelException.conflict("error.payment.not-completed"));
        return simulator.chargeback(payment, chargeback, webhook);
    }

    /** Refunds what is left of the order's succeeded payment, once per key (an order cancelled, a late payment). */
    public void refund(String orderId) {
        refund(orderId, null, "order:" + orderId, "order cancelled");
    }

    /**
     * Refunds {@code amount} of the order's payment (all that is left when null), once per refund key:
     * asked again with the same key it answers the refund made then and pays nothing more. Answers
     * null when nothing was paid or nothing is left. More than is left is refused (409).
     */
    public PaymentRefund refund(String orderId, Money amount, String refundKey, String reason) {
        PaymentRefund earlier = refundOfKey(refundKey);
        if (earlier != null) {
            return earlier;
        }
        Payment payment = refundablePayment(orderId).orElse(null);
        if (payment == null) {
            return null;
        }
        em.lock(payment, jakarta.persistence.LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        Money left = payment.refundable();
        Money refund = amount == null ? left : amount;
        if (!refund.currency().equals(left.currency()) || refund.amount().signum() <= 0
                || refund.amount().compareTo(left.amount()) > 0) {
            throw CaravelException.conflict("error.payment.refund-exceeds", left.amount().toPlainString(), left.currency());
        }
        String refundId = provider.refund(payment.providerRef(), refund, refundKey);
        PaymentRefund made = new PaymentRefund(payment.id(), refundKey, refund, refundId, reason, clock.instant());
        em.persist(made);
        payment.refunded(refund.amount(), refundId, made.createdAt());
        audit.record(payment.provider(), "PAYMENT_REFUNDED", "order", orderId,
                refund.amount().toPlainString() + " " + refund.currency() + ", refund " + refundId + " (" + reason + ")");
        return made;
    }

    /** What can still be refunded of the order's payment (zero when nothing was paid). */
    public Money refundable(String orderId) {
        return refundablePayment(orderId).map(Payment::refundable).orElse(new Money(java.math.BigDecimal.ZERO, "XXX"));
    }

    /** The order's payment that still has something to refund. */
    private Optional<Payment> refundablePayment(String orderId) {
        return ofOrder(orderId).stream().filter(p -> p.refundable().amount().signum() > 0).findFirst();
    }

    /** The refund made earlier under a key, or null. */
    private PaymentRefund refundOfKey(String key) {
        return em.createQuery("select r from PaymentRefund r where r.refundKey = :k", PaymentRefund.class)
                .setParameter("k", key).getResultStream().findFirst().orElse(null);
    }

    /** What the refunds whose keys start with the prefix paid back in all. */
    public java.math.BigDecimal refunded(String keyPrefix) {
        java.math.BigDecimal sum = em.createQuery("select sum(r.amount) from PaymentRefund r where r.refundKey like :k",
                java.math.BigDecimal.class).setParameter("k", keyPrefix.replace("%", "") + "%").getSingleResult();
        return sum == null ? java.math.BigDecimal.ZERO : sum;
    }

    /** Demo mode: the order's payment approved through the simulator's signed event, delivered in-process (no HTTP). */
    public Applied simulateInProcess(String orderId, SimulatedPaymentProvider.Simulation simulation) {
        Payment payment = ofOrder(orderId).stream().filter(p -> p.status() == Payment.Status.PENDING).findFirst()
                .orElseThrow(() -> CaravelException.conflict("error.payment.completed"));
        String body = simulator.event(payment, simulation);
        return webhook(SimulatedPaymentProvider.NAME, simulator.signature(body), body);
    }

    /** The simulator's payment page: the buyer of the order approves or declines (simulator only). */
    public void simulate(Caller caller, String providerRef, SimulatedPaymentProvider.Simulation simulation, URI webhook) {
        if (!simulator.available()) {
            throw CaravelException.notFound("payment simulator", providerRef);
        }
        Payment payment = em.createQuery("select p from Payment p where p.provider = :p and p.providerRef = :r", Payment.class)
                .setParameter("p", SimulatedPaymentProvider.NAME).setParameter("r", providerRef).getResultStream()
                .filter(p -> p.buyer().equals(caller.username())).findFirst()
                .orElseThrow(() -> CaravelException.notFound("payment", providerRef));
        if (payment.status() != Payment.Status.PENDING) {
            throw CaravelException.conflict("error.payment.completed");
        }
        simulator.simulate(payment, simulation, webhook);
    }
}
