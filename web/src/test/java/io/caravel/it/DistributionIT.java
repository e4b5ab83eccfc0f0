package io.caravel.it;

import static io.caravel.it.PlatformIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.URL;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Distribution's price system (价格体系混乱) on the real server: a reseller's dropship listing an officer
 * published below the supplier's minimum advertised price is found by the price scan, recorded at most
 * once a day, the brand owner and the reseller are told; resellers far apart on the same item
 * are a market event; repeated violations start a review of the reseller's account.
 */
@SharedServer.Use
class DistributionIT {

    @SharedServer.Base
    private URL base;

    private Api api;
    private Shop shop;

    @BeforeEach
    void client() {
        api = new Api(base.toString());
        shop = new Shop(api);
    }

    @Test
    void thePriceScanFindsListingsBelowTheMinimumAdvertisedPriceOnceAndReviewsRepeatOffenders() throws Exception {
        String word = UUID.randomUUID().toString().substring(0, 6);
        String item = supplierItem("Wholesale rattan basket " + word, "15.00");
        String fair = shop.published(resale("Rattan basket " + word, item, "31.00"));
        String cheap = publishedAnyway(resale("Cheap rattan basket " + word, item, "12.00"));
        String cheaper = publishedAnyway(resale("Cheapest rattan basket " + word, item, "11.00"));

        assertProblem(api.post("/api/v1/admin/price-scan", "seller-a", ""), 403, "forbidden");
        Api.Response scanned = api.post("/api/v1/admin/price-scan", "admin", "");
        assertThat(scanned.status()).as(scanned.body()).isEqualTo(200);
        assertThat(scanned.json().getInt("violations")).isGreaterThanOrEqualTo(2);

        List<JsonObject> found = events(cheap, "MAP_VIOLATION_LIVE");
        assertThat(found).hasSize(1);
        JsonObject event = found.get(0);
        assertThat(event.getString("detail")).startsWith("price scan:");
        assertThat(event.getString("category")).isEqualTo("PLATFORM_RULES");
        assertThat(event.getString("detail")).contains("12", "15");
        assertThat(events(fair, "MAP_VIOLATION_LIVE")).isEmpty();
        // the same item 31 EUR at one reseller and 11 at another: the price system is apart
        assertThat(events(item, "PRICE_DISPERSION")).singleElement().satisfies(e -> assertThat(e.getString("category")).isEqualTo("MARKET"));

        // a second scan the same day records nothing new
        api.post("/api/v1/admin/price-scan", "admin", "");
        assertThat(events(cheap, "MAP_VIOLATION_LIVE")).hasSize(1);
        assertThat(events(item, "PRICE_DISPERSION")).hasSize(1);

        // the brand owner and the reseller are told
        assertThat(api.get("/api/v1/notifications", "seller-b").body()).contains("MAP_VIOLATION_REPORTED", cheaper);
        assertThat(api.get("/api/v1/notifications", "seller-a").body()).contains("PRICE_BELOW_MAP");

        // two listings, each flagged at review and by the scan: the reseller's account is under review
        String sellerA = api.get("/api/v1/catalog/products/" + cheap, null).json().getString("sellerId");
        assertThat(Applicant.awaitTask(api, "reviewSellerAccount", sellerA, "officer")).isNotBlank();
    }

    @Test
    void aDropshipSalePaysTheSupplierItsWholesalePriceFromTheResellersPayout() throws Exception {
        String word = UUID.randomUUID().toString().substring(0, 6);
        String item = supplierItem("Wholesale rattan tray " + word, "15.00");
        String resold = shop.published(resale("Rattan tray " + word, item, "31.00"));
        String buyer = shop.newUser("buyer", "buyer");
        String order = shop.paid(buyer, resold, 2);
        JsonObject line = api.get("/api/v1/orders/" + order, buyer).json().getJsonObject("pricing").getJsonArray("lines").getJsonObject(0);
        assertThat(line.getJsonObject("supplierCost").getJsonNumber("amount").bigDecimalValue()).isEqualByComparingTo("16.00");
        // not shipped yet: nothing for the supplier, nothing charged to the reseller
        JsonObject first = Shop.runPayouts(api).json();
        assertThat(entries(first, "SUPPLIER_COST", order)).isEmpty();
        assertThat(entries(first, "SUPPLY", order)).isEmpty();
        // the supplier ships the dropship line; the next run settles both sides of it
        assertThat(api.post("/api/v1/orders/" + order + "/shipment", "seller-b", "{}").status()).isEqualTo(200);
        JsonObject ran = Shop.runPayouts(api).json();
        String sellerA = api.get("/api/v1/catalog/products/" + resold, null).json().getString("sellerId");
        String sellerB = api.get("/api/v1/catalog/products/" + item, null).json().getString("sellerId");
        JsonObject cost = entry(ran, sellerA, "SUPPLIER_COST", order);
        JsonObject supply = entry(ran, sellerB, "SUPPLY", order);
        assertThat(cost.getJsonObject("amount").getJsonNumber("amount").bigDecimalValue()).isEqualByComparingTo("-16.00");
        assertThat(supply.getJsonObject("amount").getJsonNumber("amount").bigDecimalValue()).isEqualByComparingTo("16.00");
        // a third run pays neither again
        JsonObject again = Shop.runPayouts(api).json();
        assertThat(entries(again, "SUPPLIER_COST", order)).isEmpty();
        assertThat(entries(again, "SUPPLY", order)).isEmpty();
    }

