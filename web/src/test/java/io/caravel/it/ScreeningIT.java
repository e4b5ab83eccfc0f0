package io.caravel.it;

import static io.caravel.it.PlatformIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Officers screen names by hand against the OFAC SDN list loaded at start-up. */
@SharedServer.Use
class ScreeningIT {

    private static final String CHECKS = "/api/v1/screening/checks";


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
        assertThat(response.json().getString("listVersion")).startsWith("OFAC-SDN:");
        assertThat(top.getString("listVersion")).isEqualTo(response.json().getString("listVersion"));
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
