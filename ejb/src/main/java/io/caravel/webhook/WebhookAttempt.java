package io.caravel.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One try to deliver an event: when, how long, what the receiver answered (or why there was no answer). */
@Entity(name = "WebhookAttempt")
@Table(name = "webhook_attempt")
public class WebhookAttempt {

    @Id
    private String id;
    @Column(name = "delivery_id", nullable = false, updatable = false)
    private String deliveryId;
    @Column(nullable = false, updatable = false)
    private int attempt;
    @Column(name = "started_at", nullable = false, updatable = false)
    private Instant startedAt;
    @Column(name = "duration_ms", nullable = false, updatable = false)
    private long durationMs;
    @Column(name = "http_status", updatable = false)
    private Integer httpStatus;
    @Column(updatable = false)
    private String error;
    @Column(updatable = false)
    private String response;
    @Column(nullable = false, updatable = false)
    private String node;

    protected WebhookAttempt() {
    }

    WebhookAttempt(String id, String deliveryId, int attempt, Instant startedAt, long durationMs, Integer httpStatus,
                   String error, String response, String node) {
        this.id = id;
        this.deliveryId = deliveryId;
        this.attempt = attempt;
        this.startedAt = startedAt;
        this.durationMs = durationMs;
        this.httpStatus = httpStatus;
        this.error = error;
        this.response = response;
        this.node = node;
    }

    public String deliveryId() {
        return deliveryId;
    }

    public int attempt() {
        return attempt;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public long durationMs() {
        return durationMs;
    }

    public Integer httpStatus() {
        return httpStatus;
    }

    public String error() {
        return error;
    }

    public String response() {
        return response;
    }

    public String node() {
        return node;
    }
}
