package io.caravel.it;

import static io.caravel.it.PlatformIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Seller account health on the real server: listings taken down past the limit make the health scan
 * record a platform-rules event and start a review; the officer limits new listings (the seller can
 * still revise listed ones but not add any), or proposes a suspension a lead approves (four-eyes):
 * the account is suspended and its listings leave the catalog.
 */
@SharedServer.Use
class SellerHealthIT {

    @SharedServer.Base
    private URL base;

    private Api api;

    @BeforeEach
    void client() {
        api = new Api(base.toString());
    }

    @Test
    void takeDownsPastTheLimitStartAReviewThatLimitsNewListings() throws Exception {
        Seller seller = sellerWithTakeDowns("Health Limit Probe GmbH");
        JsonObject health = api.get("/api/v1/account-health", seller.user).json();
        JsonObject takeDowns = measure(health, "TAKE_DOWNS_MANY");
        assertThat(takeDowns.getInt("count")).isEqualTo(3);
        assertThat(takeDowns.getBoolean("breached")).isTrue();
        assertProblem(api.get("/api/v1/account-health?sellerId=" + seller.id, "seller-a"), 404, "not-found");
        assertProblem(api.get("/api/v1/account-health?sellerId=no-such-seller", "officer"), 404, "not-found");
        assertThat(api.get("/api/v1/account-health?sellerId=" + seller.id, "officer").json().getString("sellerId")).isEqualTo(seller.id);

        assertProblem(api.post("/api/v1/account-health/scan", "officer", ""), 403, "forbidden");
        JsonObject scanned = api.post("/api/v1/account-health/scan", "admin", "").json();
        assertThat(scanned.getJsonArray("reviewsStarted").getValuesAs(jakarta.json.JsonString.class))
                .extracting(jakarta.json.JsonString::getString).contains(seller.id);
        assertThat(api.get("/api/v1/risk-events?subjectId=" + seller.id, "officer").body()).contains("TAKE_DOWNS_MANY");
        // a second scan the same day records nothing new and starts nothing
        assertThat(api.post("/api/v1/account-health/scan", "admin", "").json().getJsonArray("reviewsStarted").toString())
                .doesNotContain(seller.id);

        String task = Applicant.awaitTask(api, "reviewSellerAccount", seller.id, "officer");
        assertThat(api.post("/api/v1/tasks/" + task + "/claim", "officer", "").status()).isEqualTo(200);
        assertProblem(api.post("/api/v1/tasks/" + task + "/complete", "officer", "{\"decision\": \"LIMIT_LISTINGS\", \"note\": \"3 take-downs\"}"),
                400, "validation");
        assertThat(api.post("/api/v1/tasks/" + task + "/complete", "officer", "{\"decision\": \"LIMIT_LISTINGS\", \"note\": \"3 take-downs\","
                + " \"message\": \"No new listings until we have reviewed your catalogue.\"}").status()).isEqualTo(200);
        String draft = draft(seller.user, "After the limit " + suffix());
        Api.Response refused = api.post("/api/v1/listings/" + draft + "/submit", seller.user, "");
        assertProblem(refused, 403, "forbidden");
        assertThat(refused.json().getString("detail")).contains("may not add new listings");
        assertThat(api.get("/api/v1/notifications", seller.user).body()).contains("LISTINGS_LIMITED", "No new listings until");
        // the listing still in the catalog stays there
        assertThat(api.get("/api/v1/catalog/products/" + seller.live, null).status()).isEqualTo(200);
    }

    @Test
    void aSuspensionTakesAnotherPersonsApprovalAndEmptiesTheCatalog() throws Exception {
        Seller seller = sellerWithTakeDowns("Health Suspend Probe GmbH");
        api.post("/api/v1/account-health/scan", "admin", "");
        String task = Applicant.awaitTask(api, "reviewSellerAccount", seller.id, "lead");
        assertThat(api.post("/api/v1/tasks/" + task + "/claim", "lead", "").status()).isEqualTo(200);
        JsonObject proposed = api.post("/api/v1/tasks/" + task + "/complete", "lead", "{\"decision\": \"SUSPEND\", \"note\": \"counterfeits\","
                + " \"message\": \"Your account is suspended: three listings were counterfeit.\"}").json();
        assertThat(proposed.getJsonArray("waitingAt").getJsonObject(0).getString("activityId")).isEqualTo("approveSuspension");
        // still live until a second person approves
        assertThat(api.get("/api/v1/catalog/products/" + seller.live, null).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/tasks?type=approveSuspension&limit=200", "lead").body()).doesNotContain(seller.id);

        String lead2 = "lead2-" + UUID.randomUUID().toString().substring(0, 6);
        assertThat(api.post("/api/v1/admin/users", "admin", "{\"username\": \"" + lead2 + "\", \"password\": \"second pair of eyes\","
                + " \"displayName\": \"Second Lead\", \"roles\": [\"compliance-lead\"]}").status()).isEqualTo(201);
        String lead2User = lead2 + ":second pair of eyes";
        String approval = Applicant.awaitTask(api, "approveSuspension", seller.id, lead2User);
        assertProblem(api.post("/api/v1/tasks/" + approval + "/claim", "lead", ""), 403, "forbidden");
        assertThat(api.post("/api/v1/tasks/" + approval + "/claim", lead2User, "").status()).isEqualTo(200);
        assertThat(api.post("/api/v1/tasks/" + approval + "/complete", lead2User, "{\"decision\": \"APPROVE\", \"note\": \"agreed\"}")
                .status()).isEqualTo(200);

        assertThat(api.get("/api/v1/catalog/products/" + seller.live, null).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/notifications", seller.user).body()).contains("SUSPENDED", "three listings were counterfeit");
        Api.Response refused = api.post("/api/v1/listings", seller.user, ListingFixtures.body("After the suspension " + suffix()));
        assertProblem(refused, 403, "forbidden");
        assertThat(api.get("/api/v1/account-health", seller.user).status()).isEqualTo(200);
    }

    /** A new approved seller with three listings an officer took down and one still live. */
    private Seller sellerWithTakeDowns(String company) throws InterruptedException {
        Applicant applicant = Applicant.submitted(api, company + " " + suffix(), "HOME", "Erika Mustermann");
        String sellerId = applicant.awaitStatus("APPROVED").getString("sellerId");
        List<String> listings = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            listings.add(new Shop(api).publishedBy(applicant.user, ListingFixtures.body(company + " item " + i + " " + suffix())));
        }
        for (String id : listings.subList(0, 3)) {
            Api.Response taken = api.post("/api/v1/listings/" + id + "/unpublish", "officer",
                    "{\"note\": \"counterfeit brand\", \"message\": \"This item infringes a trademark.\"}");
            assertThat(taken.status()).as(taken.body()).isEqualTo(200);
        }
        return new Seller(applicant.user, sellerId, listings.get(3));
    }

    private record Seller(String user, String id, String live) {
    }

    private String draft(String user, String title) {
        Api.Response created = api.post("/api/v1/listings", user, ListingFixtures.body(title));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().getString("id");
        assertThat(api.sendBytes("/api/v1/listings/" + id + "/images?fileName=front.png", user, ListingFixtures.PNG).status())
                .isEqualTo(201);
        return id;
    }

    private static JsonObject measure(JsonObject health, String code) {
        return health.getJsonArray("measures").getValuesAs(JsonObject.class).stream().filter(m -> m.getString("code").equals(code))
                .findFirst().orElseThrow();
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 6);
    }
}
