package io.caravel.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;

/**
 * A re-screen of every active seller that a node did not finish is finished by the next start, without
 * raising an alert twice. The server stops after a run; the run is then set back in the database to
 * where a node that died before its last batches committed would have left it (status RUNNING, the
 * cursor before the seller with the alert, that batch's alerts never written); the next start continues
 * it from the cursor.
 *
 * <p>CI's MariaDB pass leaves it out (a server of its own takes a minute and a half, and nothing it
 * checks depends on the database); the H2 pass runs it.
 */
@DisabledIfEnvironmentVariable(named = "CARAVEL_DS_URL", matches = ".*mysql.*")
class RescreenRestartIT {

    @Test
    void aRunStoppedMidwayIsFinishedAtTheNextStartWithoutDuplicates() throws Exception {
        Path data = Paths.get(System.getProperty("caravel.it.dataDir", "target/it-data")).resolveSibling("rescreen-it-data");
        Files.createDirectories(data);
        int port = ServerProcess.freePort();
        Api api = new Api("http://localhost:" + port + "/");
        Map<String, byte[]> bundledFiles = ScreeningIT.files(ScreeningIT.OFAC_BUNDLED);
        byte[] bundled = ScreeningIT.zip(bundledFiles);
        String sellerId;
        String runId;
        try (ServerProcess server = ServerProcess.start(port, data, "first")) {
            JsonObject older = MonitoringIT.load(api, ScreeningIT.zip(ScreeningIT.OFAC_PREVIOUS));
            JsonObject added = MonitoringIT.addedLater(api, older, bundledFiles);
            sellerId = MonitoringIT.approvedSeller(api, MonitoringIT.director(added.getString("name")));
            String release = MonitoringIT.load(api, bundled).getString("id");
            runId = run(api, release).getString("id");
        }

        try (Connection db = database(data)) {
            assertThat(alerts(db, runId, sellerId)).isEqualTo(1);
            // as if the node died before the batch with this seller committed
            try (PreparedStatement rewind = db.prepareStatement("update rescreen_run set status = 'RUNNING', finished_at = null,"
                    + " after_seller = (select max(id) from seller where id < ? and status = 'ACTIVE'),"
                    + " sellers_done = (select count(*) from seller where id < ? and status = 'ACTIVE') where id = ?");
                 PreparedStatement forget = db.prepareStatement("delete from monitoring_alert where run_id = ? and seller_id >= ?")) {
                rewind.setString(1, sellerId);
                rewind.setString(2, sellerId);
                rewind.setString(3, runId);
                assertThat(rewind.executeUpdate()).isEqualTo(1);
                forget.setString(1, runId);
                forget.setString(2, sellerId);
                forget.executeUpdate();
            }
            assertThat(alerts(db, runId, sellerId)).isZero();
        }

        try (ServerProcess server = ServerProcess.start(port, data, "second")) {
            JsonObject finished = null;
            for (int i = 0; i < 240 && (finished == null || !finished.getString("status").equals("DONE")); i++) {
                Thread.sleep(500);
                finished = api.get("/api/v1/sanctions-lists/rescreens", "officer").structure().asJsonArray()
                        .getValuesAs(JsonObject.class).stream().filter(r -> r.getString("id").equals(runId)).findFirst().orElseThrow();
            }
            assertThat(finished.getString("status")).isEqualTo("DONE");
            assertThat(finished.getInt("sellersDone")).isEqualTo(finished.getInt("sellersTotal"));
            MonitoringIT.load(api, bundled); // the active release stays the bundled one for whoever shares the database
        }

        try (Connection db = database(data)) {
            assertThat(alerts(db, runId, sellerId)).as("the seller's alert, raised again once").isEqualTo(1);
            try (PreparedStatement twice = db.prepareStatement("select seller_id, ent_num from monitoring_alert where run_id = ?"
                    + " group by seller_id, ent_num having count(*) > 1")) {
                twice.setString(1, runId);
                try (ResultSet rows = twice.executeQuery()) {
                    assertThat(rows.next()).as("an alert raised twice by the run").isFalse();
                }
            }
        }
    }

    /** The re-screen of a release (by its id: loading the same files again makes another release of the same version). */
    private static JsonObject run(Api api, String release) {
        List<JsonObject> runs = api.get("/api/v1/sanctions-lists/rescreens", "officer").structure().asJsonArray()
                .getValuesAs(JsonObject.class);
        return runs.stream().filter(r -> r.getString("versionId").equals(release)).findFirst().orElseThrow();
    }

    private static int alerts(Connection db, String runId, String sellerId) throws Exception {
        try (PreparedStatement count = db.prepareStatement("select count(*) from monitoring_alert where run_id = ? and seller_id = ?")) {
            count.setString(1, runId);
            count.setString(2, sellerId);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    /** The database the servers of this test use: the server's own H2 file, or the MariaDB pass's database. */
    private static Connection database(Path data) throws Exception {
        String url = System.getenv("CARAVEL_DS_URL");
        if (url != null && url.startsWith("jdbc:mysql:")) {
            return DriverManager.getConnection(url, System.getenv("CARAVEL_DS_USER"), System.getenv("CARAVEL_DS_PASSWORD"));
        }
        return DriverManager.getConnection("jdbc:h2:file:" + data.toAbsolutePath() + "/db/caravel", "caravel", "caravel");
    }
}
