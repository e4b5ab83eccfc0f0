package io.caravel.webhook;

import io.caravel.audit.AuditTrail;
import io.caravel.platform.Caller;
import io.caravel.platform.CaravelException;
import io.caravel.platform.Ids;
import io.caravel.platform.JsonP;
import io.caravel.platform.Page;
import io.caravel.platform.PageRequest;
import io.caravel.platform.ProblemType;
import io.caravel.platform.TimeCursor;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Webhooks: subscriptions of sellers (their own events) and admins (every seller's events), and the
 * one way business components raise an event ({@link #raise}): in the transaction of the change, an
 * outbox row and one delivery per subscription that wants it. {@link WebhookDispatcher} sends them
 * after the commit; a change that rolls back leaves nothing to send.
 */
@Stateless
public class Webhooks {

    static final int MAX_SUBSCRIPTIONS = 10;
    private static final int MAX_DESCRIPTION = 200;
    private static final String SECRET_PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "caravel")
    private EntityManager em;

    @Inject
    private AuditTrail audit;

    @Inject
    private WebhookSettings settings;

    @Inject
    private WebhookDispatcher dispatcher;

    @Resource
    private TransactionSynchronizationRegistry transactions;

    private final Clock clock = Clock.systemUTC();

    /** A subscription as its owner sees it: never the secret. */
    @Schema(name = "WebhookSubscription")
    public record SubscriptionView(String id, String owner, String sellerId, String url, String description,
                                   List<String> events, boolean active, Instant createdAt, Instant updatedAt) {
        static SubscriptionView of(WebhookSubscription s) {
            return new SubscriptionView(s.id(), s.owner(), s.sellerId(), s.url(), s.description(),
                    s.eventTypes().stream().map(WebhookEventType::wireName).toList(), s.active(), s.createdAt(),
                    s.updatedAt());
        }
    }

    /** A new subscription, or one with a new secret: the secret is shown this once. */
    @Schema(name = "WebhookWithSecret")
    public record WithSecret(SubscriptionView subscription, String secret) {
    }

    /** What a subscription is made of or changed to; null fields stay as they are when changing. */
    @Schema(name = "WebhookRequest")
    public record Request(String url, String description, List<String> events, Boolean active) {
    }

    /** One event for one subscription, and (when asked for one delivery) its attempts and body. */
    @Schema(name = "WebhookDelivery")
    public record DeliveryView(String id, String eventId, String eventType, String subscriptionId, String status,
                               int attempts, Instant nextAttemptAt, Integer lastStatus, String lastError,
                               Instant deliveredAt, Instant createdAt, List<AttemptView> attemptLog, String payload) {
    }

    /** One attempt to deliver: when, how long, what the receiver answered or why there was no answer. */
    @Schema(name = "WebhookAttempt")
    public record AttemptView(int attempt, Instant startedAt, long durationMs, Integer httpStatus, String error,
                              String response, String node) {
        static AttemptView of(WebhookAttempt a) {
            return new AttemptView(a.attempt(), a.startedAt(), a.durationMs(), a.httpStatus(), a.error(), a.response(),
                    a.node());
        }
    }

    // ---- raising events -------------------------------------------------------------------------------------

    /**
     * Records an event of {@code sellerId} (null: a platform event) about {@code subjectId} for every
     * active subscription that wants it, in the caller's transaction. {@code data} values are strings,
     * numbers, booleans or null; the body is {@code {id, type, createdAt, sellerId, data}}.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void raise(WebhookEventType type, String sellerId, String subjectId, Map<String, ?> data) {
        List<WebhookSubscription> receivers = em.createQuery("select s from WebhookSubscription s where s.active = true"
                        + " and (s.sellerId is null or s.sellerId = :seller)", WebhookSubscription.class)
                .setParameter("seller", sellerId == null ? "" : sellerId).getResultStream()
                .filter(s -> s.receives(type, sellerId)).toList();
        if (!receivers.isEmpty()) {
            record(type, sellerId, subjectId, data, receivers);
        }
    }

    /** The data of an event from name/value pairs, in that order; values may be null. */
    public static Map<String, Object> data(Object... namesAndValues) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            data.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return data;
    }

    /** Writes the event and one delivery per receiver; the deliveries, in the order of the receivers. */
    private List<WebhookDelivery> record(WebhookEventType type, String sellerId, String subjectId, Map<String, ?> data,
                                         List<WebhookSubscription> receivers) {
        Instant now = clock.instant();
        String eventId = Ids.newId();
        JsonObjectBuilder body = JsonP.PROVIDER.createObjectBuilder().add("id", eventId).add("type", type.wireName())
                .add("createdAt", now.toString());
        if (sellerId == null) {
            body.addNull("sellerId");
        } else {
            body.add("sellerId", sellerId);
        }
        JsonObjectBuilder fields = JsonP.PROVIDER.createObjectBuilder();
        data.forEach((name, value) -> {
            if (value == null) {
                fields.addNull(name);
            } else if (value instanceof Boolean flag) {
                fields.add(name, flag);
            } else if (value instanceof BigDecimal number) {
                fields.add(name, number);
            } else if (value instanceof Integer || value instanceof Long) {
                fields.add(name, ((Number) value).longValue());
            } else {
                fields.add(name, value.toString());
            }
        });
        body.add("data", fields);
        em.persist(new WebhookEvent(eventId, type, sellerId, subjectId, body.build().toString(), now));
        em.flush();
        List<WebhookDelivery> deliveries = new ArrayList<>();
        for (WebhookSubscription subscription : receivers) {
            WebhookDelivery delivery = new WebhookDelivery(Ids.newId(), eventId, subscription.id(), now);
            em.persist(delivery);
            deliveries.add(delivery);
        }
        sendAfterCommit();
        return deliveries;
    }

    /** Wakes the dispatcher when the transaction commits, so a delivery does not wait for its next round. */
    private void sendAfterCommit() {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    dispatcher.nudge();
                }
            }
        });
    }

    // ---- subscriptions --------------------------------------------------------------------------------------

    /** The event types a subscription may name. */
    public List<WebhookEventType> eventTypes() {
        return EnumSet.allOf(WebhookEventType.class).stream().filter(WebhookEventType::subscribable).toList();
    }

    public WithSecret subscribe(Caller caller, Request request) {
        String sellerId = scope(caller);
        if (request == null) {
            throw new CaravelException(ProblemType.VALIDATION, "error.body-required");
        }
        String url = settings.targets().parse(request.url()).toString();
        Set<WebhookEventType> types = types(request.events());
        String description = description(request.description());
        TypedQuery<Long> count = em.createQuery("select count(s) from WebhookSubscription s where s.active = true and "
                + (sellerId == null ? "s.sellerId is null" : "s.sellerId = :seller"), Long.class);
        if (sellerId != null) {
            count.setParameter("seller", sellerId);
        }
        long active = count.getSingleResult();
        if (active >= MAX_SUBSCRIPTIONS) {
            throw CaravelException.conflict("error.webhook.too-many", MAX_SUBSCRIPTIONS);
        }
        String secret = newSecret();
        WebhookSubscription subscription = new WebhookSubscription(Ids.newId(), caller.username(), sellerId, url,
                description, types, secret, clock.instant());
        if (Boolean.FALSE.equals(request.active())) {
            subscription.change(null, null, null, false, clock.instant());
        }
        em.persist(subscription);
        audit.record(caller.username(), "WEBHOOK_SUBSCRIBED", "webhook", subscription.id(), url + " " + types);
        return new WithSecret(SubscriptionView.of(subscription), secret);
    }

    public List<SubscriptionView> list(Caller caller) {
        String sellerId = scope(caller);
        TypedQuery<WebhookSubscription> query = caller.isAdmin()
                ? em.createQuery("select s from WebhookSubscription s order by s.createdAt desc", WebhookSubscription.class)
                : em.createQuery("select s from WebhookSubscription s where s.sellerId = :seller order by s.createdAt desc",
                        WebhookSubscription.class).setParameter("seller", sellerId);
        return query.setMaxResults(200).getResultStream().map(SubscriptionView::of).toList();
    }

    public SubscriptionView get(Caller caller, String id) {
        return SubscriptionView.of(subscription(caller, id));
    }

    public SubscriptionView change(Caller caller, String id, Request request) {
        WebhookSubscription subscription = subscription(caller, id);
        if (request == null) {
            throw new CaravelException(ProblemType.VALIDATION, "error.body-required");
        }
        String url = request.url() == null ? null : settings.targets().parse(request.url()).toString();
        Set<WebhookEventType> types = request.events() == null ? null : types(request.events());
        String description = request.description() == null ? null : description(request.description());
        subscription.change(url, description == null && request.description() != null ? "" : description, types,
                request.active(), clock.instant());
        audit.record(caller.username(), "WEBHOOK_CHANGED", "webhook", id, subscription.url() + " "
                + subscription.eventTypes() + (subscription.active() ? "" : " (paused)"));
        return SubscriptionView.of(subscription);
    }

    /** Deletes a subscription with its delivery log (the events stay for other subscriptions). */
    public void delete(Caller caller, String id) {
        WebhookSubscription subscription = subscription(caller, id);
        WebhookDeliveries.lock(em.createQuery("update WebhookDelivery d set d.version = d.version + 1"
                + " where d.subscriptionId = :s").setParameter("s", id));
        em.createQuery("delete from WebhookAttempt a where a.deliveryId in"
                + " (select d.id from WebhookDelivery d where d.subscriptionId = :s)").setParameter("s", id).executeUpdate();
        em.createQuery("delete from WebhookDelivery d where d.subscriptionId = :s").setParameter("s", id).executeUpdate();
        em.remove(subscription);
        audit.record(caller.username(), "WEBHOOK_DELETED", "webhook", id, subscription.url());
    }

    /** A new secret; the old one stops signing at once. */
    public WithSecret rotateSecret(Caller caller, String id) {
        WebhookSubscription subscription = subscription(caller, id);
        String secret = newSecret();
        subscription.rotate(secret, clock.instant());
        audit.record(caller.username(), "WEBHOOK_SECRET_ROTATED", "webhook", id, "");
        return new WithSecret(SubscriptionView.of(subscription), secret);
    }

    /** Sends a {@code webhook.ping} event to this subscription only, through the same outbox. */
    public DeliveryView ping(Caller caller, String id) {
        WebhookSubscription subscription = subscription(caller, id);
        WebhookDelivery delivery = record(WebhookEventType.PING, subscription.sellerId(), id,
                data("subscriptionId", id, "requestedBy", caller.username()), List.of(subscription)).get(0);
        return view(delivery, false);
    }

    // ---- the delivery log -----------------------------------------------------------------------------------

    /** A subscription's deliveries, newest first; {@code status} (PENDING, DELIVERED, DEAD) narrows them. */
    public Page<DeliveryView> deliveries(Caller caller, String id, String status, PageRequest page) {
        subscription(caller, id);
        WebhookDelivery.Status wanted = status == null || status.isBlank() ? null : deliveryStatus(status);
        StringBuilder jpql = new StringBuilder("select d from WebhookDelivery d where d.subscriptionId = :s");
        if (wanted != null) {
            jpql.append(" and d.status = :status");
        }
        TimeCursor after = page.after() == null ? null : TimeCursor.parse(page.after());
        if (after != null) {
            jpql.append(" and (d.createdAt < :at or (d.createdAt = :at and d.id < :id))");
        }
        jpql.append(" order by d.createdAt desc, d.id desc");
        TypedQuery<WebhookDelivery> query = em.createQuery(jpql.toString(), WebhookDelivery.class).setParameter("s", id);
        if (wanted != null) {
            query.setParameter("status", wanted);
        }
        if (after != null) {
            query.setParameter("at", after.at()).setParameter("id", after.id());
        }
        List<WebhookDelivery> rows = query.setMaxResults(page.limit() + 1).getResultList();
        List<WebhookDelivery> shown = rows.stream().limit(page.limit()).toList();
        // the page's events in one query, not one per delivery
        Map<String, WebhookEvent> events = new java.util.HashMap<>();
        if (!shown.isEmpty()) {
            em.createQuery("select e from WebhookEvent e where e.id in :ids", WebhookEvent.class)
                    .setParameter("ids", shown.stream().map(WebhookDelivery::eventId).collect(java.util.stream.Collectors.toSet()))
                    .getResultStream().forEach(event -> events.put(event.id(), event));
        }
        List<DeliveryView> items = new ArrayList<>();
        shown.forEach(d -> items.add(view(d, events.get(d.eventId()), false)));
        String next = null;
        if (rows.size() > page.limit()) {
            DeliveryView last = items.get(items.size() - 1);
            next = new TimeCursor(last.createdAt(), last.id()).next();
        }
        return new Page<>(items, next);
    }

    /** One delivery with every attempt and the body sent. */
    public DeliveryView delivery(Caller caller, String deliveryId) {
        return view(ownDelivery(caller, deliveryId), true);
    }

    /** Sends a DEAD delivery again (a fresh round of attempts); any other state is a conflict. */
    public DeliveryView redeliver(Caller caller, String deliveryId) {
        WebhookDelivery delivery = ownDelivery(caller, deliveryId);
        if (delivery.status() != WebhookDelivery.Status.DEAD) {
            throw CaravelException.conflict("error.webhook.not-dead");
        }
        delivery.redeliver(clock.instant());
        audit.record(caller.username(), "WEBHOOK_REDELIVERED", "webhook", delivery.subscriptionId(),
                "event " + delivery.eventId());
        sendAfterCommit();
        return view(delivery, false);
    }

    private WebhookDelivery ownDelivery(Caller caller, String deliveryId) {
        WebhookDelivery delivery = deliveryId == null ? null : em.find(WebhookDelivery.class, deliveryId);
        if (delivery == null) {
            throw CaravelException.notFound("delivery", deliveryId);
        }
        try {
            subscription(caller, delivery.subscriptionId());
        } catch (CaravelException notYours) {
            throw CaravelException.notFound("delivery", deliveryId);
        }
        return delivery;
    }

    private DeliveryView view(WebhookDelivery d, boolean full) {
        return view(d, em.find(WebhookEvent.class, d.eventId()), full);
    }

    private DeliveryView view(WebhookDelivery d, WebhookEvent event, boolean full) {
        List<AttemptView> attempts = full
                ? em.createQuery("select a from WebhookAttempt a where a.deliveryId = :d order by a.attempt, a.startedAt",
                        WebhookAttempt.class).setParameter("d", d.id()).getResultStream().map(AttemptView::of).toList()
                : null;
        return new DeliveryView(d.id(), d.eventId(), event.type().wireName(), d.subscriptionId(), d.status().name(),
                d.attempts(), d.nextAttemptAt(), d.lastStatus(), d.lastError(), d.deliveredAt(), d.createdAt(), attempts,
                full ? event.payload() : null);
    }

    // ---- rules ----------------------------------------------------------------------------------------------

    /** The seller whose events the caller subscribes to; null for an admin (platform events). */
    private static String scope(Caller caller) {
        if (caller.isAdmin()) {
            return null;
        }
        if (caller.sellerId() == null) {
            throw CaravelException.forbidden();
        }
        return caller.sellerId();
    }

    /** A subscription the caller may see: their seller's, or any for an admin; otherwise 404. */
    private WebhookSubscription subscription(Caller caller, String id) {
        String sellerId = scope(caller);
        WebhookSubscription subscription = id == null ? null : em.find(WebhookSubscription.class, id);
        if (subscription == null || !(caller.isAdmin() || sellerId.equals(subscription.sellerId()))) {
            throw CaravelException.notFound("webhook", id);
        }
        return subscription;
    }

    private Set<WebhookEventType> types(Collection<String> names) {
        if (names == null || names.isEmpty()) {
            throw CaravelException.invalid("events", "error.webhook.events", allowedNames());
        }
        Set<WebhookEventType> types = EnumSet.noneOf(WebhookEventType.class);
        for (String name : names) {
            WebhookEventType type = WebhookEventType.ofWireName(name == null ? "" : name.strip())
                    .filter(WebhookEventType::subscribable)
                    .orElseThrow(() -> CaravelException.invalid("events", "error.webhook.events", allowedNames()));
            types.add(type);
        }
        return types;
    }

    private String allowedNames() {
        return String.join(", ", eventTypes().stream().map(WebhookEventType::wireName).toList());
    }

    private static String description(String text) {
        String trimmed = text == null ? null : text.strip();
        if (trimmed != null && trimmed.length() > MAX_DESCRIPTION) {
            throw CaravelException.invalid("description", "error.webhook.description", MAX_DESCRIPTION);
        }
        return trimmed == null || trimmed.isEmpty() ? null : trimmed;
    }

    private static WebhookDelivery.Status deliveryStatus(String status) {
        try {
            return WebhookDelivery.Status.valueOf(status.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw CaravelException.invalid("status", "error.webhook.status");
        }
    }

    private static String newSecret() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        return SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
