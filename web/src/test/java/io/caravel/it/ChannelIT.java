package io.caravel.it;

import static io.caravel.it.PlatformIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Self-operated selling on the real server: a storefront channel with its own token sees only its
 * store's products in its currencies and quotes only to its destinations, and its orders record the
 * channel; a new token retires the old one, a deactivated channel's token stops working. The
 * platform's own store lists under the same checks as any seller and is not paid out.
 */
@SharedServer.Use
class ChannelIT {

    private static final String HEADER = "X-Channel-Token";

    @SharedServer.Base
    private URL base;

    private Api api;
    private Shop shop;

    /** seller-a's: 12.00 EUR. */
    private static String candle;

    @BeforeEach
    void client() throws InterruptedException {
        api = new Api(base.toString());
        shop = new Shop(api);
        if (candle == null) {
            candle = shop.published(Shop.product("Soy wax candle", "340600", "HOME", "12.00", "EUR", 500, 300));
        }
    }

    @Test
    void aChannelSellsOnlyItsStoreInItsCurrenciesToItsDestinations() throws Exception {
        String sellerA = api.get("/api/v1/catalog/products/" + candle, null).json().getString("sellerId");
        Api.Response created = api.post("/api/v1/channels", "admin", channel("Seller A EU site " + Shop.key().substring(0, 6),
                sellerA, "[\"EUR\", \"GBP\"]", "[\"DE\", \"FR\"]", "[\"en\", \"zh\"]"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String token = created.json().getString("token");
        String id = created.json().getJsonObject("channel").getString("id");
        assertThat(token).startsWith("ch_").contains(".");
        assertThat(api.get("/api/v1/channels", "admin").body()).contains(id).doesNotContain(token.substring(token.indexOf('.') + 1));

        JsonObject current = api.send("GET", "/api/v1/channels/current", null, null, HEADER, token).json();
        assertThat(current.getJsonArray("destinations").getValuesAs(jakarta.json.JsonString.class))
                .extracting(jakarta.json.JsonString::getString).containsExactly("DE", "FR");

        // the catalog through the channel: seller-a's products only, priced in its first currency by default
        List<JsonObject> found = api.send("GET", "/api/v1/catalog/products?limit=100", null, null, HEADER, token).json()
                .getJsonArray("items").getValuesAs(JsonObject.class);
        assertThat(found).isNotEmpty().allMatch(p -> p.getString("sellerId").equals(sellerA))
                .allMatch(p -> p.getJsonObject("buyerPrice").getString("currency").equals("EUR"));
        assertProblem(api.send("GET", "/api/v1/catalog/products?currency=USD", null, null, HEADER, token), 400, "validation");
        String direct = firstPartyProduct();
        assertThat(api.send("GET", "/api/v1/catalog/products/" + direct, null, null, HEADER, token).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/catalog/products/" + direct, null).status()).isEqualTo(200);

        // quotes: its destinations and store only; the order records the channel
        String buyer = shop.newUser("buyer", "buyer");
        Api.Response toUk = api.send("POST", "/api/v1/checkout/quotes", buyer, Shop.quoteBody(candle, 1, "GB", "GBP"), HEADER, token);
        assertProblem(toUk, 400, "validation");
        assertThat(toUk.body()).contains("destinationCountry");
        Api.Response otherStore = api.send("POST", "/api/v1/checkout/quotes", buyer, Shop.quoteBody(direct, 1, "DE", "EUR"), HEADER, token);
        assertProblem(otherStore, 400, "validation");
        assertThat(otherStore.body()).contains("lines[0].productId");
        Api.Response quoted = api.send("POST", "/api/v1/checkout/quotes", buyer, Shop.quoteBody(candle, 1, "FR", "GBP"), HEADER, token);
        assertThat(quoted.status()).as(quoted.body()).isEqualTo(201);
        assertThat(quoted.json().getString("channelId")).isEqualTo(id);
        assertThat(quoted.json().getJsonObject("amounts").getString("currency")).isEqualTo("GBP");
        String body = "{\"quoteId\": \"" + quoted.json().getString("id") + "\", \"consignee\": " + Shop.consignee("Ada Lovelace", null) + "}";
        Api.Response placed = api.send("POST", "/api/v1/orders", buyer, body, "Idempotency-Key", Shop.key());
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        assertThat(placed.json().getJsonObject("pricing").getString("channelId")).isEqualTo(id);

        // a new token retires the old one; a deactivated channel's token stops working
        String renewed = api.post("/api/v1/channels/" + id + "/token", "admin", "").json().getString("token");
        assertProblem(api.send("GET", "/api/v1/catalog/products", null, null, HEADER, token), 401, "unauthenticated");
        assertThat(api.send("GET", "/api/v1/catalog/products", null, null, HEADER, renewed).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/channels/" + id + "/deactivate", "admin", "").json().getBoolean("active")).isFalse();
        assertProblem(api.send("GET", "/api/v1/channels/current", null, null, HEADER, renewed), 401, "unauthenticated");
        assertProblem(api.post("/api/v1/channels/" + id + "/token", "admin", ""), 409, "conflict");
        assertProblem(api.send("GET", "/api/v1/catalog/products", null, null, HEADER, "ch_nothing.secret"), 401, "unauthenticated");
        assertProblem(api.send("GET", "/api/v1/catalog/products", null, null, HEADER, "no-dot"), 401, "unauthenticated");
    }

    @Test
    void onlyAdministratorsSetUpChannelsAndBadSettingsAreNamed() {
        String ok = channel("Site", null, "[\"EUR\"]", "[\"DE\"]", "[\"en\"]");
        assertThat(api.post("/api/v1/channels", "seller-a", ok).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/channels", null, ok).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/channels", "officer").status()).isEqualTo(403);
        for (String bad : List.of(
                channel("Site", null, "[\"XXX\"]", "[\"DE\"]", "[\"en\"]"),
                channel("Site", null, "[\"EUR\"]", "[\"ZZ\"]", "[\"en\"]"),
                channel("Site", null, "[\"EUR\"]", "[\"DE\"]", "[\"fr\"]"),
                channel("Site", "no-such-seller", "[\"EUR\"]", "[\"DE\"]", "[\"en\"]"),
                channel("Site", null, "[null]", "[\"DE\"]", "[\"en\"]"),
                channel("", null, "[\"EUR\"]", "[]", "[\"en\"]"))) {
            assertProblem(api.post("/api/v1/channels", "admin", bad), 400, "validation");
        }
        // the whole marketplace's channel (no store) works too
        Api.Response created = api.post("/api/v1/channels", "admin", ok);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().getJsonObject("channel").getString("id");
        Api.Response read = api.get("/api/v1/channels/" + id, "admin");
        assertProblem(api.send("PUT", "/api/v1/channels/" + id, "admin", channel("Site 2", null, "[\"EUR\"]", "[\"DE\", \"FR\"]",
                "[\"en\"]"), "If-Match", "\"999\""), 412, "precondition-failed");
        Api.Response changed = api.send("PUT", "/api/v1/channels/" + id, "admin", channel("Site 2", null, "[\"EUR\"]",
                "[\"DE\", \"FR\"]", "[\"en\"]"), "If-Match", read.header("ETag"));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().getString("name")).isEqualTo("Site 2");
    }

    @Test
    void thePlatformsOwnStoreListsUnderTheSameChecksAndIsNotPaidOut() throws Exception {
        String direct = firstPartyProduct();
        JsonObject product = api.get("/api/v1/catalog/products/" + direct, null).json();
        assertThat(product.getBoolean("firstParty")).isTrue();
        assertThat(api.get("/api/v1/catalog/products/" + candle, null).json().getBoolean("firstParty")).isFalse();

        // "ivory" in the description sends the platform's own listing to a compliance officer, like anyone's
        Api.Response created = api.post("/api/v1/listings", "store", Shop.product("Ivory inlay box", "442090", "HOME", "40.00", "EUR",
                10, 300));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String listing = created.json().getString("id");
        assertThat(api.sendBytes("/api/v1/listings/" + listing + "/images?fileName=front.png", "store", ListingFixtures.PNG).status())
                .isEqualTo(201);
        assertThat(api.post("/api/v1/listings/" + listing + "/submit", "store", "").status()).isEqualTo(200);
        Applicant.awaitTask(api, "reviewListing", listing, "officer");
        assertThat(api.get("/api/v1/catalog/products/" + listing, null).status()).isEqualTo(404);

        // its sales are the platform's: a payout run pays every seller but the platform's own store
        String buyer = shop.newUser("buyer", "buyer");
        shop.paid(buyer, direct, 1);
        String directSeller = product.getString("sellerId");
        Api.Response ran = Shop.runPayouts(api);
        assertThat(ran.status()).isEqualTo(200);
        assertThat(api.get("/api/v1/payouts?sellerId=" + directSeller, "admin").json().getJsonArray("items")).isEmpty();
    }

    @Test
    @Tag("page")
    void anAdministratorSetsUpAChannelInTheBrowserAndSeesItsTokenOnce() throws Exception {
        String name = "Browser site " + Shop.key().substring(0, 6);
        try (BrowserSession session = new BrowserSession(base)) {
            session.signIn("admin");
            session.click(org.openqa.selenium.By.id("admin-channels"));
            assertThat(session.pageTitle()).isEqualTo("Storefront channels");
            session.type("channel-form:name", name);
            session.type("channel-form:currencies", "EUR, GBP");
            session.type("channel-form:destinations", "DE FR gb");
            session.click(org.openqa.selenium.By.id("channel-form:create"));
            String token = session.text("issued-token");
            assertThat(token).startsWith("ch_");
            assertThat(session.text("channels-form:channels")).contains(name, "EUR, GBP", "DE, FR, GB", "Active");
            session.screenshot("admin-channels");
            assertThat(api.send("GET", "/api/v1/channels/current", null, null, HEADER, token).json().getString("name")).isEqualTo(name);
            // a wrong destination is named in the form, nothing is created
            session.type("channel-form:name", name + " 2");
            session.type("channel-form:destinations", "ZZ");
            session.click(org.openqa.selenium.By.id("channel-form:create"));
            session.wait.until(d -> d.findElement(org.openqa.selenium.By.id("channel-form:messages")).getText().contains("ZZ"));
            assertThat(session.text("channels-form:channels")).doesNotContain(name + " 2");
            // so is an empty list of currencies
            session.type("channel-form:destinations", "DE");
            session.type("channel-form:currencies", " ");
            session.click(org.openqa.selenium.By.id("channel-form:create"));
            session.wait.until(d -> d.findElement(org.openqa.selenium.By.id("channel-form:messages")).getText().contains("ISO codes"));
            assertThat(session.text("channels-form:channels")).doesNotContain(name + " 2");
        }
    }

    /** The demo's platform store product (the cutting board), found by its demo channel. */
    private String firstPartyProduct() {
        List<JsonObject> items = api.send("GET", "/api/v1/catalog/products?q=bamboo&limit=50", null, null, HEADER,
                "direct-eu.demo-channel-secret").json().getJsonArray("items").getValuesAs(JsonObject.class);
        return items.stream().filter(p -> p.getJsonObject("title").getString("en").equals("Bamboo cutting board")).findFirst()
                .orElseThrow(() -> new AssertionError("no demo cutting board: " + items)).getString("id");
    }

    private static String channel(String name, String sellerId, String currencies, String destinations, String languages) {
        return "{\"name\": \"" + name + "\"" + (sellerId == null ? "" : ", \"sellerId\": \"" + sellerId + "\"")
                + ", \"currencies\": " + currencies + ", \"destinations\": " + destinations + ", \"languages\": " + languages + "}";
    }
}
