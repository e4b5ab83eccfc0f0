package io.caravel.webhook;

import java.util.Arrays;
import java.util.Optional;

/**
 * What an integrator can subscribe to. The wire name ({@code listing.published}) is stable; the
 * words for people are in the bundles under {@code webhook.event.<wire name>}.
 */
public enum WebhookEventType {
    LISTING_PUBLISHED("listing.published"),
    LISTING_REJECTED("listing.rejected"),
    LISTING_CHANGES_REQUIRED("listing.changes-required"),
    APPLICATION_APPROVED("application.approved"),
    APPLICATION_REJECTED("application.rejected"),
    ORDER_PAID("order.paid"),
    ORDER_SHIPPED("order.shipped"),
    DECLARATION_CLEARED("declaration.cleared"),
    DECLARATION_HELD("declaration.held"),
    DISPUTE_OPENED("dispute.opened"),
    DISPUTE_DECIDED("dispute.decided"),
    /** Sent on request to one subscription to try the receiver; never subscribed to. */
    PING("webhook.ping");

    private final String wireName;

    WebhookEventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Whether a subscription may name it (every type but the ping, which goes to whoever asks). */
    public boolean subscribable() {
        return this != PING;
    }

    public static Optional<WebhookEventType> ofWireName(String name) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(name)).findFirst();
    }
}
