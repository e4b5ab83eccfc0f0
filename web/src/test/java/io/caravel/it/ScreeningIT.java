package io.caravel.it;

import static io.caravel.it.PlatformIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import org.openqa.selenium.By;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import java.net.URL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Officers screen names by hand against every active sanctions list (OFAC SDN and the UN Security
 * Council list, the bundled releases loaded at start-up); an administrator loads new releases, all or
 * nothing, and screening uses them at once.
 */
@SharedServer.Use
class ScreeningIT {

    private static final String CHECKS = "/api/v1/screening/checks";
    private static final String LISTS = "/api/v1/sanctions-lists";
    /** An earlier OFAC release (test data of the ejb module) and the one Caravel bundles. */
    static final Path OFAC_PREVIOUS = Path.of("..", "ejb", "src", "test", "resources", "screening", "ofac-previous");
    static final Path OFAC_BUNDLED = Path.of("..", "ejb", "src", "main", "resources", "caravel", "sanctions", "ofac");


    @SharedServer.Base
    private URL base;

    private Api api;

    @BeforeEach
    void client() {
        api = new Api(base.toString());
    }

    @Test
    void aListedPersonIsAHitWithTheListEntry() {
        Api.Response response = api.post(CHECKS, "officer", "{\"name\": \"Manuel Antonio Noriega\", \"type\": \"individual\"}");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonObject top = response.json().getJsonArray("hits").getJsonObject(0);
        assertThat(top.getJsonNumber("entNum").longValue()).isEqualTo(1572);
        assertThat(top.getString("listedName")).isEqualTo("NORIEGA, Manuel Antonio");
        assertThat(top.getJsonNumber("score").doubleValue()).isGreaterThanOrEqualTo(0.95);
        assertThat(response.json().getString("listVersion")).startsWith("OFAC-SDN:").contains("+UN-SC:");
        assertThat(top.getString("list")).isEqualTo("OFAC_SDN");
        assertThat(top.getString("listVersion")).startsWith("OFAC-SDN:");
        assertThat(response.json().getString("listVersion")).contains(top.getString("listVersion"));
    }

    @Test
    void aSpellingVariantStillHits() {
        Api.Response response = api.post(CHECKS, "lead", "{\"name\": \"Manuel Antonio Norriega\", \"type\": \"individual\"}");
        assertThat(response.json().getJsonArray("hits").getJsonObject(0).getJsonNumber("entNum").longValue()).isEqualTo(1572);
    }

    @Test
    void anAlternateNameIsReportedAsTheMatch() {
        Api.Response response = api.post(CHECKS, "officer", "{\"name\": \"National Bank of Cuba\", \"type\": \"entity\"}");
        JsonObject top = response.json().getJsonArray("hits").getJsonObject(0);
        assertThat(top.getJsonNumber("entNum").longValue()).isEqualTo(306);
        assertThat(top.getString("listedName")).isEqualTo("BANCO NACIONAL DE CUBA");
        assertThat(top.getString("matchedName")).isEqualTo("NATIONAL BANK OF CUBA");
        assertThat(top.getBoolean("alternate")).isTrue();
    }

