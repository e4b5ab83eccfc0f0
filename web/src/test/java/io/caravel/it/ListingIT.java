package io.caravel.it;

import static io.caravel.it.PlatformIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URL;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Listing review and the public catalog through the REST API on Payara Micro: every automatic
 * check, the review task, edit after publish, tenant isolation, FX prices, ETags and HS help.
 */
@SharedServer.Use
class ListingIT {

    private static final String LISTINGS = "/api/v1/listings/";
    private static final byte[] PNG = ListingFixtures.PNG;
    private static final byte[] PDF = "%PDF-1.4\n% dangerous goods declaration\n".getBytes();


    @SharedServer.Base
    private URL base;

    private Api api;

    @BeforeEach
    void client() {
        api = new Api(base.toString());
    }

    @Test
    void aCleanListingIsPublishedAndServedByThePublicCatalogInTheBuyersCurrency() throws Exception {
        String word = word();
        String id = submitted("seller-a", listing("Bamboo desk organizer " + word, "竹制桌面收纳盒" + word, "442191", "HOME", "20.00", "EUR"));
        awaitStatus(id, "seller-a", "PUBLISHED");
        assertThat(checks(id, "seller-a")).isEmpty();

        JsonObject found = api.get("/api/v1/catalog/products?q=bamboo+" + word, null).json();
        assertThat(found.getJsonArray("items")).hasSize(1);
        assertThat(found.getJsonArray("items").getJsonObject(0).getString("id")).isEqualTo(id);
        assertThat(api.get("/api/v1/catalog/products?q=" + enc("收纳") + "&category=HOME&origin=CN", null).body()).contains(id);
        assertThat(api.get("/api/v1/catalog/products?q=" + word + "&category=TOYS", null).json().getJsonArray("items")).isEmpty();
        assertThat(api.get("/api/v1/catalog/products?q=" + word + "&minPrice=15&maxPrice=25", null).body()).contains(id);
        assertThat(api.get("/api/v1/catalog/products?q=" + word + "&minPrice=21.6&currency=USD", null).body()).contains(id);
        assertThat(api.get("/api/v1/catalog/products?q=" + word + "&maxPrice=21&currency=USD", null).json().getJsonArray("items")).isEmpty();

        Api.Response product = api.get("/api/v1/catalog/products/" + id + "?currency=USD", null);
        assertThat(product.status()).isEqualTo(200);
        JsonObject buyer = product.json().getJsonObject("buyerPrice");
        assertThat(buyer.getJsonNumber("amount").bigDecimalValue()).isEqualByComparingTo("21.70");
        assertThat(buyer.getString("currency")).isEqualTo("USD");
        assertThat(buyer.getString("rateDate")).isEqualTo("2026-11-24");
        assertThat(buyer.getString("source")).contains("ECB");
        assertThat(product.json().getJsonArray("images")).hasSize(1);
        String etag = product.header("ETag");
        assertThat(etag).isNotBlank();
        assertThat(api.send("GET", "/api/v1/catalog/products/" + id + "?currency=USD", null, null, "If-None-Match", etag).status())
                .isEqualTo(304);
        assertThat(api.send("GET", "/api/v1/catalog/products/" + id + "?currency=JPY", null, null, "If-None-Match", etag).status())
                .isEqualTo(200);
        String image = product.json().getJsonArray("images").getString(0);
        assertThat(api.get(image, null).status()).isEqualTo(200);

        assertProblem(api.get("/api/v1/catalog/products/" + UUID.randomUUID(), null), 404, "not-found");
        assertProblem(api.get("/api/v1/catalog/products?currency=XXX", null), 400, "validation");
        assertProblem(api.get("/api/v1/catalog/products?minPrice=abc", null), 400, "validation");
        assertProblem(api.get("/api/v1/catalog/products?cursor=***", null), 400, "validation");
    }

