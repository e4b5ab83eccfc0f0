package io.caravel.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Consignees screened on a real server: an order whose consignee resembles a listed party is held (the
 * seller cannot ship it; the buyer is not told) and waits in the inbox as a {@code screening-alert} case;
 * clearing it releases the order and is remembered for that buyer only; a block needs a lead and stops
 * the order with its money held; a new list release finds the consignee of an open order.
 */
@SharedServer.Use
class ConsigneeScreeningIT {

    @SharedServer.Base
    private URL base;

    private Api api;
    private Shop shop;

    private static String cup; // 12.00 EUR, HS 441990 (wooden tableware), 1000 in stock

    @BeforeEach
    void client() throws InterruptedException {
        api = new Api(base.toString());
        shop = new Shop(api);
        if (cup == null) {
            cup = shop.published(Shop.product("Olive wood cup", "441990", "HOME", "12.00", "EUR", 1000, 150));
        }
    }

    @Test
    @Tag("page")
    void aListedConsigneeHoldsTheOrderUntilAnOfficerClearsItAndTheClearanceIsTheBuyersOnly() throws Exception {
        String buyer = shop.newUser("buyer", "buyer");
        String order = shop.placed(buyer, cup, 1, "Viktor Bout");
        shop.pay(buyer, order, "APPROVE", 0, 1);
        JsonObject asBuyer = shop.awaitOrder(buyer, order, "PAID");
        assertThat(asBuyer.containsKey("complianceHold") && !asBuyer.isNull("complianceHold"))
                .as("the buyer is not told of the check: " + asBuyer).isFalse();
        assertThat(api.get("/api/v1/orders/" + order, "seller-a").json().getBoolean("complianceHold")).isTrue();

        // the seller cannot ship it, and is told why in words
        Api.Response ship = api.post("/api/v1/orders/" + order + "/shipment", "seller-a", "{}");
        assertThat(ship.status()).as(ship.body()).isEqualTo(409);
        assertThat(ship.body()).contains("compliance check");

        // a compliance officer has the case, with the hit as a compliance risk event on the order
        String task = Applicant.awaitTask(api, "reviewConsignee", order, "officer");
        assertThat(api.get("/api/v1/tasks/" + task, buyer).status()).isIn(403, 404);
        assertThat(api.get("/api/v1/tasks/" + task, "seller-a").status()).isIn(403, 404);
        List<JsonObject> events = api.get("/api/v1/risk-events?category=COMPLIANCE&limit=200", "officer").json()
                .getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(e -> order.equals(e.getString("subjectId", null))).toList();
        assertThat(events).hasSize(1);
        assertThat(events.get(0).getString("code")).isEqualTo("SANCTIONS_MATCH");
        assertThat(events.get(0).getString("detail")).contains("Viktor Bout", "BOUT");

        // the case page sets the consignee beside the listed entry, in words, and offers no message to anyone
        try (BrowserSession session = new BrowserSession(base)) {
            session.signIn("officer");
            session.open("inbox/cases/order-screening.xhtml?task=" + task);
            assertThat(session.textShowing(By.id("case:consignee-alerts"), "Viktor Bout"))
                    .contains("BOUT", "OFAC SDN (US Treasury)", "Checkout");
            assertThat(session.text("order-hold")).contains("Held");
            assertThat(session.text("order-buyer")).isEqualTo(buyer.substring(0, buyer.indexOf(':')));
            session.screenshot("order-screening-case");
            session.click(By.id("langForm:lang-zh"));
            assertThat(session.textShowing(By.id("case:consignee-alerts"), "OFAC SDN 名单（美国财政部）")).contains("结账");
            assertThat(session.text("order-hold")).contains("已暂停");
            session.screenshot("order-screening-case-zh");
            session.click(By.id("langForm:lang-en"));
        }
        // the seller sees the hold in words and no Ship button on that order
        try (BrowserSession session = new BrowserSession(base)) {
            session.signIn("seller-a");
            session.open("seller/orders.xhtml");
            By row = By.xpath("//tr[.//code[contains(@class, 'order-id') and text()='" + order.substring(0, 8) + "']]");
            assertThat(session.textShowing(row, "Held for a compliance check")).doesNotContain("Ship");
            session.screenshot("seller-orders-held");
        }

        // the officer finds another person: cleared, the order released and shipped
        assertThat(api.post("/api/v1/tasks/" + task + "/claim", "officer", "").status()).isEqualTo(200);
        Api.Response cleared = api.post("/api/v1/tasks/" + task + "/complete", "officer",
                "{\"decision\": \"CLEAR\", \"note\": \"A schoolteacher in Leipzig, born 1990; the listed man was born 1967.\"}");
        assertThat(cleared.status()).as(cleared.body()).isEqualTo(200);
        assertThat(api.get("/api/v1/orders/" + order, "seller-a").json().getBoolean("complianceHold")).isFalse();
        shop.ship(order);

        // the same buyer's next order to the same consignee is not held again; another buyer's is
        String again = shop.placed(buyer, cup, 1, "Viktor Bout");
        assertThat(api.get("/api/v1/orders/" + again, "seller-a").json().getBoolean("complianceHold")).isFalse();
        String other = shop.placed(shop.newUser("buyer", "buyer"), cup, 1, "Viktor Bout");
        assertThat(api.get("/api/v1/orders/" + other, "seller-a").json().getBoolean("complianceHold")).isTrue();
        Applicant.awaitTask(api, "reviewConsignee", other, "officer");

        // an everyday name is not held
        String plain = shop.placed(buyer, cup, 1, "Ada Lovelace");
        assertThat(api.get("/api/v1/orders/" + plain, "seller-a").json().getBoolean("complianceHold")).isFalse();
    }

