package io.caravel.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An event in the outbox: written in the transaction of the change that raised it (so it exists
 * exactly when the change committed), with the JSON body every receiver gets. Its id is the event id
 * receivers use to recognise a repeat.
 */
@Entity(name = "WebhookEvent")
@Table(name = "webhook_event")
public class WebhookEvent {

    @Id
    private String id;
    @Enumerated(EnumType.STRING)
    @Column(name = "event_type", nullable = false, updatable = false)
    private WebhookEventType type;
    @Column(name = "seller_id", updatable = false)
    private String sellerId;
    @Column(name = "subject_id", nullable = false, updatable = false)
    private String subjectId;
    @Lob
    @Column(nullable = false, updatable = false)
    private String payload;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected WebhookEvent() {
    }

    WebhookEvent(String id, WebhookEventType type, String sellerId, String subjectId, String payload, Instant createdAt) {
        this.id = id;
        this.type = type;
        this.sellerId = sellerId;
        this.subjectId = subjectId;
        this.payload = payload;
        this.createdAt = createdAt;
    }

    public String id() {
        return id;
    }

    public WebhookEventType type() {
        return type;
    }

    public String sellerId() {
        return sellerId;
    }

    public String subjectId() {
        return subjectId;
    }

    public String payload() {
        return payload;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