    @Test
    void imagesKeepTheOrderTheyWereAddedInAndTheCatalogShowsThemSo() throws Exception {
        // several within one second: MySQL and MariaDB keep whole seconds, so upload times tie there
        Api.Response created = api.post(LISTINGS, "seller-a", listing("Stacking cups " + word(), null, "442191", "HOME", "9.00", "EUR").toString());
        String id = created.json().getString("id");
        List<String> uploaded = new java.util.ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            Api.Response image = api.sendBytes(LISTINGS + id + "/images?fileName=view-" + i + ".png", "seller-a", PNG);
            assertThat(image.status()).isEqualTo(201);
            uploaded.add(image.json().getString("id"));
        }
        assertThat(api.get(LISTINGS + id, "seller-a").json().getJsonArray("files").getValuesAs(JsonObject.class))
                .extracting(file -> file.getString("fileName")).containsExactly("view-1.png", "view-2.png", "view-3.png",
                        "view-4.png", "view-5.png");
        assertThat(api.post(LISTINGS + id + "/submit", "seller-a", "").status()).isEqualTo(200);
        awaitStatus(id, "seller-a", "PUBLISHED");
        List<String> shown = api.get("/api/v1/catalog/products/" + id, null).json().getJsonArray("images")
                .getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList();
        assertThat(shown).hasSize(5);
        for (int i = 0; i < 5; i++) {
            assertThat(shown.get(i)).as("image %d", i + 1).contains(uploaded.get(i));
        }
    }

    @Test
    void anArmsListingIsRejectedAutomaticallyWithItsReasonAndARiskEvent() throws Exception {
        String id = submitted("seller-a", listing("Replica pistol grip " + word(), null, "930200", "SPORTS", "120.00", "EUR"));
        JsonObject rejected = awaitStatus(id, "seller-a", "REJECTED");
        assertThat(rejected.getString("sellerMessage")).contains("prohibited", "禁售");
        assertThat(checks(id, "seller-a")).contains("ARMS:PROHIBITED:COMPLIANCE");
        assertThat(api.get("/api/v1/risk-events?category=COMPLIANCE&subjectId=" + id, "officer").body()).contains("\"code\":\"ARMS\"");
        assertProblem(api.get("/api/v1/catalog/products/" + id, null), 404, "not-found");
        assertProblem(api.get("/api/v1/risk-events", "seller-a"), 403, "forbidden");
    }

    @Test
    void keywordsCatchWeaponsThatTheHsCodeHides() throws Exception {
        String id = submitted("seller-a", listing("Air rifle with scope " + word(), "气枪", "950300", "TOYS", "89.00", "EUR").toString());
        awaitStatus(id, "seller-a", "REJECTED");
        assertThat(checks(id, "seller-a")).contains("ARMS:PROHIBITED:COMPLIANCE");
    }

    @Test
    void aListingOnceRejectedIsNeverPublishedWithoutAPersonAfterAnEdit() throws Exception {
        JsonObject data = listing("Precision target model " + word(), null, "930320", "SPORTS", "189.00", "EUR");
        String id = submitted("seller-a", data.toString());
        awaitStatus(id, "seller-a", "REJECTED");
        assertThat(checks(id, "seller-a")).containsExactly("ARMS:PROHIBITED:COMPLIANCE");

        // the seller changes only the HS code: every check passes, but the listing was rejected before
        assertThat(api.send("PUT", LISTINGS + id, "seller-a", data.toString().replace("930320", "950300")).status())
                .isEqualTo(200);
        assertThat(api.post(LISTINGS + id + "/submit", "seller-a", "").status()).isEqualTo(200);
        String task = awaitTask(id);
        JsonObject pending = api.get(LISTINGS + id, "seller-a").json();
        assertThat(pending.getString("status")).isEqualTo("PENDING");
        assertThat(pending.getBoolean("live")).isFalse();
        assertProblem(api.get("/api/v1/catalog/products/" + id, null), 404, "not-found");
        // the checks shown are those of the revision under review (all passed), not the earlier ARMS result
        assertThat(checks(id, "seller-a")).isEmpty();
        assertThat(api.get(LISTINGS + id + "/checks?revision=1", "seller-a").body()).contains("ARMS");
        JsonArray revisions = api.get(LISTINGS + id + "/revisions", "officer").structure().asJsonArray();
        assertThat(revisions.getJsonObject(1).getString("outcome")).isEqualTo("REJECTED");
        assertThat(revisions.getJsonObject(1).getJsonObject("product").getString("hsCode")).isEqualTo("930320");
        assertThat(revisions.getJsonObject(0).getString("verdict")).isEqualTo("CLEAN");
        assertThat(api.get("/api/v1/tasks/" + task, "officer").json().getJsonArray("riskReasons").getString(0))
                .isEqualTo("FLAGGED_BEFORE");
    }

    @Test
    void aBatteryWithoutItsDocumentWaitsForReviewAndChangesRequiredLoopBackThroughTheChecks() throws Exception {
        JsonObject data = listing("Power bank " + word(), "充电宝", "850760", "ELECTRONICS", "30.00", "EUR");
        String id = submitted("seller-a", data.toString().replace("\"lithiumBattery\":false", "\"lithiumBattery\":true,\"unNumber\":\"UN3480\""));
        String task = awaitTask(id);
        assertThat(checks(id, "officer")).contains("LITHIUM_BATTERY:REVIEW:LOGISTICS");
        assertThat(api.get("/api/v1/tasks/" + task, "officer").json().getString("riskLevel")).isEqualTo("MEDIUM");
        assertThat(api.get("/api/v1/risk-events?category=LOGISTICS&subjectId=" + id, "officer").body()).contains("LITHIUM_BATTERY");

        assertThat(api.post("/api/v1/tasks/" + task + "/claim", "officer", "").status()).isEqualTo(200);
        assertProblem(api.post("/api/v1/tasks/" + task + "/complete", "officer", "{\"decision\": \"CHANGES_REQUIRED\"}"), 400, "validation");
        assertThat(api.post("/api/v1/tasks/" + task + "/complete", "officer",
                "{\"decision\": \"CHANGES_REQUIRED\", \"note\": \"UN38.3 summary missing\","
                        + " \"message\": \"Add the dangerous goods declaration (UN38.3)\"}").status()).isEqualTo(200);
        JsonObject changes = awaitStatus(id, "seller-a", "CHANGES_REQUIRED");
        assertThat(changes.getString("sellerMessage")).isEqualTo("Add the dangerous goods declaration (UN38.3)");
        assertThat(api.get("/api/v1/notifications", "seller-a").body()).contains("LISTING_CHANGES_REQUIRED");

        assertThat(api.sendBytes(LISTINGS + id + "/documents?kind=DANGEROUS_GOODS_DECLARATION&fileName=dgd.pdf", "seller-a", PDF)
                .status()).isEqualTo(201);
        assertThat(api.post(LISTINGS + id + "/submit", "seller-a", "").status()).isEqualTo(200);
        // sent back once, so a person looks at the changed revision too, even though every check passes now
        String again = awaitTask(id);
        assertThat(checks(id, "seller-a")).contains("LITHIUM_BATTERY:PASSED:LOGISTICS");
        assertThat(api.get("/api/v1/tasks/" + again, "officer").json().getJsonArray("riskReasons").getString(0))
                .isEqualTo("FLAGGED_BEFORE");
        api.post("/api/v1/tasks/" + again + "/claim", "officer", "");
        assertThat(api.post("/api/v1/tasks/" + again + "/complete", "officer", "{\"decision\": \"PUBLISH\"}").status())
                .isEqualTo(200);
        awaitStatus(id, "seller-a", "PUBLISHED");
        String sellerHistory = api.get(LISTINGS + id + "/history", "seller-a").body();
        assertThat(sellerHistory).contains("LISTING_CHANGES_REQUIRED", "LISTING_SUBMITTED", "LISTING_PUBLISHED", "UN38.3)");
        assertThat(sellerHistory).doesNotContain("TASK_DECIDED", "UN38.3 summary missing", "LISTING_CHECKED", "officer");
        assertThat(api.get(LISTINGS + id + "/history", "officer").body()).contains("TASK_DECIDED", "UN38.3 summary missing");
    }

    @Test
    void aRegisteredBrandListedByAnUnauthorisedSellerGoesToReviewAndTheOfficerMayReject() throws Exception {
        String brand = "Nordlicht " + word();
        assertThat(api.post("/api/v1/brands", "seller-b", "{\"name\": \"" + brand + "\", \"trademark\": \"EUTM 018000001\"}").status())
                .isEqualTo(201);
        assertProblem(api.post("/api/v1/brands", "seller-a", "{\"name\": \"" + brand.toUpperCase() + "\"}"), 409, "conflict");
        JsonObject data = listing("Desk lamp " + word(), null, "940521", "HOME", "35.00", "EUR");
        String id = submitted("seller-a", data.toString().replace("\"brand\":null", "\"brand\":\"" + brand.toLowerCase() + "\""));
        String task = awaitTask(id);
        assertThat(checks(id, "officer")).contains("BRAND_NOT_AUTHORIZED:REVIEW:IP");
        api.post("/api/v1/tasks/" + task + "/claim", "officer", "");
        assertProblem(api.post("/api/v1/tasks/" + task + "/complete", "officer",
                "{\"decision\": \"REJECT\", \"messageTemplate\": \"BRAND_NOT_AUTHORIZED\"}"), 400, "validation");
        assertProblem(api.post("/api/v1/tasks/" + task + "/complete", "officer",
                "{\"decision\": \"REJECT\", \"note\": \"owner complained\", \"messageTemplate\": \"NO_SUCH_TEMPLATE\"}"),
                400, "validation");
        assertThat(api.post("/api/v1/tasks/" + task + "/complete", "officer",
                "{\"decision\": \"REJECT\", \"note\": \"Brand owner seller-b filed a complaint\","
                        + " \"messageTemplate\": \"BRAND_NOT_AUTHORIZED\"}").status()).isEqualTo(200);
        JsonObject rejected = awaitStatus(id, "seller-a", "REJECTED");
        assertThat(rejected.getString("sellerMessage")).contains("not authorised to sell this brand", "未获授权");
        assertThat(rejected.toString() + api.get(LISTINGS + id + "/history", "seller-a").body()
                + api.get("/api/v1/notifications", "seller-a").body()).doesNotContain("complaint");

        String brandId = api.get("/api/v1/brands", "seller-b").structure().asJsonArray().getValuesAs(JsonObject.class).stream()
                .filter(b -> b.getString("name").equals(brand)).findFirst().orElseThrow().getString("id");
        String sellerA = api.get("/api/v1/me", "seller-a").json().getString("sellerId");
        assertThat(api.post("/api/v1/brands/" + brandId + "/authorizations", "seller-b", "{\"sellerId\": \"" + sellerA + "\"}").status())
                .isEqualTo(204);
        String authorised = submitted("seller-a", data.toString().replace("\"brand\":null", "\"brand\":\"" + brand + "\""));
        awaitStatus(authorised, "seller-a", "PUBLISHED");
    }

    @Test
    void aDropshipListingUnderTheSuppliersMinimumAdvertisedPriceIsFlagged() throws Exception {
        JsonObject wholesale = listing("Espresso cups set " + word(), "意式咖啡杯套装", "691200", "HOME", "12.00", "EUR");
        String supplierItem = submitted("seller-b", wholesale.toString()
                .replace("\"wholesale\":false", "\"wholesale\":true,\"minAdvertisedPrice\":50.00"));
        awaitStatus(supplierItem, "seller-b", "PUBLISHED");
        assertThat(api.get("/api/v1/catalog/products?wholesale=true&limit=200", null).body()).contains(supplierItem);
        assertThat(api.get("/api/v1/catalog/products?limit=200", null).body()).doesNotContain(supplierItem);

        JsonObject resale = listing("Espresso cups set, dropship " + word(), null, "691200", "HOME", "40.00", "EUR");
        String id = submitted("seller-a", resale.toString().replace("\"supplierListingId\":null", "\"supplierListingId\":\"" + supplierItem + "\""));
        awaitTask(id);
        assertThat(checks(id, "officer")).contains("MAP_VIOLATION:REVIEW:PLATFORM_RULES");
        assertThat(api.get("/api/v1/risk-events?category=PLATFORM_RULES&subjectId=" + id, "lead").body()).contains("MAP_VIOLATION");

        assertProblem(api.post(LISTINGS, "seller-b", resale.toString()
                .replace("\"supplierListingId\":null", "\"supplierListingId\":\"" + supplierItem + "\"")), 400, "validation");
    }

    @Test
    void editingAPublishedListingKeepsThePublishedVersionLiveUntilTheChangePasses() throws Exception {
        String word = word();
        JsonObject data = listing("Linen napkins " + word, "亚麻餐巾", "630253", "HOME", "18.00", "EUR");
        String id = submitted("seller-a", data.toString());
        JsonObject published = awaitStatus(id, "seller-a", "PUBLISHED");

        Api.Response edited = api.send("PUT", LISTINGS + id, "seller-a",
                data.toString().replace("Linen napkins", "Washed linen napkins"), "If-Match", "\"" + published.getInt("version") + "\"");
        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.json().getString("status")).isEqualTo("DRAFT");
        assertThat(edited.json().getBoolean("live")).isTrue();
        assertProblem(api.send("PUT", LISTINGS + id, "seller-a", data.toString(), "If-Match", "\"" + published.getInt("version") + "\""),
                412, "precondition-failed");
        assertThat(api.get("/api/v1/catalog/products/" + id, null).json().getJsonObject("title").getString("en"))
                .isEqualTo("Linen napkins " + word);

        assertThat(api.post(LISTINGS + id + "/submit", "seller-a", "").status()).isEqualTo(200);
        for (int i = 0; i < 120 && !api.get("/api/v1/catalog/products/" + id, null).json().getJsonObject("title").getString("en")
                .startsWith("Washed"); i++) {
            Thread.sleep(500);
        }
        JsonObject served = api.get("/api/v1/catalog/products/" + id, null).json();
        assertThat(served.getJsonObject("title").getString("en")).isEqualTo("Washed linen napkins " + word);
        assertThat(served.getInt("revision")).isEqualTo(2);

        assertThat(api.post(LISTINGS + id + "/unpublish", "officer", "{}").status()).isEqualTo(400);
        JsonObject takenDown = api.post(LISTINGS + id + "/unpublish", "officer", "{\"note\": \"Test take-down\"}").json();
        assertThat(takenDown.getString("status")).isEqualTo("UNPUBLISHED");
        assertThat(api.get(LISTINGS + id, "seller-a").json().getString("sellerMessage")).contains("platform rules")
                .doesNotContain("Test take-down");
        assertProblem(api.get("/api/v1/catalog/products/" + id, null), 404, "not-found");
    }

    @Test
    void sellersReachOnlyTheirOwnListingsAndDraftsNeverReachTheCatalog() {
        String word = word();
        Api.Response created = api.post(LISTINGS, "seller-a", listing("Private draft " + word, null, "610910", "APPAREL", "9.00", "EUR").toString());
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().getString("id");
        for (String path : List.of(LISTINGS + id, LISTINGS + id + "/checks", LISTINGS + id + "/history")) {
            assertProblem(api.get(path, "seller-b"), 404, "not-found");
        }
        assertProblem(api.send("PUT", LISTINGS + id, "seller-b", "{}"), 404, "not-found");
        assertProblem(api.post(LISTINGS + id + "/submit", "seller-b", ""), 404, "not-found");
        assertProblem(api.sendBytes(LISTINGS + id + "/images", "seller-b", PNG), 404, "not-found");
        assertThat(api.get(LISTINGS + "?limit=200", "seller-b").body()).doesNotContain(id);
        assertThat(api.get(LISTINGS + id, "officer").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/catalog/products?q=" + word, null).json().getJsonArray("items")).isEmpty();
        assertProblem(api.get("/api/v1/catalog/products/" + id, null), 404, "not-found");
        assertProblem(api.get(LISTINGS + id, null), 401, "unauthenticated");

        Api.Response incomplete = api.post(LISTINGS + id + "/submit", "seller-a", "");
        assertProblem(incomplete, 400, "validation");
        assertThat(incomplete.body()).contains("images");
        assertProblem(api.sendBytes(LISTINGS + id + "/images", "seller-a", PDF), 415, "unsupported-media-type");
        assertProblem(api.post(LISTINGS, "seller-a", "{\"currency\": \"EURO\", \"price\": -1}"), 400, "validation");
        assertProblem(api.post(LISTINGS, "buyer", "{}"), 403, "forbidden");
    }

    @Test
    void adminsLoadRatesInTheEcbLayoutAndHsHelpAnswersEveryone() {
        assertThat(api.send("POST", "/api/v1/fx/rates?source=ECB", "admin", null).status()).isEqualTo(400);
        Api.Response loaded = api.postText("/api/v1/fx/rates?source=ECB", "admin", "text/csv",
                "Date, USD, JPY, \n23 November 2026, 1.0800, 161.90, \n");
        assertThat(loaded.status()).as(loaded.body()).isEqualTo(200);
        assertThat(loaded.json().getInt("rates")).isEqualTo(2);
        assertThat(api.get("/api/v1/fx/rates", null).body()).contains("\"currency\":\"USD\"", "2026-11-24");
        assertProblem(api.postText("/api/v1/fx/rates", "admin", "text/csv", "Date, USD\n23 November 2026, abc\n"), 400, "validation");
        assertProblem(api.postText("/api/v1/fx/rates", "seller-a", "text/csv", "Date, USD\n23 November 2026, 1.1\n"), 403, "forbidden");

        JsonObject code = api.get("/api/v1/hs/codes/8507.60", null).json();
        assertThat(code.toString()).contains("850760", "XVI");
        assertProblem(api.get("/api/v1/hs/codes/7701", null), 400, "validation");
        assertProblem(api.get("/api/v1/hs/codes/999998", null), 404, "not-found");
        assertThat(api.get("/api/v1/hs/suggestions?q=lithium+ion+battery", null).body()).contains("850760");
    }

    private String submitted(String seller, String json) {
        Api.Response created = api.post(LISTINGS, seller, json);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().getString("id");
        assertThat(api.sendBytes(LISTINGS + id + "/images?fileName=front.png", seller, PNG).status()).isEqualTo(201);
        Api.Response submitted = api.post(LISTINGS + id + "/submit", seller, "");
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        assertThat(submitted.json().getString("status")).isEqualTo("PENDING");
        return id;
    }

    private String submitted(String seller, JsonObject json) {
        return submitted(seller, json.toString());
    }

    private JsonObject awaitStatus(String id, String user, String status) throws InterruptedException {
        JsonObject listing = null;
        for (int i = 0; i < 120; i++) {
            listing = api.get(LISTINGS + id, user).json();
            if (listing.getString("status").equals(status)) {
                return listing;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("listing " + id + " is not " + status + ": " + listing);
    }

    private String awaitTask(String caseId) throws InterruptedException {
        for (int i = 0; i < 120; i++) {
            for (JsonObject task : api.get("/api/v1/tasks?type=reviewListing&limit=200", "officer").json().getJsonArray("items")
                    .getValuesAs(JsonObject.class)) {
                if (caseId.equals(task.getString("caseId", null))) {
                    return task.getString("id");
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no review task for " + caseId);
    }

    /** The latest checks as CODE:OUTCOME:CATEGORY. */
    private List<String> checks(String id, String user) {
        return api.get(LISTINGS + id + "/checks", user).structure().asJsonArray().getValuesAs(JsonObject.class).stream()
                .map(c -> c.getString("code") + ":" + c.getString("outcome") + ":" + c.getString("riskCategory")).toList();
    }

    static JsonObject listing(String titleEn, String titleZh, String hs, String category, String price, String currency) {
        return jakarta.json.Json.createObjectBuilder()
                .add("titleEn", titleEn).add("titleZh", titleZh == null ? jakarta.json.JsonValue.NULL : jakarta.json.Json.createValue(titleZh))
                .add("descriptionEn", titleEn + ", well made.").add("brand", jakarta.json.JsonValue.NULL)
                .add("category", category).add("hsCode", hs).add("originCountry", "CN")
                .add("price", new java.math.BigDecimal(price)).add("currency", currency).add("stockOwn", 10)
                .add("lithiumBattery", false).add("wholesale", false).add("supplierListingId", jakarta.json.JsonValue.NULL)
                .add("weightGrams", 300).build();
    }

    private static String word() {
        return "w" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
