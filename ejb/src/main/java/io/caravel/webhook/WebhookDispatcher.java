package io.caravel.webhook;

import io.caravel.platform.WebhookSignature;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJBException;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends due deliveries, on every node: each second (and right after a transaction that raised an
 * event commits) it takes the leases of what is due, up to {@value #IN_FLIGHT} at a time, and posts
 * each on the managed executor with the JDK's HttpURLConnection (connect and answer timeouts, no
 * redirects; unlike java.net.http.HttpClient it starts no thread of its own, which would keep the
 * application's class loader after an undeploy),
 * so a slow receiver holds one slot, never the request that raised the event. Delivery is at least
 * once: a node that dies mid-attempt leaves a lease that runs out, and the event is sent again with
 * the same id.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class.getName());
    static final int IN_FLIGHT = 8;
    private static final int MAX_RESPONSE_READ = 1000;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    @Inject
    private WebhookDeliveries deliveries;

    @Inject
    private WebhookSettings settings;

    @Inject
    @ConfigProperty(name = "caravel.node.id")
    private Optional<String> configuredNodeId;

    @Resource
    private ManagedExecutorService executor;

    private final Semaphore slots = new Semaphore(IN_FLIGHT);
    private final AtomicBoolean looking = new AtomicBoolean();
    private volatile boolean stopping;
    private String node;

    @PostConstruct
    void start() {
        node = configuredNodeId.filter(id -> !id.isBlank()).orElseGet(WebhookDispatcher::hostName);
    }

    @PreDestroy
    void stop() {
        stopping = true;
    }

    @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
    void everySecond() {
        sendDue();
    }

    /** Each night: finished deliveries older than {@code caravel.webhooks.keep-log} leave the log. */
    @Schedule(hour = "3", minute = "17", persistent = false)
    void pruneLog() {
        try {
            int pruned;
            do {
                pruned = deliveries.prune(Instant.now().minus(settings.keepLog()));
                if (pruned > 0) {
                    LOG.info("Webhook log: " + pruned + " finished deliveries older than " + settings.keepLog() + " removed");
                }
            } while (pruned > 0 && !stopping);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Webhook log pruning failed; it runs again tomorrow", e);
        }
    }

    /** Looks for due deliveries now, on the executor (after a commit that raised an event). */
    public void nudge() {
        if (stopping) {
            return;
        }
        try {
            executor.execute(this::sendDue);
        } catch (RejectedExecutionException busy) {
            LOG.fine("webhook dispatcher nudge refused; the next round sends it");
        }
    }

    void sendDue() {
        if (stopping || !looking.compareAndSet(false, true)) {
            return;
        }
        try {
            int free = slots.availablePermits();
            if (free == 0) {
                return;
            }
            for (Object[] row : deliveries.due(free)) {
                if (stopping || !slots.tryAcquire()) {
                    return;
                }
                Optional<WebhookDeliveries.Claim> claim = take((String) row[0], ((Number) row[1]).intValue());
                if (claim.isEmpty()) {
                    slots.release();
                    continue;
                }
                try {
                    executor.execute(() -> deliver(claim.get()));
                } catch (RejectedExecutionException busy) {
                    slots.release(); // the lease runs out and the delivery is taken again
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Webhook dispatcher round failed; the next round tries again", e);
        } finally {
            looking.set(false);
        }
    }

    private Optional<WebhookDeliveries.Claim> take(String id, int version) {
        try {
            return deliveries.claim(id, version);
        } catch (EJBException | jakarta.persistence.PersistenceException raced) {
            return Optional.empty(); // another node's transaction held the row: it took it
        }
    }

    private void deliver(WebhookDeliveries.Claim claim) {
        try {
            deliveries.record(claim, post(claim), node);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not record webhook delivery " + claim.deliveryId()
                    + "; its lease runs out and it is sent again", e);
        } finally {
            slots.release();
        }
    }

    private WebhookDeliveries.Outcome post(WebhookDeliveries.Claim claim) {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        URI uri = URI.create(claim.url());
        Optional<String> refused = settings.targets().refusedAddress(uri);
        if (refused.isPresent()) {
            return new WebhookDeliveries.Outcome(started, 0, null, WebhookFailure.REFUSED_ADDRESS.text(refused.get()), null);
        }
        byte[] body = claim.payload().getBytes(StandardCharsets.UTF_8);
        HttpURLConnection connection = null;
        try {
            connection = (HttpURLConnection) uri.toURL().openConnection();
            connection.setConnectTimeout((int) CONNECT_TIMEOUT.toMillis());
            connection.setReadTimeout((int) settings.timeout().toMillis());
            connection.setInstanceFollowRedirects(false);
            connection.setUseCaches(false);
            connection.setRequestMethod("POST");
            connection.setDoOutput(true);
            connection.setFixedLengthStreamingMode(body.length);
            connection.setRequestProperty("Content-Type", "application/json; charset=utf-8");
            connection.setRequestProperty("User-Agent", "Caravel-Webhooks/1");
            connection.setRequestProperty("Caravel-Event-Id", claim.eventId());
            connection.setRequestProperty("Caravel-Event-Type", claim.eventType());
            connection.setRequestProperty("Caravel-Delivery-Id", claim.deliveryId());
            connection.setRequestProperty("Caravel-Delivery-Attempt", Integer.toString(claim.attempt()));
            connection.setRequestProperty(WebhookSignature.HEADER,
                    WebhookSignature.sign(claim.secret(), started.getEpochSecond(), claim.payload()));
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body);
            }
            int status = connection.getResponseCode();
            String answer;
            try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
                answer = in == null ? "" : new String(in.readNBytes(MAX_RESPONSE_READ), StandardCharsets.UTF_8);
            }
            String error = status >= 200 && status < 300 ? null
                    : status >= 300 && status < 400 ? WebhookFailure.REDIRECT.text(Integer.toString(status)) : "HTTP " + status;
            return new WebhookDeliveries.Outcome(started, millisSince(t0), status, error, answer);
        } catch (SocketTimeoutException e) {
            return new WebhookDeliveries.Outcome(started, millisSince(t0), null,
                    WebhookFailure.NO_ANSWER.text(Long.toString(settings.timeout().toSeconds())), null);
        } catch (UnknownHostException e) {
            return new WebhookDeliveries.Outcome(started, millisSince(t0), null, WebhookFailure.UNKNOWN_HOST.text(uri.getHost()), null);
        } catch (IOException | IllegalArgumentException e) {
            if (connection != null) {
                connection.disconnect();
            }
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new WebhookDeliveries.Outcome(started, millisSince(t0), null,
                    WebhookFailure.CONNECT.text(e instanceof javax.net.ssl.SSLException ? "TLS: " + reason : reason), null);
        }
    }

    private static long millisSince(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
