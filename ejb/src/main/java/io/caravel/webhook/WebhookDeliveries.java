package io.caravel.webhook;

import io.caravel.platform.Ids;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The dispatcher's transactions, each short and on its own: find what is due, take one delivery
 * (a lease, won by exactly one node), and record an attempt's outcome.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class WebhookDeliveries {

    private static final int MAX_TEXT = 500;
    private static final int MAX_RESPONSE = 1000;

    @PersistenceContext(unitName = "caravel")
    private EntityManager em;

    @Inject
    private WebhookSettings settings;

    private final Clock clock = Clock.systemUTC();

    /** A delivery this node holds the lease of, with what to send. */
    public record Claim(String deliveryId, String leaseOwner, int attempt, String url, String secret, String eventId,
                        String eventType, String payload) {
    }

    /** What came of one attempt: the receiver's status (null: no answer), why it failed, what it answered. */
    public record Outcome(Instant startedAt, long durationMs, Integer httpStatus, String error, String response) {
        boolean success() {
            return httpStatus != null && httpStatus >= 200 && httpStatus < 300;
        }
    }

    /**
     * The ids and versions of up to {@code limit} deliveries due now and not held by a live lease,
     * oldest first; those of a paused subscription wait until it is resumed.
     */
    public List<Object[]> due(int limit) {
        Instant now = clock.instant();
        return em.createQuery("select d.id, d.version from WebhookDelivery d, WebhookSubscription s"
                        + " where s.id = d.subscriptionId and s.active = true and d.status = :pending"
                        + " and d.nextAttemptAt <= :now and (d.leaseUntil is null or d.leaseUntil < :now)"
                        + " order by d.nextAttemptAt", Object[].class)
                .setParameter("pending", WebhookDelivery.Status.PENDING).setParameter("now", now)
                .setMaxResults(limit).getResultList();
    }

    /**
     * Takes the lease of a delivery if it is still at {@code version} (no other node took it since it
     * was read); the lease outlasts the longest attempt, so only a node that died loses one.
     */
    public Optional<Claim> claim(String deliveryId, int version) {
        Instant now = clock.instant();
        String owner = Ids.newId();
        int taken = em.createQuery("update WebhookDelivery d set d.leaseOwner = :owner, d.leaseUntil = :until,"
                        + " d.version = d.version + 1 where d.id = :id and d.version = :version and d.status = :pending")
                .setParameter("owner", owner).setParameter("until", now.plus(settings.timeout().multipliedBy(3))
                        .plus(Duration.ofSeconds(30)))
                .setParameter("id", deliveryId).setParameter("version", version)
                .setParameter("pending", WebhookDelivery.Status.PENDING).executeUpdate();
        if (taken != 1) {
            return Optional.empty();
        }
        WebhookDelivery delivery = em.find(WebhookDelivery.class, deliveryId);
        em.refresh(delivery);
        WebhookEvent event = em.find(WebhookEvent.class, delivery.eventId());
        WebhookSubscription subscription = em.find(WebhookSubscription.class, delivery.subscriptionId());
        return Optional.of(new Claim(deliveryId, owner, delivery.attempts() + 1, subscription.url(), subscription.secret(),
                event.id(), event.type().wireName(), event.payload()));
    }

    /** Records an attempt and moves the delivery on: delivered, retried later, or DEAD after the last attempt. */
    public void record(Claim claim, Outcome outcome, String node) {
        // locked first: deleting the subscription or pruning the log waits for this attempt, or this waits for them
        WebhookDelivery delivery = em.find(WebhookDelivery.class, claim.deliveryId(), LockModeType.PESSIMISTIC_WRITE);
        if (delivery == null) {
            return; // its subscription was deleted meanwhile
        }
        em.persist(new WebhookAttempt(Ids.newId(), claim.deliveryId(), claim.attempt(), outcome.startedAt(),
                outcome.durationMs(), outcome.httpStatus(), cut(outcome.error(), MAX_TEXT),
                cut(outcome.response(), MAX_RESPONSE), node));
        if (delivery.status() != WebhookDelivery.Status.PENDING || !claim.leaseOwner().equals(delivery.leaseOwner())) {
            return; // redelivered by hand or taken over meanwhile: the attempt is logged, the state is not ours
        }
        if (outcome.success()) {
            delivery.delivered(outcome.httpStatus(), clock.instant());
        } else {
            boolean last = claim.attempt() >= settings.maxAttempts();
            delivery.failed(outcome.httpStatus(), cut(outcome.error(), MAX_TEXT),
                    last ? null : clock.instant().plus(settings.retryAfter(claim.attempt())));
        }
    }

    /**
     * Forgets what is finished and older than the log is kept: delivered and dead deliveries with
     * their attempts, then events no delivery refers to. Any node may run it; a second run finds nothing.
     */
    public int prune(Instant before) {
        List<String> old = em.createQuery("select d.id from WebhookDelivery d where d.status <> :pending"
                        + " and d.createdAt < :before", String.class)
                .setParameter("pending", WebhookDelivery.Status.PENDING).setParameter("before", before)
                .setMaxResults(5000).getResultList();
        if (old.isEmpty()) {
            return 0;
        }
        lock(em.createQuery("update WebhookDelivery d set d.version = d.version + 1 where d.id in :ids")
                .setParameter("ids", old));
        em.createQuery("delete from WebhookAttempt a where a.deliveryId in :ids").setParameter("ids", old).executeUpdate();
        int deleted = em.createQuery("delete from WebhookDelivery d where d.id in :ids").setParameter("ids", old)
                .executeUpdate();
        em.createQuery("delete from WebhookEvent e where e.createdAt < :before and not exists"
                + " (select d.id from WebhookDelivery d where d.eventId = e.id)").setParameter("before", before).executeUpdate();
        return deleted;
    }

    /**
     * Runs an update that touches deliveries, holding their rows until the transaction ends: an
     * attempt being recorded for one of them ({@link #record}, which locks its delivery) finishes
     * first or waits, so deleting a delivery's attempts and then the delivery never races a new attempt.
     */
    static void lock(jakarta.persistence.Query touchDeliveries) {
        touchDeliveries.executeUpdate();
    }

    private static String cut(String text, int max) {
        if (text == null) {
            return null;
        }
        String clean = text.replaceAll("\\p{Cntrl}", " ").strip();
        return clean.length() <= max ? clean : clean.substring(0, max - 1) + "…";
    }
}
