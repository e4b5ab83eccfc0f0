package io.caravel.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An address that receives events: a seller's (its own events) or the platform's (an admin's: every
 * seller's events). The secret signs each delivery; it is shown when made and when rotated.
 */
@Entity(name = "WebhookSubscription")
@Table(name = "webhook_subscription")
public class WebhookSubscription {

    @Id
    private String id;
    @Column(nullable = false, updatable = false)
    private String owner;
    @Column(name = "seller_id", updatable = false)
    private String sellerId;
    @Column(nullable = false)
    private String url;
    private String description;
    @Column(name = "event_types", nullable = false)
    private String eventTypes;
    @Column(nullable = false)
    private String secret;
    @Column(nullable = false)
    private boolean active;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Version
    private int version;

    protected WebhookSubscription() {
    }

    WebhookSubscription(String id, String owner, String sellerId, String url, String description,
                        Collection<WebhookEventType> types, String secret, Instant now) {
        this.id = id;
        this.owner = owner;
        this.sellerId = sellerId;
        this.url = url;
        this.description = description;
        this.eventTypes = join(types);
        this.secret = secret;
        this.active = true;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public String id() {
        return id;
    }

    public String owner() {
        return owner;
    }

    /** The seller whose events it receives; null for a platform subscription (every seller's events). */
    public String sellerId() {
        return sellerId;
    }

    public String url() {
        return url;
    }

    public String description() {
        return description;
    }

    public Set<WebhookEventType> eventTypes() {
        return Arrays.stream(eventTypes.split(",")).map(String::strip).filter(name -> !name.isEmpty())
                .map(WebhookEventType::ofWireName).flatMap(java.util.Optional::stream)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(WebhookEventType.class)));
    }

    String secret() {
        return secret;
    }

    public boolean active() {
        return active;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    boolean receives(WebhookEventType type, String eventSellerId) {
        return active && eventTypes().contains(type) && (sellerId == null || sellerId.equals(eventSellerId));
    }

    void change(String newUrl, String newDescription, Collection<WebhookEventType> types, Boolean nowActive, Instant now) {
        if (newUrl != null) {
            url = newUrl;
        }
        if (newDescription != null) {
            description = newDescription.isBlank() ? null : newDescription;
        }
        if (types != null) {
            eventTypes = join(types);
        }
        if (nowActive != null) {
            active = nowActive;
        }
        updatedAt = now;
    }

    void rotate(String newSecret, Instant now) {
        secret = newSecret;
        updatedAt = now;
    }

    private static String join(Collection<WebhookEventType> types) {
        return types.stream().sorted().map(WebhookEventType::wireName).collect(Collectors.joining(","));
    }
}
