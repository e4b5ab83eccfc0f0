package io.caravel.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final String BODY = "{\"id\":\"e1\"}";

    @Test
    void theHeaderCarriesTheTimeAndTheHmacOfTimeDotBody() {
        // HMAC-SHA256("key", "The quick brown fox jumps over the lazy dog"), a published test value
        assertThat(WebhookSignature.hmac("key", "The quick brown fox jumps over the lazy dog"))
                .isEqualTo("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
        String header = WebhookSignature.sign("whsec_x", 1700000000L, BODY);
        assertThat(header).isEqualTo("t=1700000000,v1=" + WebhookSignature.hmac("whsec_x", "1700000000." + BODY));
    }

    @Test
    void onlyTheSameSecretBodyAndARecentTimeVerify() {
        Clock now = Clock.fixed(Instant.ofEpochSecond(1700000100L), ZoneOffset.UTC);
        String header = WebhookSignature.sign("whsec_x", 1700000000L, BODY);
        assertThat(WebhookSignature.verify("whsec_x", header, BODY, now)).isTrue();
        assertThat(WebhookSignature.verify("whsec_y", header, BODY, now)).isFalse();
        assertThat(WebhookSignature.verify("whsec_x", header, BODY + " ", now)).isFalse();
        assertThat(WebhookSignature.verify("whsec_x", header.replace("t=1700000000", "t=1700000001"), BODY, now)).isFalse();
        Clock later = Clock.fixed(Instant.ofEpochSecond(1700000000L + 301), ZoneOffset.UTC);
        assertThat(WebhookSignature.verify("whsec_x", header, BODY, later)).isFalse();
        assertThat(WebhookSignature.verify("whsec_x", null, BODY, now)).isFalse();
    }
}
