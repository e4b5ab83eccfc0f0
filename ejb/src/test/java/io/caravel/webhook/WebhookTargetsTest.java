package io.caravel.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caravel.platform.CaravelException;
import org.junit.jupiter.api.Test;

class WebhookTargetsTest {

    private final WebhookTargets strict = new WebhookTargets(true, false);

    @Test
    void anHttpsAddressOnAPublicNumberIsAccepted() {
        assertThat(strict.parse(" https://203.0.113.7/hooks?tenant=4 ").toString()).isEqualTo("https://203.0.113.7/hooks?tenant=4");
    }

    @Test
    void plainHttpNeedsTheSetting() {
        assertRefused(strict, "http://203.0.113.7/hooks", "error.webhook.https");
        assertThat(new WebhookTargets(false, false).parse("http://203.0.113.7/hooks")).isNotNull();
    }

    @Test
    void addressesOfThisHostOrAPrivateNetworkAreRefused() {
        for (String url : new String[] {"https://127.0.0.1/admin", "https://localhost:8080/", "https://10.1.2.3/",
                "https://192.168.0.10/", "https://172.16.5.5/", "https://169.254.169.254/latest/meta-data",
                "https://[::1]/", "https://[fd00::1]/", "https://0.0.0.0/", "https://100.64.0.1/"}) {
            assertRefused(strict, url, "error.webhook.private-address");
        }
        assertThat(new WebhookTargets(true, true).parse("https://127.0.0.1/hooks")).isNotNull();
    }

    @Test
    void whatIsNotAnAbsoluteHttpUrlIsRefused() {
        for (String url : new String[] {"", "   ", "hooks", "/hooks", "ftp://203.0.113.7/", "https://user:pw@203.0.113.7/",
                "https://203.0.113.7/#part", "https:///nohost", "javascript:alert(1)", "https://" + "a".repeat(2000) + ".com/"}) {
            assertRefused(strict, url, "error.webhook.url");
        }
        assertRefused(strict, null, "error.webhook.url");
        // where plain http is allowed, the message says so
        assertRefused(new WebhookTargets(false, false), "ftp://203.0.113.7/", "error.webhook.url-http-allowed");
    }

    private static void assertRefused(WebhookTargets targets, String url, String key) {
        assertThatThrownBy(() -> targets.parse(url)).as(url).isInstanceOfSatisfying(CaravelException.class, e -> {
            assertThat(e.fieldErrors()).hasSize(1);
            assertThat(e.fieldErrors().get(0).field()).isEqualTo("url");
            assertThat(e.fieldErrors().get(0).messageKey()).isEqualTo(key);
        });
    }
}