    @Test
    void aCleanNameHasNoHits() {
        Api.Response response = api.post(CHECKS, "officer", "{\"name\": \"Seller B Handels GmbH\", \"type\": \"entity\"}");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().getJsonArray("hits")).isEmpty();
    }

    @Test
    void everyActiveListIsCheckedAndAnArabicScriptNameFindsItsUnEntry() {
        Api.Response response = api.post(CHECKS, "officer", "{\"name\": \"صدام حسين التكريتي\", \"type\": \"individual\"}");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonObject top = response.json().getJsonArray("hits").getJsonObject(0);
        assertThat(top.getString("list")).isEqualTo("UN_SC");
        assertThat(top.getString("matchedName")).isEqualTo("صدام حسين التكريتي");
        assertThat(top.getString("listVersion")).startsWith("UN-SC:");

        JsonObject cyrillic = api.post(CHECKS, "officer", "{\"name\": \"Виктор Бут\", \"type\": \"individual\"}")
                .json().getJsonArray("hits").getJsonObject(0);
        assertThat(cyrillic.getJsonNumber("entNum").longValue()).as("a Cyrillic name meets its Latin listing").isEqualTo(8279);
        assertThat(cyrillic.getJsonObject("explanation").getString("queryForm")).isEqualTo("TRANSLITERATED");

        JsonArray lists = api.get(LISTS, "officer").structure().asJsonArray();
        assertThat(lists).hasSize(2);
        for (JsonValue list : lists) {
            JsonObject active = list.asJsonObject().getJsonObject("active");
            assertThat(active.getString("checksum")).hasSize(64);
            assertThat(active.getString("loadedBy")).isIn("configuration", "admin");
        }
        assertThat(lists.getJsonObject(1).getString("list")).isEqualTo("UN_SC");
        assertThat(lists.getJsonObject(1).getJsonObject("active").getInt("entries")).isEqualTo(1003);
        assertThat(lists.getJsonObject(1).getJsonObject("active").getString("published")).startsWith("2026-02-27");
    }

    @Test
    void anAdministratorLoadsAReleaseAllOrNothingAndScreeningUsesItAtOnce() throws IOException {
        byte[] previous = zip(OFAC_PREVIOUS);
        byte[] current = zip(OFAC_BUNDLED);
        try {
            // the release before the bundled one: every entry it lacks is a change the page and API name
            Api.Response loaded = api.sendRaw("POST", LISTS + "/OFAC_SDN/versions", "admin", "application/zip", null);
            assertProblem(loaded, 400, "validation");
            loaded = zipPost(previous, "admin");
            assertThat(loaded.status()).as(loaded.toString()).isIn(200, 201);
            JsonObject version = loaded.json();
            assertThat(version.getInt("entries")).isEqualTo(7379);
            assertThat(version.getBoolean("active")).isTrue();
            String versionPath = LISTS + "/OFAC_SDN/versions/" + version.getString("id");
            if (loaded.status() == 201) {
                assertThat(loaded.header("Location")).endsWith(versionPath);
                assertThat(version.getInt("removed")).isPositive();
                assertThat(version.getInt("changed")).isPositive();
            }
            assertThat(zipPost(previous, "admin").status()).as("the active release again").isEqualTo(200);

            // an entry only the bundled release has is no longer a hit
            JsonObject gone = api.get(versionPath + "/changes?change=REMOVED&limit=1", "officer").json()
                    .getJsonArray("items").getJsonObject(0);
            assertThat(gone.getString("change")).isEqualTo("REMOVED");
            String name = gone.getString("name");
            assertThat(entNums(api.post(CHECKS, "officer", Json.createObjectBuilder().add("name", name).build().toString())))
                    .doesNotContain(gone.getJsonNumber("entNum").longValue());
            JsonObject page = api.get(versionPath + "/changes?limit=2", "officer").json();
            assertThat(page.getJsonArray("items")).hasSize(2);
            assertThat(api.get(versionPath + "/changes?limit=2&cursor=" + page.getString("nextCursor"), "officer").json()
                    .getJsonArray("items").getJsonObject(0).getJsonNumber("entNum").longValue())
                    .isGreaterThan(page.getJsonArray("items").getJsonObject(1).getJsonNumber("entNum").longValue());
            assertProblem(api.get(versionPath + "/changes?change=MOVED", "officer"), 400, "validation");

            // a broken release is refused with its file and line, and the active one stays
            byte[] broken = zip(Map.of("sdn.csv", "1,\"ACME\",-0-\n".getBytes(StandardCharsets.UTF_8),
                    "alt.csv", new byte[0], "add.csv", new byte[0]));
            Api.Response refused = zipPost(broken, "admin");
            assertProblem(refused, 400, "validation");
            JsonObject error = refused.json().getJsonArray("errors").getJsonObject(0);
            assertThat(error.getString("field")).isEqualTo("file");
            assertThat(error.getString("message")).contains("nothing was loaded", "sdn.csv at line 1", "expected 12 columns");
            assertThat(activeOfac().getString("id")).isEqualTo(version.getString("id"));
            assertProblem(zipPost(previous, "officer"), 403, "forbidden");
            assertProblem(api.get(LISTS + "/SECRET_LIST/versions", "officer"), 404, "not-found");
            assertProblem(api.get(LISTS, "seller-a"), 403, "forbidden");

            // the bundled release again: the entry is a hit again, in the history as the newest release
            Api.Response back = zipPost(current, "admin");
            assertThat(back.status()).as(back.toString()).isEqualTo(201);
            assertThat(back.json().getInt("added")).isEqualTo(version.getInt("removed"));
            assertThat(entNums(api.post(CHECKS, "officer", Json.createObjectBuilder().add("name", name).build().toString())))
                    .contains(gone.getJsonNumber("entNum").longValue());
            JsonArray history = api.get(LISTS + "/OFAC_SDN/versions?limit=2", "officer").json().getJsonArray("items");
            assertThat(history.getJsonObject(0).getString("id")).isEqualTo(back.json().getString("id"));
            assertThat(history.getJsonObject(1).getString("id")).isEqualTo(version.getString("id"));
        } finally {
            zipPost(current, "admin");
        }
    }

    @Test
    @Tag("page")
    void theSanctionsListsPageShowsEachListAndLoadsAReleaseFromItsFiles() throws IOException {
        try (BrowserSession session = new BrowserSession(base)) {
            session.signIn("admin");
            session.open("admin/index.xhtml");
            session.click(By.id("admin-sanctions"));
            assertThat(session.text("active-lists")).contains("OFAC SDN (US Treasury)", "UN Security Council Consolidated List",
                    "Entries: 1003", "Published:");
            session.click(By.id("load-form:load"));
            assertThat(session.text("load-form:messages")).contains("Choose the release's files");

            session.browser.findElement(By.xpath("//input[@type='file']")).sendKeys(String.join("\n",
                    OFAC_PREVIOUS.resolve("sdn.csv").toAbsolutePath().normalize().toString(),
                    OFAC_PREVIOUS.resolve("alt.csv").toAbsolutePath().normalize().toString(),
                    OFAC_PREVIOUS.resolve("add.csv").toAbsolutePath().normalize().toString()));
            session.click(By.id("load-form:load"));
            assertThat(session.text("load-form:messages")).contains("Release loaded and active:", "OFAC-SDN:");
            assertThat(session.text("history-form:versions")).contains("active", "removed", "changed");
            assertThat(session.text("history-form:changes")).contains("Added", "Changed", "CRUZ, Juan M. de la");
            session.choose("history-form:kind", "Removed");
            session.wait.until(d -> session.text("history-form:changes").contains("Removed")
                    && !session.text("history-form:changes").contains("Changed"));
            session.screenshot("sanctions-lists");
            session.click(By.id("langForm:lang-zh"));
            assertThat(session.text("active-lists")).contains("联合国安理会综合制裁名单", "条目数");
            session.click(By.id("langForm:lang-en"));
        } finally {
            zipPost(zip(OFAC_BUNDLED), "admin");
        }
        assertThat(activeOfac().getInt("entries")).isEqualTo(8976);
    }

    @Test
    @Tag("page")
    void anOfficerSeesWhyAHitMatchedAndWhyItWasDiscounted() throws IOException {
        try (BrowserSession session = new BrowserSession(base)) {
            session.signIn("officer");
            session.open("inbox/screening.xhtml");
            session.type("screening:name", "Viktor Bout");
            session.type("screening:dob", "1990");
            session.type("screening:nationality", "RU");
            session.click(By.id("screening:check"));
            String hits = session.textShowing(By.id("screening:hits"), "BOUT, Viktor Anatolijevitch");
            assertThat(hits).contains("as written ~ without middle names", "viktor = viktor 1.00", "bout = bout 1.00",
                    "Other year of birth (1990 / 13 Jan 1967; 13 Jan 1970): -0.15", "Discounted");
            session.screenshot("screening-explained");

            session.type("screening:dob", "31.12.1990");
            session.click(By.id("screening:check"));
            assertThat(session.textShowing(By.id("screening:messages"), "year-month-day")).contains("1970-01-31");
        }
    }

    /** The hit on OFAC's entry of Viktor Bout (8279). */
    private static JsonObject bout(Api.Response screened) {
        assertThat(screened.status()).as(screened.toString()).isEqualTo(200);
        return screened.json().getJsonArray("hits").getValuesAs(JsonObject.class).stream()
                .filter(h -> h.getString("list").equals("OFAC_SDN") && h.getJsonNumber("entNum").longValue() == 8279)
                .findFirst().orElseThrow(() -> new AssertionError("no hit on 8279: " + screened.body()));
    }

    private JsonObject activeOfac() {
        return api.get(LISTS, "officer").structure().asJsonArray().getJsonObject(0).getJsonObject("active");
    }

    private Api.Response zipPost(byte[] zip, String user) {
        return api.sendBytes(LISTS + "/OFAC_SDN/versions", user, "application/zip", zip);
    }

    private static java.util.List<Long> entNums(Api.Response screened) {
        assertThat(screened.status()).as(screened.toString()).isEqualTo(200);
        return screened.json().getJsonArray("hits").stream()
                .map(h -> h.asJsonObject()).filter(h -> h.getString("list").equals("OFAC_SDN"))
                .map(h -> h.getJsonNumber("entNum").longValue()).toList();
    }

    /** The three OFAC files of a folder, as one ZIP archive. */
    static byte[] zip(Path folder) throws IOException {
        return zip(files(folder));
    }

    /** The three OFAC files of a folder, by name. */
    static Map<String, byte[]> files(Path folder) throws IOException {
        Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        for (String file : new String[] {"sdn.csv", "alt.csv", "add.csv"}) {
            files.put(file, Files.readAllBytes(folder.resolve(file)));
        }
        return files;
    }

    static byte[] zip(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void aPersonsDateOfBirthAndNationalityRaiseOrLowerEachHitAndSayWhy() {
        JsonObject other = bout(api.post(CHECKS, "officer", "{\"name\": \"Viktor Bout\", \"type\": \"individual\", \"dateOfBirth\": \"1990\"}"));
        assertThat(other.getBoolean("discounted")).as("another year of birth: kept, discounted, with the reason").isTrue();
        assertThat(other.getJsonNumber("finalScore").doubleValue()).isLessThan(other.getJsonNumber("score").doubleValue());
        assertThat(other.getJsonArray("adjustments").getJsonObject(0).getString("code")).isEqualTo("DOB_OTHER");
        assertThat(other.getJsonArray("adjustments").getJsonObject(0).getString("detail")).isEqualTo("1990 / 13 Jan 1967; 13 Jan 1970");

        JsonObject same = bout(api.post(CHECKS, "officer", "{\"name\": \"Viktor Bout\", \"type\": \"individual\", \"dateOfBirth\": \"1967-01-13\"}"));
        assertThat(same.getBoolean("discounted")).isFalse();
        assertThat(same.getJsonArray("adjustments").getJsonObject(0).getString("code")).isEqualTo("DOB_SAME");

        Api.Response bad = api.post(CHECKS, "officer", "{\"name\": \"Viktor Bout\", \"dateOfBirth\": \"13.01.1967\", \"nationality\": \"Russia\"}");
        assertProblem(bad, 400, "validation");
        assertThat(bad.json().getJsonArray("errors").getJsonObject(0).getString("field")).isIn("dateOfBirth", "nationality");
    }

    @Test
    void onlyComplianceOfficersMayScreen() {
        assertProblem(api.post(CHECKS, "seller-a", "{\"name\": \"anyone\"}"), 403, "forbidden");
        assertProblem(api.post(CHECKS, null, "{\"name\": \"anyone\"}"), 401, "unauthenticated");
    }

    @Test
    void badInputIsAValidationProblem() {
        assertProblem(api.post(CHECKS, "officer", "{\"name\": \" \"}"), 400, "validation");
        assertProblem(api.post(CHECKS, "officer", "{\"name\": \"x\", \"type\": \"company\"}"), 400, "validation");
    }
}
