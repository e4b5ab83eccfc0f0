package io.caravel.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;

/**
 * Starting Caravel the way a production install does, outside demo mode, on a server of its own:
 * without database settings it refuses to start and names them; the first administrator comes from
 * a password file once (a weak one stops the start); demo accounts left in the database can no
 * longer sign in. Runs on its own embedded database, so CI's MariaDB pass leaves it out.
 */
@DisabledIfEnvironmentVariable(named = "CARAVEL_DS_URL", matches = ".*mysql.*")
class ProductionStartIT {

    private static final Path BASE = Paths.get(System.getProperty("caravel.it.dataDir", "target/it-data")).getParent();
    private static final String FIRST_PASSWORD = "harbour lights at nine";

    @Test
    void refusesToStartWithoutDatabaseSettings() throws Exception {
        Path data = fresh("production-it-unset");
        Map<String, String> environment = new HashMap<>();
        for (String key : List.of("CARAVEL_DS_CLASS", "CARAVEL_DS_URL", "CARAVEL_DS_USER", "CARAVEL_DS_PASSWORD")) {
            environment.put(key, null);
        }
        String reason = ServerProcess.refusal(ServerProcess.freePort(), data, "unset", environment,
                List.of("-Dcaravel.demo.enabled=false", "-Dcaravel.screening.ofac-dir="));
        assertThat(reason).contains("demo mode is off", "CARAVEL_DS_CLASS", "CARAVEL_DS_URL", "CARAVEL_DS_USER",
                "CARAVEL_DS_PASSWORD", "CARAVEL_SCREENING_OFAC_DIR");
    }

    @Test
    void aDemoDatabaseBecomesAProductionOneWithItsFirstAdministrator() throws Exception {
        Path data = fresh("production-it-data");
        int port = ServerProcess.freePort();
        try (ServerProcess demo = ServerProcess.start(port, data, "demo")) {
            assertThat(demo.api().get("/api/v1/me", "admin").status()).isEqualTo(200);
        }

        Path passwordFile = data.resolveSibling("production-it-admin-password");
        Files.writeString(passwordFile, "qwerty12345678\n");
        List<String> production = List.of("-Dcaravel.demo.enabled=false",
                "-Dcaravel.ds.class=org.h2.jdbcx.JdbcDataSource",
                "-Dcaravel.ds.url=jdbc:h2:file:" + data.toAbsolutePath() + "/db/caravel;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000;WRITE_DELAY=0",
                "-Dcaravel.ds.user=caravel", "-Dcaravel.ds.password=caravel",
                // production names its sanctions list: here the folder of the snapshot Caravel ships
                "-Dcaravel.screening.ofac-dir=" + System.getProperty("caravel.ofacDir"),
                "-Dcaravel.bootstrap.admin.password-file=" + passwordFile.toAbsolutePath());
        String weak = ServerProcess.refusal(port, data, "weak", Map.of(), production);
        assertThat(weak).contains("first administrator", "caravel.bootstrap.admin.password-file",
                "mostly a word everybody tries first");

        Files.writeString(passwordFile, FIRST_PASSWORD + "\n");
        try (ServerProcess server = ServerProcess.start(port, data, "first-admin", Map.of(), production, ServerProcess.ALONE)) {
            Api api = server.api();
            JsonObject me = api.get("/api/v1/me", "admin:" + FIRST_PASSWORD).json();
            assertThat(me.getJsonArray("roles").getString(0)).isEqualTo("admin");
            assertThat(me.getBoolean("demo")).isFalse();
            // the demo accounts, whose password everybody knows, are disabled
            assertThat(api.get("/api/v1/me", "admin").status()).isEqualTo(401);
            assertThat(api.get("/api/v1/me", "officer").status()).isEqualTo(401);
            assertThat(api.get("/api/v1/me", "seller-a").status()).isEqualTo(401);
            JsonObject officer = api.get("/api/v1/admin/users/officer", "admin:" + FIRST_PASSWORD).json();
            assertThat(officer.getBoolean("enabled")).isFalse();
            assertThat(officer.getBoolean("demo")).isTrue();

            JsonObject ready = api.get("/health/ready", null).json().getJsonArray("checks").getJsonObject(0).getJsonObject("data");
            assertThat(ready.getString("databaseName")).isEqualTo("caravel");
            Api.Response version = api.get("/api/v1/version", "admin:" + FIRST_PASSWORD);
            assertThat(version.status()).isEqualTo(200);
            assertThat(version.json().getString("version")).isNotBlank();
            assertThat(version.json().getString("database")).startsWith("caravel (H2 ");
            assertThat(api.get("/api/v1/version", null).status()).isEqualTo(401);
        }
        // the demo accounts are disabled by the first start without demo mode: the refused one or this one
        // (the start-up beans have no fixed order)
        String logs = Files.readString(data.resolveSibling("production-it-data-weak.log"))
                + Files.readString(data.resolveSibling("production-it-data-first-admin.log"));
        assertThat(logs).contains("First administrator 'admin' created", "the demo accounts [").doesNotContain(FIRST_PASSWORD);

        // the setting runs once: a later start changes nothing, also when the file is gone as the log asked
        Files.delete(passwordFile);
        try (ServerProcess server = ServerProcess.start(port, data, "again", Map.of(), production, ServerProcess.ALONE)) {
            assertThat(server.api().get("/api/v1/me", "admin:" + FIRST_PASSWORD).status()).isEqualTo(200);
        }
        assertThat(Files.readString(data.resolveSibling("production-it-data-again.log"))).contains("is ignored");
    }

    /** An empty folder for a server's files (a second run of the test starts from nothing again). */
    private static Path fresh(String name) throws java.io.IOException {
        Path folder = BASE.resolve(name);
        if (Files.exists(folder)) {
            try (var files = Files.walk(folder)) {
                for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
        return Files.createDirectories(folder);
    }
}
