package io.caravel.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Webhooks as an integrator meets them, with a receiver on this machine: signed events of the
 * seller's own business only, retries until the receiver takes one (and never again after), the
 * dead letter and sending it again, the delivery log, and what a subscription may not be.
 */
@SharedServer.Use
class WebhookIT {

    private static final String WEBHOOKS = "/api/v1/webhooks";
    private static final Duration WITHIN = Duration.ofSeconds(60);

    @SharedServer.Base
    private URL base;

    private Api api;

    @BeforeEach
    void client() {
        api = new Api(base.toString());
    }

    @Test
    void aSellerReceivesSignedEventsOfItsOwnListingsOnly() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            JsonObject mine = subscribe("seller-a", receiver.url("/seller-a"), "listing.published", "listing.rejected");
            JsonObject theirs = subscribe("seller-b", receiver.url("/seller-b"), "listing.published");
            String secret = mine.getString("secret");
            assertThat(secret).startsWith("whsec_");
            String id = mine.getJsonObject("subscription").getString("id");
            assertThat(api.get(WEBHOOKS + "/" + id, "seller-a").json().getJsonArray("events").getValuesAs(
                    jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList())
                    .containsExactly("listing.published", "listing.rejected");
            assertThat(api.get(WEBHOOKS + "/" + id, "seller-a").body()).doesNotContain(secret);

            String listing = ListingFixtures.submitted(api, "Webhook probe " + UUID.randomUUID());
            List<WebhookReceiver.Received> got = receiver.await(r -> r.body().contains(listing), 1, WITHIN);
            WebhookReceiver.Received event = got.get(0);
            JsonObject body = json(event.body());
            assertThat(event.path()).isEqualTo("/seller-a");
            assertThat(event.signedWith(secret)).as(event.toString()).isTrue();
            assertThat(event.header("Caravel-Event-Id")).isEqualTo(body.getString("id"));
            assertThat(event.header("Caravel-Event-Type")).isEqualTo("listing.published");
            assertThat(event.header("Content-Type")).startsWith("application/json");
            assertThat(body.getString("type")).isEqualTo("listing.published");
            assertThat(body.getJsonObject("data").getString("listingId")).isEqualTo(listing);
            assertThat(body.getString("sellerId")).isEqualTo(api.get("/api/v1/me", "seller-a").json().getString("sellerId"));

            // seller-b's subscription to the same event type never hears of seller-a's listing
            Thread.sleep(2000);
            assertThat(receiver.received(r -> r.path().equals("/seller-b") && r.body().contains(listing))).isEmpty();

            JsonObject log = api.get(WEBHOOKS + "/" + id + "/deliveries", "seller-a").json();
            JsonObject delivery = log.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                    .filter(d -> d.getString("eventId").equals(body.getString("id"))).findFirst().orElseThrow();
            assertThat(delivery.getString("status")).isEqualTo("DELIVERED");
            assertThat(delivery.getInt("attempts")).isEqualTo(1);

            // another seller, a buyer and a stranger's id see nothing
            assertThat(api.get(WEBHOOKS + "/" + id, "seller-b").status()).isEqualTo(404);
            assertThat(api.get(WEBHOOKS + "/" + id + "/deliveries", "seller-b").status()).isEqualTo(404);
            assertThat(api.get(WEBHOOKS + "/deliveries/" + delivery.getString("id"), "seller-b").status()).isEqualTo(404);
            assertThat(api.get(WEBHOOKS, "seller-b").body()).doesNotContain(id);
            assertThat(api.get(WEBHOOKS, "buyer").status()).isEqualTo(403);
            assertThat(api.get(WEBHOOKS, "admin").body()).contains(id);
            delete("seller-b", theirs);
            delete("seller-a", mine);
        }
    }

    @Test
    void aFailingReceiverGetsTheEventOnTheFourthTryAndNeverAgain() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            JsonObject created = subscribe("seller-a", receiver.url("/flaky"), "order.paid");
            String id = created.getJsonObject("subscription").getString("id");
            receiver.failFirst(3);
            Api.Response ping = api.post(WEBHOOKS + "/" + id + "/ping", "seller-a", "");
            assertThat(ping.status()).as(ping.toString()).isEqualTo(202);
            String eventId = ping.json().getString("eventId");

            List<WebhookReceiver.Received> tries = receiver.await(r -> eventId.equals(r.header("Caravel-Event-Id")), 4, WITHIN);
            assertThat(tries).extracting(r -> r.header("Caravel-Delivery-Attempt")).containsExactly("1", "2", "3", "4");
            for (WebhookReceiver.Received attempt : tries) {
                assertThat(attempt.signedWith(created.getString("secret"))).isTrue();
                assertThat(json(attempt.body()).getString("type")).isEqualTo("webhook.ping");
            }
            JsonObject delivery = awaitDelivery(ping.json().getString("id"), "DELIVERED");
            assertThat(delivery.getInt("attempts")).isEqualTo(4);
            assertThat(delivery.getJsonArray("attemptLog").getValuesAs(JsonObject.class))
                    .extracting(a -> a.getInt("httpStatus")).containsExactly(500, 500, 500, 200);
            assertThat(delivery.getJsonArray("attemptLog").getJsonObject(0).getString("error")).isEqualTo("HTTP 500");

            // answered 2xx: never sent again (the retry spacing in the tests is 1, 2, 4 s)
            Thread.sleep(5000);
            assertThat(receiver.received(r -> eventId.equals(r.header("Caravel-Event-Id")))).hasSize(4);
            Api.Response again = api.post(WEBHOOKS + "/deliveries/" + delivery.getString("id") + "/redeliver", "seller-a", "");
            assertThat(again.status()).isEqualTo(409);
            delete("seller-a", created);
        }
    }

    @Test
    void aDeliveryWhoseAttemptsRunOutIsDeadUntilSentAgainByHand() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            JsonObject created = subscribe("admin", receiver.url("/down"), "dispute.opened");
            String id = created.getJsonObject("subscription").getString("id");
            receiver.failFirst(99);
            Api.Response ping = api.post(WEBHOOKS + "/" + id + "/ping", "admin", "");
            String deliveryId = ping.json().getString("id");
            String eventId = ping.json().getString("eventId");
            receiver.await(r -> eventId.equals(r.header("Caravel-Event-Id")), 4, WITHIN);
            JsonObject dead = awaitDelivery(deliveryId, "DEAD");
            assertThat(dead.getInt("attempts")).isEqualTo(4);
            assertThat(api.get(WEBHOOKS + "/" + id + "/deliveries?status=DEAD", "admin").body()).contains(deliveryId);

            receiver.failFirst(0);
            Api.Response redelivered = api.post(WEBHOOKS + "/deliveries/" + deliveryId + "/redeliver", "admin", "");
            assertThat(redelivered.status()).as(redelivered.toString()).isEqualTo(200);
            receiver.await(r -> eventId.equals(r.header("Caravel-Event-Id")), 5, WITHIN);
            JsonObject delivered = awaitDelivery(deliveryId, "DELIVERED");
            assertThat(delivered.getJsonArray("attemptLog")).hasSize(5);
            assertThat(delivered.getString("payload")).contains("\"type\":\"webhook.ping\"");
            delete("admin", created);
        }
    }

    @Test
    void aPausedSubscriptionHoldsItsDeliveriesUntilResumed() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            JsonObject created = subscribe("seller-b", receiver.url("/paused"), "order.shipped");
            String id = created.getJsonObject("subscription").getString("id");
            assertThat(api.send("PATCH", WEBHOOKS + "/" + id, "seller-b", "{\"active\": false}").status()).isEqualTo(200);
            Api.Response ping = api.post(WEBHOOKS + "/" + id + "/ping", "seller-b", "");
            String eventId = ping.json().getString("eventId");
            Thread.sleep(3000);
            assertThat(receiver.received(r -> r.path().equals("/paused"))).isEmpty();
            assertThat(api.send("PATCH", WEBHOOKS + "/" + id, "seller-b", "{\"active\": true}").status()).isEqualTo(200);
            receiver.await(r -> eventId.equals(r.header("Caravel-Event-Id")), 1, WITHIN);
            delete("seller-b", created);
        }
    }

    @Test
    void aSubscriptionSaysWhatIsWrongWithIt() {
        Api.Response ftp = api.post(WEBHOOKS, "seller-a", "{\"url\": \"ftp://example.com/x\", \"events\": [\"order.paid\"]}");
        assertThat(ftp.status()).isEqualTo(400);
        assertThat(ftp.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("url");
        Api.Response password = api.post(WEBHOOKS, "seller-a",
                "{\"url\": \"https://user:secret@example.com/x\", \"events\": [\"order.paid\"]}");
        assertThat(password.status()).isEqualTo(400);
        Api.Response unknown = api.post(WEBHOOKS, "seller-a",
                "{\"url\": \"https://example.com/x\", \"events\": [\"order.exploded\"]}");
        assertThat(unknown.status()).isEqualTo(400);
        JsonObject error = unknown.json().getJsonArray("errors").getJsonObject(0);
        assertThat(error.getString("field")).isEqualTo("events");
        assertThat(error.getString("message")).contains("listing.published", "dispute.decided");
        assertThat(api.post(WEBHOOKS, "seller-a", "{\"url\": \"https://example.com/x\", \"events\": []}").status())
                .isEqualTo(400);
        assertThat(api.post(WEBHOOKS, "buyer", "{\"url\": \"https://example.com/x\", \"events\": [\"order.paid\"]}")
                .status()).isEqualTo(403);
        assertThat(api.get(WEBHOOKS + "/no-such-id", "seller-a").status()).isEqualTo(404);
        assertThat(api.get(WEBHOOKS + "/event-types", "seller-a").body()).contains("listing.published")
                .doesNotContain("webhook.ping");
        assertThat(api.send("GET", WEBHOOKS + "/event-types", "seller-a", null, "Accept-Language", "zh").body())
                .contains("订单已全额付款");

        // paused, changed and resumed; a paused subscription keeps its log
        Api.Response made = api.post(WEBHOOKS, "seller-a", "{\"url\": \"https://example.com/hooks\", \"events\": [\"order.paid\"]}");
        String id = made.json().getJsonObject("subscription").getString("id");
        Api.Response paused = api.send("PATCH", WEBHOOKS + "/" + id, "seller-a",
                "{\"active\": false, \"events\": [\"order.paid\", \"order.shipped\"]}");
        assertThat(paused.status()).as(paused.toString()).isEqualTo(200);
        assertThat(paused.json().getBoolean("active")).isFalse();
        assertThat(paused.json().getJsonArray("events")).hasSize(2);
        Api.Response rotated = api.post(WEBHOOKS + "/" + id + "/rotate-secret", "seller-a", "");
        assertThat(rotated.json().getString("secret")).isNotEqualTo(made.json().getString("secret"));
        assertThat(api.send("DELETE", WEBHOOKS + "/" + id, "seller-a", null).status()).isEqualTo(204);
        assertThat(api.get(WEBHOOKS + "/" + id, "seller-a").status()).isEqualTo(404);
    }

    @Test
    @Tag("page")
    void aSellerSubscribesOnThePageTriesItAndReadsTheLog() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver();
             BrowserSession session = new BrowserSession(base)) {
            session.signIn("seller-b");
            session.open("account/webhooks.xhtml");
            session.click(By.id("langForm:lang-zh"));
            session.wait.until(ExpectedConditions.textToBe(By.id("page-title"), "Webhook"));
            // nothing chosen, then a wrong address: each said beside its field, in words
            session.click(By.id("webhook-form:subscribe"));
            session.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("webhook-form:events-message"), "请至少选择一个事件"));
            session.click(By.xpath("//label[contains(., '订单已付款')]"));
            session.type("webhook-form:url", "ftp://erp.example.com/events");
            session.click(By.id("webhook-form:subscribe"));
            session.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("webhook-form:url-message"), "https://"));
            session.screenshot("webhook-refused-zh");

            session.type("webhook-form:url", receiver.url("/page"));
            session.type("webhook-form:description", "ERP");
            session.click(By.id("webhook-form:subscribe"));
            String secret = session.waitFor("secret").getText();
            assertThat(secret).startsWith("whsec_");
            assertThat(session.text("secret-for")).contains(receiver.url("/page"));
            session.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("list-form:subscriptions"), "订单已付款"));

            session.click(By.cssSelector("#list-form\\:subscriptions button[id$='ping']"));
            WebhookReceiver.Received ping = receiver.await(r -> r.path().equals("/page"), 1, WITHIN).get(0);
            assertThat(ping.signedWith(secret)).isTrue();
            session.click(By.cssSelector("#list-form\\:subscriptions button[id$='log']"));
            session.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("list-form:deliveries")));
            long deadline = System.nanoTime() + WITHIN.toNanos();
            while (!session.text("list-form:deliveries").contains("已送达")
                    && System.nanoTime() < deadline) {
                session.click(By.id("list-form:refresh"));
                Thread.sleep(500);
            }
            assertThat(session.text("list-form:deliveries")).contains("测试事件", "已送达");
            session.click(By.cssSelector("#list-form\\:deliveries button[id$='open']"));
            session.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("payload"), "webhook.ping"));
            session.screenshot("webhook-log-zh");

            // a receiver that is gone: the log says why in the reader's language (it records it in English)
            receiver.close();
            session.click(By.cssSelector("#list-form\\:subscriptions button[id$='ping']"));
            deadline = System.nanoTime() + WITHIN.toNanos();
            while (!session.text("list-form:deliveries").contains("无法连接") && System.nanoTime() < deadline) {
                session.click(By.id("list-form:refresh"));
                Thread.sleep(500);
            }
            assertThat(session.text("list-form:deliveries")).contains("无法连接：接收方拒绝连接")
                    .doesNotContain("could not connect", "Connection refused");
            assertThat(session.text("log-title")).contains(receiver.url("/page"));
            session.screenshot("webhook-failure-zh");

            session.click(By.cssSelector("#list-form\\:subscriptions button[id$='delete']"));
            session.click(By.cssSelector(".ui-confirmdialog-yes"));
            session.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("list-form:subscriptions"), "还没有"));
        }
    }

    private JsonObject subscribe(String user, String url, String... events) {
        String body = Json.createObjectBuilder().add("url", url).add("description", "test receiver")
                .add("events", Json.createArrayBuilder(List.of(events))).build().toString();
        Api.Response created = api.post(WEBHOOKS, user, body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    private void delete(String user, JsonObject created) {
        String id = created.getJsonObject("subscription").getString("id");
        assertThat(api.send("DELETE", WEBHOOKS + "/" + id, user, null).status()).isEqualTo(204);
    }

    private JsonObject awaitDelivery(String deliveryId, String status) throws InterruptedException {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        JsonObject delivery = null;
        while (System.nanoTime() < deadline) {
            Api.Response got = api.get(WEBHOOKS + "/deliveries/" + deliveryId, "admin");
            delivery = got.json();
            if (status.equals(delivery.getString("status"))) {
                return delivery;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("delivery " + deliveryId + " is not " + status + ": " + delivery);
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
