package io.caravel.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Ongoing sanctions monitoring on a real server: a new list release re-screens every active seller; a
 * director added to the list is found and a review of the seller's account appears; the officer's
 * "no action" clears the hit, which does not come back with the same entry and does once the entry changes;
 * a review that ends without a verdict on the hit (a warning) is followed by a new one.
 */
@SharedServer.Use
class MonitoringIT {

    private static final String LISTS = "/api/v1/sanctions-lists";

    @SharedServer.Base
    private URL base;

    private Api api;

    @BeforeEach
    void client() {
        api = new Api(base.toString());
    }

    @Test
    @Tag("page")
    void aDirectorAddedToTheListIsFoundAndAClearedHitIsRememberedUntilTheEntryChanges() throws Exception {
        byte[] previous = ScreeningIT.zip(ScreeningIT.OFAC_PREVIOUS);
        Map<String, byte[]> bundledFiles = ScreeningIT.files(ScreeningIT.OFAC_BUNDLED);
        byte[] bundled = ScreeningIT.zip(bundledFiles);
        try {
            // the list as it was: a person it does not list yet becomes a seller's director
            JsonObject older = load(api, previous);
            JsonObject added = addedLater(api, older, bundledFiles);
            long entNum = added.getJsonNumber("entNum").longValue();
            String director = director(added.getString("name"));
            String sellerId = approvedSeller(api, director);
            assertThat(alerts(sellerId)).isZero();

            // the release that lists the director: the re-screen finds it and a review of the account appears
            load(api, bundled);
            String task = Applicant.awaitTask(api, "reviewSellerAccount", sellerId, "officer");
            assertThat(alerts(sellerId)).isEqualTo(1);
            JsonObject event = events(sellerId).get(0);
            assertThat(event.getString("category")).isEqualTo("COMPLIANCE");
            assertThat(event.getString("detail")).contains(director, "OFAC-SDN " + entNum);

            // the case page shows the hit beside the listed entry, in words
            try (BrowserSession session = new BrowserSession(base)) {
                session.signIn("officer");
                session.open("inbox/cases/seller.xhtml?task=" + task);
                assertThat(session.textShowing(org.openqa.selenium.By.id("case:sanctions-alerts"), director))
                        .contains(added.getString("name"), "OFAC SDN (US Treasury) " + entNum).containsAnyOf("Director", "Beneficial owner");
                session.screenshot("seller-review-sanctions-alert");
            }

            // the officer finds it is someone else: no action, with the reason
            assertThat(api.post("/api/v1/tasks/" + task + "/claim", "officer", "").status()).isEqualTo(200);
            Api.Response done = api.post("/api/v1/tasks/" + task + "/complete", "officer",
                    "{\"decision\": \"NO_ACTION\", \"note\": \"Another person: the listed one was born in another year.\"}");
            assertThat(done.status()).as(done.body()).isEqualTo(200);

            // the entry leaves the list and comes back unchanged: no alert; then it changes: an alert again
            load(api, previous);
            load(api, bundled);
            assertThat(alerts(sellerId)).as("a cleared hit on the same entry").isEqualTo(1);
            Map<String, byte[]> changed = new LinkedHashMap<>(bundledFiles);
            changed.put("sdn.csv", withRemark(bundledFiles.get("sdn.csv"), entNum, " Listing updated."));
            load(api, ScreeningIT.zip(changed));
            String again = Applicant.awaitTask(api, "reviewSellerAccount", sellerId, "officer");
            assertThat(again).isNotEqualTo(task);
            assertThat(alerts(sellerId)).isEqualTo(2);
            // a warning is no verdict on the hit: once that review ends, a new one asks for it
            api.post("/api/v1/tasks/" + again + "/claim", "officer", "");
            Api.Response warned = api.post("/api/v1/tasks/" + again + "/complete", "officer",
                    "{\"decision\": \"WARN\", \"note\": \"Late shipments too.\", \"message\": \"Please ship on time.\"}");
            assertThat(warned.status()).as(warned.body()).isEqualTo(200);
            String third = Applicant.awaitTask(api, "reviewSellerAccount", sellerId, "officer");
            assertThat(third).isNotIn(task, again);
            api.post("/api/v1/tasks/" + third + "/claim", "officer", "");
            api.post("/api/v1/tasks/" + third + "/complete", "officer", "{\"decision\": \"NO_ACTION\", \"note\": \"Still someone else.\"}");

            List<JsonObject> runs = api.get(LISTS + "/rescreens", "officer").structure().asJsonArray().getValuesAs(JsonObject.class);
            assertThat(runs.get(0).getString("status")).isEqualTo("DONE");
            assertThat(runs.get(0).getInt("sellersDone")).isEqualTo(runs.get(0).getInt("sellersTotal")).isPositive();
        } finally {
            load(api, bundled);
        }
    }

