package io.caravel.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    @Test
    void theHeaderCarriesTheTimeAndTheHmacOfTimeDotBody() {
        // HMAC-SHA256("key", "The quick brown fox jumps over the lazy dog"), a published test value
        assertThat(WebhookSignature.hmac("key", "The quick brown fox jumps over the lazy dog"))
                .isEqualTo("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
        String header = WebhookSignature.header("whsec_x", 1700000000L, "{\"id\":\"e1\"}");
        assertThat(header).isEqualTo("t=1700000000,v1=" + WebhookSignature.hmac("whsec_x", "1700000000.{\"id\":\"e1\"}"));
        assertThat(header).isNotEqualTo(WebhookSignature.header("whsec_y", 1700000000L, "{\"id\":\"e1\"}"));
        assertThat(header).isNotEqualTo(WebhookSignature.header("whsec_x", 1700000001L, "{\"id\":\"e1\"}"));
    }

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