    @Test
    void aBlockNeedsALeadAndStopsTheOrderWithItsMoneyHeld() throws Exception {
        String buyer = shop.newUser("buyer", "buyer");
        String order = shop.placed(buyer, cup, 2, "Kim Jong Un");
        shop.pay(buyer, order, "APPROVE", 0, 1);
        shop.awaitOrder(buyer, order, "PAID");
        String task = Applicant.awaitTask(api, "reviewConsignee", order, "officer");

        // a block asks for a note and no message
        assertThat(api.post("/api/v1/tasks/" + task + "/claim", "officer", "").status()).isEqualTo(200);
        Api.Response noNote = api.post("/api/v1/tasks/" + task + "/complete", "officer", "{\"decision\": \"BLOCK\"}");
        assertThat(noNote.status()).isEqualTo(400);
        assertThat(noNote.body()).contains("note");
        Api.Response proposed = api.post("/api/v1/tasks/" + task + "/complete", "officer",
                "{\"decision\": \"BLOCK\", \"note\": \"Same person: the address is a known front company.\"}");
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(200);
        assertThat(api.get("/api/v1/orders/" + order, buyer).json().getString("status")).isEqualTo("PAID");

        // a lead approves (never the officer who proposed it)
        String approval = Applicant.awaitTask(api, "approveBlock", order, "lead");
        assertThat(api.post("/api/v1/tasks/" + approval + "/claim", "officer", "").status()).isIn(403, 404, 409);
        assertThat(api.post("/api/v1/tasks/" + approval + "/claim", "lead", "").status()).isEqualTo(200);
        Api.Response approved = api.post("/api/v1/tasks/" + approval + "/complete", "lead",
                "{\"decision\": \"APPROVE\", \"note\": \"Confirmed; report filed with the authority.\"}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);

        JsonObject blocked = api.get("/api/v1/orders/" + order, buyer).json();
        assertThat(blocked.getString("status")).isEqualTo("BLOCKED");
        assertThat(blocked.getString("customsStatus")).isEqualTo("CANCELLED");
        JsonObject payment = blocked.getJsonObject("payment");
        assertThat(payment.getString("status")).as("the money is held, not refunded: " + payment).isNotEqualTo("REFUNDED");
        assertThat(payment.isNull("refunded") || payment.getJsonObject("refunded").getJsonNumber("amount").doubleValue() == 0)
                .as(payment.toString()).isTrue();
        Api.Response ship = api.post("/api/v1/orders/" + order + "/shipment", "seller-a", "{}");
        assertThat(ship.status()).isEqualTo(409);

        // the held money is never paid out to the seller
        Thread.sleep(1100); // payout cut-offs are whole seconds
        Api.Response ran = Shop.runPayouts(api);
        for (JsonObject payout : ran.json().getJsonArray("payouts").getValuesAs(JsonObject.class)) {
            assertThat(api.get("/api/v1/payouts/" + payout.getString("id"), "admin").body()).doesNotContain(order);
        }
    }

    @Test
    void aNewReleaseFindsTheConsigneeOfAnOpenOrderAndAnActiveCreator() throws Exception {
        byte[] previous = ScreeningIT.zip(ScreeningIT.OFAC_PREVIOUS);
        Map<String, byte[]> bundledFiles = ScreeningIT.files(ScreeningIT.OFAC_BUNDLED);
        byte[] bundled = ScreeningIT.zip(bundledFiles);
        try {
            JsonObject older = MonitoringIT.load(api, previous);
            JsonObject added = MonitoringIT.addedLater(api, older, bundledFiles);
            String consignee = MonitoringIT.director(added.getString("name"));
            String buyer = shop.newUser("buyer", "buyer");
            String order = shop.placed(buyer, cup, 1, consignee);
            shop.pay(buyer, order, "APPROVE", 0, 1);
            shop.awaitOrder(buyer, order, "PAID");
            assertThat(api.get("/api/v1/orders/" + order, "seller-a").json().getBoolean("complianceHold")).isFalse();
            // a creator under the same legal name is active at once against the older list
            String creatorUser = "creator-" + java.util.UUID.randomUUID().toString().substring(0, 8);
            Api.Response registered = api.post("/api/v1/creators/registrations", null, "{\"username\": \"" + creatorUser
                    + "\", \"password\": \"copper kettle morning\", \"displayName\": \"Creator " + creatorUser
                    + "\", \"legalName\": \"" + consignee + "\", \"country\": \"DE\", \"email\": \"" + creatorUser + "@example.com\"}");
            assertThat(registered.status()).as(registered.body()).isEqualTo(201);
            assertThat(registered.json().getString("status")).isEqualTo("ACTIVE");
            String creatorId = registered.json().getString("id");

            JsonObject release = MonitoringIT.load(api, bundled);
            String task = Applicant.awaitTask(api, "reviewConsignee", order, "officer");
            assertThat(task).isNotBlank();
            assertThat(api.get("/api/v1/orders/" + order, "seller-a").json().getBoolean("complianceHold")).isTrue();
            JsonObject run = api.get("/api/v1/sanctions-lists/rescreens", "officer").structure().asJsonArray()
                    .getValuesAs(JsonObject.class).stream().filter(r -> r.getString("versionId").equals(release.getString("id")))
                    .findFirst().orElseThrow();
            assertThat(run.getInt("ordersDone")).isEqualTo(run.getInt("ordersTotal")).isPositive();
            assertThat(run.getInt("creatorsDone")).isEqualTo(run.getInt("creatorsTotal")).isPositive();
            assertThat(run.getInt("alerts")).isGreaterThanOrEqualTo(2);

            // the creator goes back to compliance; an approval clears the hit for good
            Applicant.awaitTask(api, "reviewCreator", creatorId, "officer");
            JsonObject creator = api.get("/api/v1/creators/me", creatorUser + ":copper kettle morning").json();
            assertThat(creator.getString("status")).isEqualTo("SCREENING");
        } finally {
            MonitoringIT.load(api, bundled);
        }
    }
}
