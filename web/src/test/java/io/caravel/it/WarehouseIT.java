package io.caravel.it;

import static io.caravel.it.PlatformIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URL;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Overseas warehouses on the real server: a seller sends goods to a warehouse, its staff count them in,
 * the counted units (not the declared ones) become stock there, a short count is a logistics risk event
 * and a message to the seller; checkout ships from a warehouse serving the buyer's country, the order
 * records it, an unpaid order gives the units back to that warehouse.
 */
@SharedServer.Use
class WarehouseIT {

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
    void countedUnitsBecomeStockAtTheWarehouseAndOrdersShipFromIt() throws Exception {
        String staff = shop.newUser("wh", "warehouse");
        JsonObject warehouse = warehouse("DE", staff);
        String warehouseId = warehouse.getString("id");
        String mug = shop.published(Shop.product("Ceramic mug", "691200", "HOME", "9.00", "EUR", 2, 300));

        Api.Response sent = api.post("/api/v1/inbound-shipments", "seller-a", inbound(warehouseId, mug, 10));
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        JsonObject shipment = sent.json();
        String id = shipment.getString("id");
        assertThat(shipment.getString("status")).isEqualTo("IN_TRANSIT");
        assertThat(shipment.getInt("declaredUnits")).isEqualTo(10);
        // declared units are not stock: only 2 of the seller's own can be sold yet
        assertProblem(api.post("/api/v1/checkout/quotes", "buyer", Shop.quoteBody(mug, 5, "DE", "EUR")), 400, "validation");

        // nobody else sees it; only the warehouse's staff count it in
        assertThat(api.get("/api/v1/inbound-shipments/" + id, "seller-b").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/inbound-shipments", "seller-b").body()).doesNotContain(id);
        String otherStaff = shop.newUser("wh", "warehouse");
        warehouse("FR", otherStaff);
        assertThat(api.get("/api/v1/inbound-shipments/" + id, otherStaff).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/inbound-shipments/" + id + "/receipt", otherStaff, count(1, 8)).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/inbound-shipments/" + id + "/receipt", "seller-a", count(1, 10)).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/inbound-shipments?status=IN_TRANSIT", staff).body()).contains(id);

        Api.Response counted = api.post("/api/v1/inbound-shipments/" + id + "/receipt", staff, count(1, 8));
        assertThat(counted.status()).as(counted.body()).isEqualTo(200);
        assertThat(counted.json().getString("status")).isEqualTo("RECEIVED_WITH_DISCREPANCY");
        assertThat(counted.json().getInt("receivedUnits")).isEqualTo(8);
        assertThat(counted.json().getJsonArray("lines").getJsonObject(0).getInt("difference")).isEqualTo(-2);
        assertProblem(api.post("/api/v1/inbound-shipments/" + id + "/receipt", staff, count(1, 10)), 409, "conflict");
        assertProblem(api.post("/api/v1/inbound-shipments/" + id + "/cancellation", "seller-a", ""), 409, "conflict");

        // the counted units are stock at that warehouse; the short count is a logistics risk event; the seller is told
        List<JsonObject> stock = api.get("/api/v1/warehouses/stock?productId=" + mug, "seller-a").structure()
                .asJsonArray().getValuesAs(JsonObject.class);
        assertThat(stock).singleElement().satisfies(s -> {
            assertThat(s.getString("warehouseId")).isEqualTo(warehouseId);
            assertThat(s.getInt("onHand")).isEqualTo(8);
        });
        assertThat(api.get("/api/v1/warehouses/stock?productId=" + mug, "seller-b").structure().asJsonArray()).isEmpty();
        assertThat(api.get("/api/v1/warehouses/stock", staff).body()).contains(mug);
        assertThat(api.get("/api/v1/catalog/products/" + mug, null).json().getInt("stock")).isEqualTo(10);
        JsonObject risk = api.get("/api/v1/risk-events?subjectId=" + id, "officer").json().getJsonArray("items").getJsonObject(0);
        assertThat(risk.getString("category")).isEqualTo("LOGISTICS");
        assertThat(risk.getString("code")).isEqualTo("INBOUND_SHORT_RECEIPT");
        assertThat(risk.getString("severity")).isEqualTo("REVIEW");
        assertThat(api.get("/api/v1/notifications", "seller-a").body()).contains("INBOUND_RECEIVED_SHORT");

        // checkout ships from the warehouse serving the buyer's country; elsewhere from the seller's own
        Api.Response toGermany = api.post("/api/v1/checkout/quotes", "buyer", Shop.quoteBody(mug, 5, "DE", "EUR"));
        assertThat(toGermany.status()).as(toGermany.body()).isEqualTo(201);
        JsonObject line = toGermany.json().getJsonArray("lines").getJsonObject(0);
        assertThat(line.getString("shipsFrom")).isEqualTo("OVERSEAS_WAREHOUSE");
        assertThat(line.getJsonObject("warehouse").getString("id")).isEqualTo(warehouseId);
        Api.Response toUs = api.post("/api/v1/checkout/quotes", "buyer", Shop.quoteBody(mug, 5, "US", "USD"));
        assertProblem(toUs, 400, "validation");
        assertThat(toUs.body()).contains("lines[0].quantity");
        JsonObject fromOwn = api.post("/api/v1/checkout/quotes", "buyer", Shop.quoteBody(mug, 1, "US", "USD")).json();
        assertThat(fromOwn.getJsonArray("lines").getJsonObject(0).getString("shipsFrom")).isEqualTo("OWN_WAREHOUSE");

        // the order takes the units from that warehouse; a declined payment gives them back there
        String buyer = shop.newUser("buyer", "buyer");
        String order = shop.placed(buyer, mug, 5);
        assertThat(api.get("/api/v1/orders/" + order, buyer).json().getJsonObject("pricing").getJsonArray("lines")
                .getJsonObject(0).getJsonObject("warehouse").getString("code")).isEqualTo(warehouse.getString("code"));
        assertThat(onHand(mug)).isEqualTo(3);
        shop.pay(buyer, order, "DECLINE", 0, 1);
        shop.awaitOrder(buyer, order, "PAYMENT_DECLINED");
        assertThat(onHand(mug)).isEqualTo(8);

        // a paid order every line of which is at the warehouse: its staff see it and hand it to the carrier
        String paid = shop.paid(buyer, mug, 2);
        String usQuote = api.post("/api/v1/checkout/quotes", buyer, Shop.quoteBody(mug, 1, "US", "USD")).json().getString("id");
        String usOrder = api.send("POST", "/api/v1/orders", buyer, "{\"quoteId\": \"" + usQuote + "\", \"consignee\": "
                + Shop.consignee("Ada Lovelace", null) + "}", "Idempotency-Key", Shop.key()).json().getString("id");
        assertThat(api.get("/api/v1/orders/" + usOrder, staff).status()).as("not shipped from the warehouse").isEqualTo(404);
        assertThat(api.get("/api/v1/orders?status=PAID", staff).body()).contains(paid);
        assertThat(api.get("/api/v1/orders/" + paid, otherStaff).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/orders/" + paid + "/shipment", otherStaff, "{}").status()).isEqualTo(404);
        Api.Response shipped = api.post("/api/v1/orders/" + paid + "/shipment", staff, "{}");
        assertThat(shipped.status()).as(shipped.body()).isEqualTo(200);
        assertThat(shipped.json().getString("status")).isEqualTo("SHIPPED");
        assertThat(shipped.json().getJsonObject("shipment").getString("waybill")).isNotBlank();
        assertProblem(api.post("/api/v1/orders/" + paid + "/shipment", staff, "{}"), 409, "conflict");
        assertThat(api.get("/api/v1/orders/" + paid, buyer).json().getString("status")).isEqualTo("SHIPPED");
        assertThat(onHand(mug)).isEqualTo(6);

        // a deactivated warehouse's units are not sold
        Api.Response read = api.get("/api/v1/warehouses/" + warehouseId, "admin");
        Api.Response off = api.send("PUT", "/api/v1/warehouses/" + warehouseId, "admin", "{\"name\": \"" + warehouse.getString("name")
                + "\", \"country\": \"DE\", \"active\": false}", "If-Match", read.header("ETag"));
        assertThat(off.status()).as(off.body()).isEqualTo(200);
        assertThat(api.get("/api/v1/catalog/products/" + mug, null).json().getInt("stock")).as("own units left after the US order").isEqualTo(1);
        assertThat(api.get("/api/v1/warehouses", "seller-a").body()).doesNotContain(warehouseId);
        assertProblem(api.post("/api/v1/checkout/quotes", "buyer", Shop.quoteBody(mug, 5, "DE", "EUR")), 400, "validation");
        assertProblem(api.post("/api/v1/inbound-shipments", "seller-a", inbound(warehouseId, mug, 1)), 400, "validation");
    }

    @Test
    void badShipmentsCountsAndWarehousesAreNamedAndOnlyTheRightPeopleAct() throws Exception {
        String staff = shop.newUser("wh", "warehouse");
        String warehouseId = warehouse("GB", staff).getString("id");
        String napkin = shop.published(Shop.product("Linen napkin", "630492", "HOME", "19.00", "GBP", 3, 400));

        for (String bad : List.of(inbound("no-such-warehouse", napkin, 1), inbound(warehouseId, "no-such-product", 1),
                inbound(warehouseId, napkin, 0), inbound(warehouseId, napkin, 100_001),
                "{\"warehouseId\": \"" + warehouseId + "\", \"lines\": []}",
                "{\"warehouseId\": \"" + warehouseId + "\", \"lines\": [{\"productId\": \"" + napkin + "\", \"quantity\": 1},"
                        + " {\"productId\": \"" + napkin + "\", \"quantity\": 2}]}",
                "{\"warehouseId\": \"" + warehouseId + "\", \"carrier\": \"" + "x".repeat(61) + "\", \"lines\": [{\"productId\": \""
                        + napkin + "\", \"quantity\": 1}]}")) {
            Api.Response refused = api.post("/api/v1/inbound-shipments", "seller-a", bad);
            assertProblem(refused, 400, "validation");
            assertThat(refused.body()).doesNotContain("Exception");
        }
        // another seller's product is not one to send
        assertProblem(api.post("/api/v1/inbound-shipments", "seller-b", inbound(warehouseId, napkin, 1)), 400, "validation");
        assertThat(api.post("/api/v1/inbound-shipments", "buyer", inbound(warehouseId, napkin, 1)).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/inbound-shipments", null, inbound(warehouseId, napkin, 1)).status()).isEqualTo(401);

        String id = api.post("/api/v1/inbound-shipments", "seller-a", inbound(warehouseId, napkin, 4)).json().getString("id");
        for (String bad : List.of(count(2, 4), count(1, -1), count(1, 41), "{\"lines\": []}",
                "{\"lines\": [{\"lineNo\": 1, \"received\": 4}, {\"lineNo\": 1, \"received\": 4}]}")) {
            assertProblem(api.post("/api/v1/inbound-shipments/" + id + "/receipt", staff, bad), 400, "validation");
        }
        // a shipment withdrawn before it arrives cannot be counted
        assertThat(api.post("/api/v1/inbound-shipments/" + id + "/cancellation", "seller-b", "").status()).isEqualTo(404);
        Api.Response cancelled = api.post("/api/v1/inbound-shipments/" + id + "/cancellation", "seller-a", "");
        assertThat(cancelled.json().getString("status")).isEqualTo("CANCELLED");
        assertProblem(api.post("/api/v1/inbound-shipments/" + id + "/receipt", staff, count(1, 4)), 409, "conflict");

        // an over-count is stock too, noted for compliance; a count as declared is no risk event
        String over = api.post("/api/v1/inbound-shipments", "seller-a", inbound(warehouseId, napkin, 4)).json().getString("id");
        assertThat(api.post("/api/v1/inbound-shipments/" + over + "/receipt", "admin", count(1, 5)).json().getString("status"))
                .isEqualTo("RECEIVED_WITH_DISCREPANCY");
        assertThat(api.get("/api/v1/risk-events?subjectId=" + over, "officer").body()).contains("INBOUND_OVER_RECEIPT");
        String exact = api.post("/api/v1/inbound-shipments", "seller-a", inbound(warehouseId, napkin, 2)).json().getString("id");
        assertThat(api.post("/api/v1/inbound-shipments/" + exact + "/receipt", staff, count(1, 2)).json().getString("status"))
                .isEqualTo("RECEIVED");
        assertThat(api.get("/api/v1/risk-events?subjectId=" + exact, "officer").json().getJsonArray("items")).isEmpty();
        assertThat(onHand(napkin)).isEqualTo(7);

        // five counts of one shipment at once: one is recorded, the others are told it was counted already
        String raced = api.post("/api/v1/inbound-shipments", "seller-a", inbound(warehouseId, napkin, 3)).json().getString("id");
        List<java.util.concurrent.CompletableFuture<Api.Response>> counts = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            counts.add(java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> api.post("/api/v1/inbound-shipments/" + raced + "/receipt", staff, count(1, 3))));
        }
        List<Integer> statuses = counts.stream().map(f -> f.join().status()).sorted().toList();
        assertThat(statuses).containsExactly(200, 409, 409, 409, 409);
        assertThat(onHand(napkin)).isEqualTo(10);

        // warehouses: administrators only, every setting checked
        String ok = "{\"code\": \"OK-" + suffix() + "\", \"name\": \"Somewhere\", \"country\": \"DE\"}";
        assertThat(api.post("/api/v1/warehouses", "seller-a", ok).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/warehouses", staff, ok).status()).isEqualTo(403);
        for (String bad : List.of("{\"code\": \"a b\", \"name\": \"X\", \"country\": \"DE\"}",
                "{\"code\": \"X-" + suffix() + "\", \"name\": \"\", \"country\": \"DE\"}",
                "{\"code\": \"X-" + suffix() + "\", \"name\": \"X\", \"country\": \"ZZ\"}",
                "{\"code\": \"X-" + suffix() + "\", \"name\": \"X\", \"country\": \"DE\", \"staff\": [\"seller-a\"]}")) {
            assertProblem(api.post("/api/v1/warehouses", "admin", bad), 400, "validation");
        }
        assertThat(api.post("/api/v1/warehouses", "admin", ok).status()).isEqualTo(201);
        assertProblem(api.post("/api/v1/warehouses", "admin", ok), 409, "conflict");
    }

    @Test
    @Tag("page")
    void aSellerSendsGoodsAndTheWarehouseCountsThemInInTheBrowser() throws Exception {
        String staff = shop.newUser("wh", "warehouse");
        JsonObject warehouse = warehouse("DE", staff);
        String coaster = shop.published(Shop.product("Wooden coaster", "442191", "HOME", "24.00", "EUR", 1, 350));
        String title = api.get("/api/v1/catalog/products/" + coaster, null).json().getJsonObject("title").getString("en");
        String tracking = "PAGE" + suffix();
        try (BrowserSession session = new BrowserSession(base)) {
            session.signIn("seller-a");
            session.click(By.id("nav-warehouses"));
            assertThat(session.pageTitle()).isEqualTo("Overseas warehouses");
            // nothing chosen: the form says what is missing, nothing is sent
            session.click(By.id("send-form:send"));
            session.wait.until(d -> d.findElement(By.id("send-form:messages")).getText().contains("active overseas warehouse"));
            session.choose("send-form:warehouseId", warehouse.getString("code") + " · " + warehouse.getString("name") + " (DE)");
            session.type("send-form:carrier", "DB Schenker");
            session.type("send-form:trackingNumber", tracking);
            WebElement quantity = session.wait.until(d -> d.findElement(By.xpath(
                    "//tr[td[contains(., '" + title + "')]]//input[contains(@id, 'quantity_input')]")));
            quantity.sendKeys("12");
            session.click(By.id("send-form:send"));
            session.wait.until(d -> d.findElement(By.id("send-form:messages")).getText().contains("Shipment recorded"));
            assertThat(session.text("shipments-form:shipments")).contains(tracking, "On its way", title + ": 12");
            session.screenshot("warehouse-seller-sent");
        }
        try (BrowserSession session = new BrowserSession(base)) {
            session.signIn(staff);
            assertThat(session.pageTitle()).isEqualTo("Goods in");
            assertThat(session.text("arriving-form:arriving")).contains(tracking);
            session.click(By.xpath("//tr[td[contains(., '" + tracking + "')]]//button[contains(@id, 'open')]"));
            session.waitFor("count-form:record");
            // a line left uncounted is named; nothing is recorded
            session.click(By.id("count-form:record"));
            session.wait.until(d -> d.findElement(By.id("count-form:messages")).getText().contains("needs its count"));
            session.type("count-form:lines:0:received_input", "10");
            session.type("count-form:note", "Two coasters missing from the carton");
            session.screenshot("warehouse-counting");
            session.click(By.id("count-form:record"));
            session.wait.until(d -> d.findElement(By.id("arriving-form:messages")).getText().contains("with a difference"));
            assertThat(session.text("counted-form:counted")).contains(tracking, "Counted in, differs from the declaration");
            assertThat(session.text("counted-form:stock")).contains(title);
            session.screenshot("warehouse-counted");
        }
        assertThat(onHand(coaster)).isEqualTo(10);
        // a buyer in Germany orders three: the warehouse's staff hand the order to the carrier from Goods in
        String buyer = shop.newUser("buyer", "buyer");
        String order = shop.paid(buyer, coaster, 3);
        try (BrowserSession session = new BrowserSession(base)) {
            session.signIn(staff);
            assertThat(session.text("ship-form:to-ship")).contains(title, "Ada Lovelace");
            session.click(By.xpath("//tr[td[contains(., '" + title + "')]]//button[contains(@id, 'ship')]"));
            session.wait.until(d -> d.findElement(By.id("ship-form:messages")).getText().contains("Handed to the carrier"));
            assertThat(session.text("ship-form:to-ship")).doesNotContain(title);
            session.screenshot("warehouse-shipped");
        }
        assertThat(shop.awaitOrder(buyer, order, "SHIPPED").getJsonObject("shipment").getString("waybill")).isNotBlank();
        try (BrowserSession session = new BrowserSession(base)) {
            session.signIn("seller-a");
            session.open("seller/warehouses.xhtml");
            assertThat(session.text("shipments-form:shipments")).contains(title + ": 12 → 10", "Two coasters missing");
            session.click(By.id("langForm:lang-zh"));
            session.wait.until(d -> session.pageTitle().equals("海外仓"));
            assertThat(session.text("shipments-form:shipments")).contains("已入库，与申报不符");
            session.screenshot("warehouse-seller-counted-zh");
            session.click(By.id("langForm:lang-en"));
            session.wait.until(d -> session.pageTitle().equals("Overseas warehouses"));
        }
    }

    @Test
    void aListingCannotDeclareOverseasStock() {
        String body = Shop.product("Tea towel", "630260", "HOME", "5.00", "EUR", 1, 100).replace("\"stockOwn\"",
                "\"stockOverseas\": 40, \"overseasWarehouse\": \"My 3PL\", \"stockOwn\"");
        Api.Response refused = api.post("/api/v1/listings", "seller-a", body);
        assertProblem(refused, 400, "validation");
        assertThat(refused.body()).contains("stockOverseas");
    }

    private int onHand(String product) {
        return api.get("/api/v1/warehouses/stock?productId=" + product, "seller-a").structure().asJsonArray().getValuesAs(JsonObject.class)
                .stream().mapToInt(s -> s.getInt("onHand")).sum();
    }

    private JsonObject warehouse(String country, String staffUser) {
        String username = staffUser.substring(0, staffUser.indexOf(':'));
        Api.Response created = api.post("/api/v1/warehouses", "admin", "{\"code\": \"" + country + "-" + suffix()
                + "\", \"name\": \"Fulfilment centre " + country + "\", \"country\": \"" + country
                + "\", \"address\": \"1 Dock Road\", \"staff\": [\"" + username + "\"]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private static String inbound(String warehouseId, String product, int quantity) {
        return "{\"warehouseId\": \"" + warehouseId + "\", \"carrier\": \"DHL Freight\", \"trackingNumber\": \"JD014600\","
                + " \"lines\": [{\"productId\": \"" + product + "\", \"quantity\": " + quantity + "}]}";
    }

    private static String count(int lineNo, int received) {
        return "{\"lines\": [{\"lineNo\": " + lineNo + ", \"received\": " + received + "}], \"note\": \"two cartons crushed\"}";
    }
}
