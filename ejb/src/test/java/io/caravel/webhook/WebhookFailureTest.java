package io.caravel.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The delivery log's failure sentences are read back as what they say, for a page to say them in its language. */
class WebhookFailureTest {

    @Test
    void eachSentenceIsReadBackWithItsDetail() {
        for (WebhookFailure failure : WebhookFailure.values()) {
            String recorded = failure.text("receiver.example");
            assertThat(WebhookFailure.read(recorded)).contains(new WebhookFailure.Read(failure, "receiver.example"));
        }
    }

    @Test
    void theParticularFormWinsOverTheGeneralOne() {
        // "could not connect: the host … is unknown" also starts like any connection failure
        assertThat(WebhookFailure.read("could not connect: the host hooks.example is unknown"))
                .contains(new WebhookFailure.Read(WebhookFailure.UNKNOWN_HOST, "hooks.example"));
        assertThat(WebhookFailure.read("could not connect: Connection refused"))
                .contains(new WebhookFailure.Read(WebhookFailure.CONNECT, "Connection refused"));
        assertThat(WebhookFailure.read("no answer within 10 s")).contains(new WebhookFailure.Read(WebhookFailure.NO_ANSWER, "10"));
    }

    @Test
    void theUsualReasonsAConnectionFailsAreToldApart() {
        assertThat(WebhookFailure.cause("Connection refused")).contains(WebhookFailure.Cause.REFUSED);
        assertThat(WebhookFailure.cause("Connection reset")).contains(WebhookFailure.Cause.RESET);
        assertThat(WebhookFailure.cause("No route to host")).contains(WebhookFailure.Cause.UNREACHABLE);
        assertThat(WebhookFailure.cause("Network is unreachable (connect failed)")).contains(WebhookFailure.Cause.UNREACHABLE);
        assertThat(WebhookFailure.cause("Connect timed out")).contains(WebhookFailure.Cause.TIMED_OUT);
        assertThat(WebhookFailure.cause("TLS: PKIX path building failed")).contains(WebhookFailure.Cause.TLS);
        assertThat(WebhookFailure.cause("something else entirely")).isEmpty();
        assertThat(WebhookFailure.read("redirect not followed (HTTP 302)"))
                .contains(new WebhookFailure.Read(WebhookFailure.REDIRECT, "302"));
    }

    @Test
    void otherTextsAreNotFailuresOfTheseForms() {
        assertThat(WebhookFailure.read(null)).isEmpty();
        assertThat(WebhookFailure.read("HTTP 500")).isEmpty();
        assertThat(WebhookFailure.read("could not connect: ")).isEmpty();
    }
}
