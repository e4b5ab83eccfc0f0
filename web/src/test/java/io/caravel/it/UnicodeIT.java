package io.caravel.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Names with 4-byte UTF-8 characters, an emoji and a CJK Extension B character (𠮷, U+20BB7), go
 * through onboarding, the workflow engine's variables and history, listings and the catalog and come
 * back unchanged, on H2 and (CI's second pass) MariaDB, where every table is utf8mb4.
 */
@SharedServer.Use
class UnicodeIT {

    private static final String KICHI = "\uD842\uDFB7"; // 𠮷
    private static final String EMOJI = "\uD83D\uDE00"; // 😀


    @SharedServer.Base
    private URL base;

    private Api api;

    @BeforeEach
    void client() {
        api = new Api(base.toString());
    }

    @Test
    void fourByteNamesGoThroughOnboardingAndItsWorkflow() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String company = KICHI + "野家 Trading " + EMOJI + " " + suffix + " GmbH";
        String director = KICHI + "田 太郎 " + EMOJI;
        Applicant applicant = Applicant.submitted(api, company, "HEALTH", director);

        JsonObject application = api.get(Applicant.APPS + applicant.id, applicant.user).json();
        assertThat(application.getString("legalName")).isEqualTo(company);
        assertThat(application.getJsonArray("parties").getJsonObject(0).getString("name")).isEqualTo(director);

        // the case title is a variable of the running process (and of its history)
        String task = Applicant.awaitTask(api, "reviewApplication", applicant.id, "officer");
        assertThat(api.get("/api/v1/tasks/" + task, "officer").json().getString("caseTitle")).isEqualTo(company);
        assertThat(api.get(Applicant.APPS + applicant.id + "/history", "officer").body()).contains("SUBMITTED");
    }

    @Test
    void fourByteTitlesGoThroughListingsIntoTheCatalog() throws Exception {
        String word = "unicode" + UUID.randomUUID().toString().substring(0, 6);
        String title = "Bamboo tray " + KICHI + " " + EMOJI + " " + word;
        Api.Response created = api.post("/api/v1/listings", "seller-a", ListingFixtures.body(title));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().getString("id");
        assertThat(api.sendBytes("/api/v1/listings/" + id + "/images?fileName=" + KICHI + EMOJI + ".png", "seller-a",
                ListingFixtures.PNG).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/listings/" + id + "/submit", "seller-a", "").status()).isEqualTo(200);

        JsonObject listing = null;
        for (int i = 0; i < 120; i++) {
            listing = api.get("/api/v1/listings/" + id, "seller-a").json();
            if ("PUBLISHED".equals(listing.getString("status"))) {
                break;
            }
            Thread.sleep(500);
        }
        assertThat(listing.getString("status")).as(listing.toString()).isEqualTo("PUBLISHED");
        assertThat(listing.getJsonObject("data").getString("titleEn")).isEqualTo(title);

        JsonObject found = api.get("/api/v1/catalog/products?q=" + URLEncoder.encode(word, StandardCharsets.UTF_8), null).json();
        assertThat(found.getJsonArray("items")).hasSize(1);
        assertThat(found.getJsonArray("items").getJsonObject(0).getJsonObject("title").getString("en")).isEqualTo(title);
    }
}
