package io.caravel.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;

/**
 * The product as an operator runs it: the WAR on a Payara Micro process of its own, stopped and
 * started again. Data written before the restart is there after it, and redeploying the unchanged
 * process models at start-up creates no new versions; the catalog search index, deleted in between, is
 * rebuilt from the database and answers as before. Prints the boot-to-ready time (not asserted).
 *
 * <p>CI's MariaDB pass leaves it out (a server of its own takes a minute and a half, and nothing it
 * checks depends on the database); the H2 pass runs it.
 */
@DisabledIfEnvironmentVariable(named = "CARAVEL_DS_URL", matches = ".*mysql.*")
class RestartIT {

    @Test
    void dataSurvivesARestart() throws Exception {
        Path data = Paths.get(System.getProperty("caravel.it.dataDir", "target/it-data")).resolveSibling("restart-it-data");
        Files.createDirectories(data);
        int port = ServerProcess.freePort();
        Api api = new Api("http://localhost:" + port + "/");
        String name = "restart-" + UUID.randomUUID().toString().substring(0, 8);
        String processesBefore;
        List<String> catalogBefore;

        // a webhook whose receiver is down when the event is raised: the first attempt fails before the restart
        int hookPort = ServerProcess.freePort();
        String deliveryId;
        String eventId;

        try (ServerProcess server = ServerProcess.start(port, data, "first", "-Dcaravel.webhooks.retry-base=PT15S")) {
            Api.Response hook = api.post("/api/v1/webhooks", "admin", "{\"url\": \"http://127.0.0.1:" + hookPort
                    + "/after-restart\", \"events\": [\"order.paid\"]}");
            assertThat(hook.status()).as(hook.toString()).isEqualTo(201);
            Api.Response ping = api.post("/api/v1/webhooks/" + hook.json().getJsonObject("subscription").getString("id")
                    + "/ping", "admin", "");
            deliveryId = ping.json().getString("id");
            eventId = ping.json().getString("eventId");
            awaitAttempts(api, deliveryId, 1);
            assertThat(api.post("/api/v1/admin/users", "admin", "{\"username\": \"" + name
                    + "\", \"password\": \"survives restarts\", \"displayName\": \"Restart probe\", \"roles\": [\"buyer\"]}")
                    .status()).isEqualTo(201);
            processesBefore = api.get("/api/v1/admin/processes", "admin").body();
            assertThat(processesBefore).contains("seller-onboarding");
            catalogBefore = catalog(api);
            assertThat(catalogBefore).isNotEmpty();
        }
        // the search index is a copy: without it, the next start rebuilds it from the database
        try (var files = Files.walk(data.resolve("search"))) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
        try (WebhookReceiver receiver = new WebhookReceiver(hookPort);
             ServerProcess server = ServerProcess.start(port, data, "second")) {
            List<WebhookReceiver.Received> got = receiver.await(r -> eventId.equals(r.header("Caravel-Event-Id")), 1,
                    java.time.Duration.ofSeconds(60));
            assertThat(got.get(0).header("Caravel-Delivery-Attempt")).isEqualTo("2");
            Api.Response me = api.get("/api/v1/me", name + ":survives restarts");
            assertThat(me.status()).as(me.toString()).isEqualTo(200);
            assertThat(api.get("/api/v1/admin/processes", "admin").body()).isEqualTo(processesBefore);
            assertThat(catalog(api)).isEqualTo(catalogBefore);
            api.send("GET", "/api/v1/me", "admin", null, "X-Request-Id", "restart-" + name);
        }
        // the operator's log configuration writes JSON lines; request lines carry the request id as a field
        String log = Files.readString(data.resolveSibling("restart-it-data-second.log"));
        assertThat(log).containsPattern("\\{\"Timestamp\":.*\"LoggerName\":\"io.caravel.access\".*\"requestId\":\"restart-"
                + name + "\".*\"status\":\"200\"");
        assertThat(log).contains("Catalog search index ready").contains("rebuilt (there was none)");
    }

    /** Waits until a webhook delivery was attempted {@code n} times. */
    private static void awaitAttempts(Api api, String deliveryId, int n) throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        jakarta.json.JsonObject delivery = null;
        while (System.nanoTime() < deadline) {
            delivery = api.get("/api/v1/webhooks/deliveries/" + deliveryId, "admin").json();
            if (delivery.getInt("attempts") >= n) {
                assertThat(delivery.getString("status")).isEqualTo("PENDING");
                assertThat(delivery.getString("lastError")).startsWith("could not connect");
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("delivery " + deliveryId + " was not attempted " + n + " times: " + delivery);
    }

    /** Every published product's id, newest first, as the catalog search answers. */
    private static List<String> catalog(Api api) {
        return api.get("/api/v1/catalog/products?limit=200", null).json().getJsonArray("items")
                .getValuesAs(jakarta.json.JsonObject.class).stream().map(p -> p.getString("id")).toList();
    }
}
