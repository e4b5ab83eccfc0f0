package io.caravel.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The product as an operator runs it: the WAR on a Payara Micro process of its own, stopped and
 * started again. Data written before the restart is there after it, and redeploying the unchanged
 * process models at start-up creates no new versions. Prints the boot-to-ready time (not asserted).
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

        try (ServerProcess server = ServerProcess.start(port, data, "first")) {
            assertThat(api.post("/api/v1/admin/users", "admin", "{\"username\": \"" + name
                    + "\", \"password\": \"survives restarts\", \"displayName\": \"Restart probe\", \"roles\": [\"buyer\"]}")
                    .status()).isEqualTo(201);
            processesBefore = api.get("/api/v1/admin/processes", "admin").body();
            assertThat(processesBefore).contains("seller-onboarding");
        }
        try (ServerProcess server = ServerProcess.start(port, data, "second")) {
            Api.Response me = api.get("/api/v1/me", name + ":survives restarts");
            assertThat(me.status()).as(me.toString()).isEqualTo(200);
            assertThat(api.get("/api/v1/admin/processes", "admin").body()).isEqualTo(processesBefore);
            api.send("GET", "/api/v1/me", "admin", null, "X-Request-Id", "restart-" + name);
        }
        // the operator's log configuration writes JSON lines; request lines carry the request id as a field
        String log = Files.readString(data.resolveSibling("restart-it-data-second.log"));
        assertThat(log).containsPattern("\\{\"Timestamp\":.*\"LoggerName\":\"io.caravel.access\".*\"requestId\":\"restart-"
                + name + "\".*\"status\":\"200\"");
    }
}
