package io.caravel.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookSettingsTest {

    @Test
    void retriesWaitTwiceAsLongEachTimeUpToSixHours() {
        WebhookSettings settings = new WebhookSettings();
        settings.retryBase = "PT30S";
        assertThat(settings.retryAfter(1)).hasSeconds(30);
        assertThat(settings.retryAfter(2)).hasSeconds(60);
        assertThat(settings.retryAfter(5)).hasSeconds(480);
        assertThat(settings.retryAfter(40)).hasHours(6);
    }
}
