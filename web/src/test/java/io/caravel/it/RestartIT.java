package io.caravel.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The product as an operator runs it: the WAR on a Payara Micro process of its own, stopped and
 * started again. Data written before the restart is there after it, and redeploying the unchanged
 * process models at start-up creates no new versions; the catalog search index, deleted in between, is
 * rebuilt from the database and answers as before. Prints the boot-to-ready time (not asserted).
 */
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

        try (ServerProcess server = ServerProcess.start(port, data, "first")) {
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
        try (ServerProcess server = ServerProcess.start(port, data, "second")) {
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

    /** Every published product's id, newest first, as the catalog search answers. */
    private static List<String> catalog(Api api) {
        return api.get("/api/v1/catalog/products?limit=200", null).json().getJsonArray("items")
                .getValuesAs(jakarta.json.JsonObject.class).stream().map(p -> p.getString("id")).toList();
    }
}