    /** An individual the bundled release adds to {@code older}, listed with no date of birth or nationality, on no list active now. */
    static JsonObject addedLater(Api api, JsonObject older, Map<String, byte[]> bundledFiles) {
        return api.get(LISTS + "/OFAC_SDN/versions/" + older.getString("id") + "/changes?change=REMOVED&limit=200",
                        "officer").json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("partyType").equals("INDIVIDUAL") && c.getString("name").contains(", "))
                // the director's own date of birth and nationality would discount a hit on an entry that lists others
                .filter(c -> !sdnLine(bundledFiles, c.getJsonNumber("entNum").longValue()).matches(".*(DOB|nationality).*"))
                .filter(c -> hits(api, director(c.getString("name"))) == 0)
                .findFirst().orElseThrow();
    }

    /** A seller approved at once, whose director and owner is this person; its id. */
    static String approvedSeller(Api api, String director) throws InterruptedException {
        Applicant applicant = Applicant.submitted(api, "Monitor " + UUID.randomUUID().toString().substring(0, 6) + " GmbH",
                "HOME", director);
        return applicant.awaitStatus("APPROVED").getString("sellerId");
    }

    /** Loads a release and waits until its re-screen of every active seller is done; the release. */
    static JsonObject load(Api api, byte[] zip) throws InterruptedException {
        Api.Response loaded = api.sendBytes(LISTS + "/OFAC_SDN/versions", "admin", "application/zip", zip);
        assertThat(loaded.status()).as(loaded.toString()).isIn(200, 201);
        String release = loaded.json().getString("id"); // the same files loaded again are a new release with the same version
        String version = loaded.json().getString("version");
        if (loaded.status() == 201) {
            for (int i = 0; i < 240; i++) {
                boolean done = api.get(LISTS + "/rescreens", "officer").structure().asJsonArray().getValuesAs(JsonObject.class)
                        .stream().anyMatch(r -> r.getString("versionId").equals(release) && r.getString("status").equals("DONE"));
                if (done) {
                    return loaded.json();
                }
                Thread.sleep(500);
            }
            throw new AssertionError("the re-screen of " + version + " never finished");
        }
        return loaded.json();
    }

    static String sdnLine(Map<String, byte[]> files, long entNum) {
        for (String line : new String(files.get("sdn.csv"), StandardCharsets.UTF_8).split("\n")) {
            if (line.startsWith(entNum + ",")) {
                return line.strip();
            }
        }
        throw new AssertionError("no entry " + entNum);
    }

    /** "FAMILY, Given" as a person writes it: "Given FAMILY". */
    static String director(String listed) {
        return listed.substring(listed.indexOf(", ") + 2) + " " + listed.substring(0, listed.indexOf(", "));
    }

    static int hits(Api api, String name) {
        Api.Response checked = api.post("/api/v1/screening/checks", "officer",
                jakarta.json.Json.createObjectBuilder().add("name", name).add("type", "individual").build().toString());
        return checked.json().getJsonArray("hits").size();
    }

    private List<JsonObject> events(String sellerId) {
        return api.get("/api/v1/risk-events?sellerId=" + sellerId + "&category=COMPLIANCE", "officer").json()
                .getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getString("code").equals("SANCTIONS_MATCH") && e.getString("subjectType").equals("seller")).toList();
    }

    private int alerts(String sellerId) {
        return events(sellerId).size();
    }


    /** sdn.csv with text added to the remarks (the last column) of one entry. */
    private static byte[] withRemark(byte[] sdn, long entNum, String text) {
        String content = new String(sdn, StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder();
        for (String line : content.split("(?<=\n)")) {
            if (line.startsWith(entNum + ",")) {
                String trimmed = line.stripTrailing();
                String end = line.substring(trimmed.length());
                line = trimmed.endsWith("\"") ? trimmed.substring(0, trimmed.length() - 1) + text + "\"" + end
                        : trimmed.substring(0, trimmed.lastIndexOf(',') + 1) + "\"" + text.trim() + "\"" + end;
            }
            out.append(line);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
