package io.caravel.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The webhook settings (docs/operations.md, Webhooks). */
@ApplicationScoped
public class WebhookSettings {

    @Inject
    @ConfigProperty(name = "caravel.webhooks.require-https", defaultValue = "true")
    boolean requireHttps;

    @Inject
    @ConfigProperty(name = "caravel.webhooks.allow-private-addresses", defaultValue = "false")
    boolean allowPrivateAddresses;

    @Inject
    @ConfigProperty(name = "caravel.webhooks.retry-base", defaultValue = "PT30S")
    String retryBase;

    @Inject
    @ConfigProperty(name = "caravel.webhooks.max-attempts", defaultValue = "10")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "caravel.webhooks.timeout", defaultValue = "PT10S")
    String timeout;

    @Inject
    @ConfigProperty(name = "caravel.webhooks.keep-log", defaultValue = "P30D")
    String keepLog;

    /** How long finished deliveries and their attempts stay in the log. */
    public Duration keepLog() {
        return Duration.parse(keepLog);
    }

    public WebhookTargets targets() {
        return new WebhookTargets(requireHttps, allowPrivateAddresses);
    }

    /** How long after failed attempt {@code n} (1, 2, ...) the next one is made: base × 2^(n-1), at most 6 hours. */
    public Duration retryAfter(int attempt) {
        Duration base = Duration.parse(retryBase);
        Duration delay = base.multipliedBy(1L << Math.min(attempt - 1, 20));
        Duration cap = Duration.ofHours(6);
        return delay.compareTo(cap) > 0 ? cap : delay;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    public Duration timeout() {
        return Duration.parse(timeout);
    }
}
