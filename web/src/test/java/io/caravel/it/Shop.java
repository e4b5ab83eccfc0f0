package io.caravel.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Buying through the API as integration tests need it: seller-a's published listings, quotes, orders, payments, shipping. */
final class Shop {

    private final Api api;

    Shop(Api api) {
        this.api = api;
    }

    /** A listing's JSON: a unique title, seller's own stock, a plain description. */
    static String product(String title, String hs, String category, String price, String currency, int stock, int grams) {
        return Json.createObjectBuilder().add("titleEn", title + " " + UUID.randomUUID().toString().substring(0, 6))
                .add("descriptionEn", title + ", plain and well made.").add("category", category).add("hsCode", hs)
                .add("originCountry", "CN").add("price", new BigDecimal(price)).add("currency", currency)
                .add("stockOwn", stock).add("lithiumBattery", false).add("wholesale", false).add("weightGrams", grams)
                .build().toString();
    }

    /** A listing of seller-a, submitted with an image (and the documents named) and published by the review. */
    String published(String json, String... documents) throws InterruptedException {
        return publishedBy("seller-a", json, documents);
    }

    /** A listing of any seller user, submitted with an image (and the documents named) and published by the review. */
    String publishedBy(String seller, String json, String... documents) throws InterruptedException {
        Api.Response created = api.post("/api/v1/listings", seller, json);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().getString("id");
        assertThat(api.sendBytes("/api/v1/listings/" + id + "/images?fileName=front.png", seller, ListingFixtures.PNG)
                .status()).isEqualTo(201);
        for (String kind : documents) {
            assertThat(api.sendBytes("/api/v1/listings/" + id + "/documents?kind=" + kind + "&fileName=report.pdf", seller,
                    "%PDF-1.4\n% report\n".getBytes(StandardCharsets.US_ASCII)).status()).isEqualTo(201);
        }
        assertThat(api.post("/api/v1/listings/" + id + "/submit", seller, "").status()).isEqualTo(200);
        for (int i = 0; i < 120; i++) {
            if (api.get("/api/v1/catalog/products/" + id, null).status() == 200) {
                return id;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("listing " + id + " was not published: " + api.get("/api/v1/listings/" + id, seller));
    }

    static String quoteBody(String product, int quantity, String country, String currency) {
        return "{\"lines\": [{\"productId\": \"" + product + "\", \"quantity\": " + quantity + "}], \"destinationCountry\": \""
                + country + "\", \"shippingMethod\": \"STANDARD\", \"currency\": \"" + currency + "\"}";
    }

    static String consignee(String name, String idNumber) {
        return "{\"name\": \"" + name + "\", \"phone\": \"+49 30 1234567\", \"address\": \"Hafenstraße 1\", \"city\": \"Berlin\","
                + " \"postcode\": \"10115\"" + (idNumber == null ? "" : ", \"idNumber\": \"" + idNumber + "\"") + "}";
    }

    /** An order of the buyer to Germany in euros, placed and not yet paid; answers its id. */
    String placed(String buyer, String product, int quantity) {
        return placed(buyer, product, quantity, "Ada Lovelace");
    }

    /** An order of the buyer to Germany in euros for this consignee, placed and not yet paid; answers its id. */
    String placed(String buyer, String product, int quantity, String consigneeName) {
        Api.Response quote = api.post("/api/v1/checkout/quotes", buyer, quoteBody(product, quantity, "DE", "EUR"));
        assertThat(quote.status()).as(quote.body()).isEqualTo(201);
        String body = "{\"quoteId\": \"" + quote.json().getString("id") + "\", \"consignee\": " + consignee(consigneeName, null) + "}";
        Api.Response placed = api.send("POST", "/api/v1/orders", buyer, body, "Idempotency-Key", key());
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        return placed.json().getString("id");
    }

    /** Pays the order through the payment simulator (its signed webhook over HTTP) and waits until the order is paid. */
    String paid(String buyer, String product, int quantity) throws InterruptedException {
        String order = placed(buyer, product, quantity);
        pay(buyer, order, "APPROVE", 0, 1);
        awaitOrder(buyer, order, "PAID");
        return order;
    }

    /** The simulator's reference of the order's pending payment. */
    String payRef(String buyer, String order) {
        String payUrl = api.get("/api/v1/orders/" + order, buyer).json().getJsonObject("payment").getString("payUrl");
        return payUrl.substring(payUrl.lastIndexOf('/') + 1);
    }

    void pay(String buyer, String order, String outcome, int delaySeconds, int deliveries) {
        Api.Response paid = api.post("/api/v1/payment-simulator/payments/" + payRef(buyer, order), buyer,
                "{\"outcome\": \"" + outcome + "\", \"payerName\": \"Bo Buyer\", \"payerIdNumber\": \"110101199003070000\","
                        + " \"delaySeconds\": " + delaySeconds + ", \"deliveries\": " + deliveries + "}");
        assertThat(paid.status()).as(paid.body()).isEqualTo(202);
    }

    JsonObject awaitOrder(String buyer, String order, String status) throws InterruptedException {
        JsonObject found = null;
        for (int i = 0; i < 120; i++) {
            found = api.get("/api/v1/orders/" + order, buyer).json();
            if (found.getString("status").equals(status)) {
                return found;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("order " + order + " is not " + status + ": " + found);
    }

    void ship(String order) {
        Api.Response shipped = api.post("/api/v1/orders/" + order + "/shipment", "seller-a", "{}");
        assertThat(shipped.status()).as(shipped.body()).isEqualTo(200);
    }

    /** A new user with one role (password "copper kettle morning"); answers "name:password" for {@link Api}. */
    String newUser(String prefix, String role) {
        String user = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response created = api.post("/api/v1/admin/users", "admin", "{\"username\": \"" + user
                + "\", \"password\": \"copper kettle morning\", \"displayName\": \"Test " + prefix + "\", \"roles\": [\""
                + role + "\"]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return user + ":copper kettle morning";
    }

    /** An administrator's payout run up to now (its cut-off is the next whole second; the server waits for it). */
    static Api.Response runPayouts(Api api) {
        Api.Response ran = api.post("/api/v1/payouts/runs", "admin", "{}");
        assertThat(ran.status()).as(ran.body()).isEqualTo(200);
        return ran;
    }

    static String key() {
        return UUID.randomUUID().toString();
    }
}