    private List<JsonObject> entries(JsonObject run, String kind, String order) {
        return run.getJsonArray("payouts").getValuesAs(JsonObject.class).stream()
                .flatMap(p -> api.get("/api/v1/payouts/" + p.getString("id"), "admin").json().getJsonArray("entries")
                        .getValuesAs(JsonObject.class).stream())
                .filter(e -> e.getString("kind").equals(kind) && e.getString("orderId").equals(order)).toList();
    }

    /** The one entry of a kind for an order in the seller's payouts of a run. */
    private JsonObject entry(JsonObject run, String sellerId, String kind, String order) {
        return run.getJsonArray("payouts").getValuesAs(JsonObject.class).stream()
                .filter(p -> sellerId.equals(p.getString("payeeId")))
                .flatMap(p -> api.get("/api/v1/payouts/" + p.getString("id"), "admin").json().getJsonArray("entries")
                        .getValuesAs(JsonObject.class).stream())
                .filter(e -> e.getString("kind").equals(kind) && e.getString("orderId").equals(order))
                .reduce((a, b) -> { throw new AssertionError("two " + kind + " entries for " + order); })
                .orElseThrow(() -> new AssertionError("no " + kind + " entry for " + order + " of " + sellerId + ": " + run));
    }

    private String supplierItem(String title, String minimumPrice) throws InterruptedException {
        return shop.publishedBy("seller-b", Json.createObjectBuilder()
                .add("titleEn", title).add("descriptionEn", "Rattan basket, sold to resellers.").add("category", "HOME")
                .add("hsCode", "460219").add("originCountry", "VN").add("price", new BigDecimal("8.00")).add("currency", "EUR")
                .add("stockOwn", 500).add("lithiumBattery", false).add("wholesale", true)
                .add("minAdvertisedPrice", new BigDecimal(minimumPrice)).add("weightGrams", 500).build().toString());
    }

    private static String resale(String title, String item, String price) {
        return Json.createObjectBuilder().add("titleEn", title).add("descriptionEn", "Rattan basket, shipped by our supplier.")
                .add("category", "HOME").add("hsCode", "460219").add("originCountry", "VN").add("price", new BigDecimal(price))
                .add("currency", "EUR").add("stockOwn", 0).add("lithiumBattery", false).add("wholesale", false)
                .add("supplierListingId", item).add("weightGrams", 500).build().toString();
    }

    /** A resale under the minimum price goes to an officer, who publishes it anyway. */
    private String publishedAnyway(String json) throws InterruptedException {
        Api.Response created = api.post("/api/v1/listings", "seller-a", json);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().getString("id");
        assertThat(api.sendBytes("/api/v1/listings/" + id + "/images?fileName=front.png", "seller-a", ListingFixtures.PNG).status())
                .isEqualTo(201);
        assertThat(api.post("/api/v1/listings/" + id + "/submit", "seller-a", "").status()).isEqualTo(200);
        String task = Applicant.awaitTask(api, "reviewListing", id, "officer");
        assertThat(api.post("/api/v1/tasks/" + task + "/claim", "officer", "").status()).isEqualTo(200);
        assertThat(api.post("/api/v1/tasks/" + task + "/complete", "officer",
                "{\"decision\": \"PUBLISH\", \"note\": \"promotion agreed with the brand\"}").status()).isEqualTo(200);
        for (int i = 0; i < 120 && api.get("/api/v1/catalog/products/" + id, null).status() != 200; i++) {
            Thread.sleep(500);
        }
        return id;
    }

    private List<JsonObject> events(String subject, String code) {
        return api.get("/api/v1/risk-events?limit=100&subjectId=" + subject, "officer").json().getJsonArray("items")
                .getValuesAs(JsonObject.class).stream().filter(e -> e.getString("code").equals(code)).toList();
    }
}
