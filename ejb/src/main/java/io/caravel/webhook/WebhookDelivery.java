package io.caravel.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * One event for one subscription: PENDING until a receiver answers 2xx (DELIVERED) or the attempts
 * run out (DEAD, redelivered by hand). A node sending it holds a lease, so two nodes never send it at
 * the same time; a lease of a node that died runs out and another node sends it.
 */
@Entity(name = "WebhookDelivery")
@Table(name = "webhook_delivery")
public class WebhookDelivery {

    public enum Status { PENDING, DELIVERED, DEAD }

    @Id
    private String id;
    @Column(name = "event_id", nullable = false, updatable = false)
    private String eventId;
    @Column(name = "subscription_id", nullable = false, updatable = false)
    private String subscriptionId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;
    @Column(nullable = false)
    private int attempts;
    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;
    @Column(name = "lease_owner")
    private String leaseOwner;
    @Column(name = "lease_until")
    private Instant leaseUntil;
    @Column(name = "last_status")
    private Integer lastStatus;
    @Column(name = "last_error")
    private String lastError;
    @Column(name = "delivered_at")
    private Instant deliveredAt;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Version
    private int version;

    protected WebhookDelivery() {
    }

    WebhookDelivery(String id, String eventId, String subscriptionId, Instant now) {
        this.id = id;
        this.eventId = eventId;
        this.subscriptionId = subscriptionId;
        this.status = Status.PENDING;
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    public String id() {
        return id;
    }

    public String eventId() {
        return eventId;
    }

    public String subscriptionId() {
        return subscriptionId;
    }

    public Status status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public Integer lastStatus() {
        return lastStatus;
    }

    public String lastError() {
        return lastError;
    }

    public Instant deliveredAt() {
        return deliveredAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    String leaseOwner() {
        return leaseOwner;
    }

    /** The receiver answered 2xx: never sent again. */
    void delivered(int httpStatus, Instant now) {
        attempts++;
        status = Status.DELIVERED;
        lastStatus = httpStatus;
        lastError = null;
        deliveredAt = now;
        nextAttemptAt = null;
        release();
    }

    /** An attempt failed: tried again at {@code retryAt}, or DEAD when that was the last attempt ({@code retryAt} null). */
    void failed(Integer httpStatus, String error, Instant retryAt) {
        attempts++;
        lastStatus = httpStatus;
        lastError = error;
        if (retryAt == null) {
            status = Status.DEAD;
            nextAttemptAt = null;
        } else {
            nextAttemptAt = retryAt;
        }
        release();
    }

    /** Sent again by hand after it went DEAD: a fresh round of attempts, starting now. */
    void redeliver(Instant now) {
        status = Status.PENDING;
        attempts = 0;
        nextAttemptAt = now;
        release();
    }

    private void release() {
        leaseOwner = null;
        leaseUntil = null;
    }
}
