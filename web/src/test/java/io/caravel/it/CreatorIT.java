package io.caravel.it;

import static io.caravel.it.PlatformIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Social and content selling on the real server: a creator registers (screened), links a product,
 * a buyer orders through the link, the order carries the creator and the commission; the payout run
 * pays the creator on the same engine and charges the seller; a refund takes the share back on both
 * sides. A sponsored link without its disclosure is a platform-rules risk event; a creator whose name
 * is listed waits for a compliance officer. The creator's page and the officer's case page in Chromium.
 */
@SharedServer.Use
class CreatorIT {

    private static final String PASSWORD = "a long creator password";

    @SharedServer.Base
    private URL base;

    private Api api;
    private Shop shop;

    /** 30.00 EUR, HOME: the creator earns 5 % of the goods by default. */
    private static String cushion;

    @BeforeEach
    void client() throws InterruptedException {
        api = new Api(base.toString());
        shop = new Shop(api);
        if (cushion == null) {
            cushion = shop.published(Shop.product("Linen cushion cover", "630492", "HOME", "30.00", "EUR", 1000, 200));
        }
    }

    @Test
    @Tag("page")
    void aReferredOrderEarnsTheCreatorTheCommissionOnTheSamePayoutEngine() throws Exception {
        String creator = register("Camille Dupont", "FR");
        JsonObject link = link(creator, cushion, true, true);
        String code = link.getString("code");
        assertThat(code).matches("[A-Z2-9]{8}");
        assertThat(link.getBoolean("disclosureMissing")).isFalse();
        // one link per product: saving again answers the same code
        assertThat(link(creator, cushion, true, true).getString("code")).isEqualTo(code);

        String buyer = shop.newUser("buyer", "buyer");
        // the code must be a link, of a product in the cart
        assertProblem(api.post("/api/v1/checkout/quotes", buyer, quote(cushion, 1, "NOSUCHCD")), 400, "validation");
        String other = shop.published(Shop.product("Linen napkin", "630492", "HOME", "8.00", "EUR", 100, 50));
        Api.Response wrongProduct = api.post("/api/v1/checkout/quotes", buyer, quote(other, 1, code));
        assertProblem(wrongProduct, 400, "validation");
        assertThat(wrongProduct.body()).contains("referralCode");

        String kept = referredOrder(buyer, cushion, 2, code);
        String refunded = referredOrder(buyer, cushion, 1, code);
        String undelivered = referredOrder(buyer, cushion, 1, code);
        // the commission is paid once the order is delivered (receipt confirmed, or shipped 30 days before)
        for (String order : List.of(kept, refunded)) {
            shop.ship(order);
            assertThat(api.post("/api/v1/orders/" + order + "/receipt", buyer, "").status()).isEqualTo(200);
        }
        JsonObject referral = api.get("/api/v1/orders/" + kept, buyer).json().getJsonObject("pricing").getJsonObject("referral");
        assertThat(referral.getString("code")).isEqualTo(code);
        assertThat(referral.getString("creatorName")).startsWith("Creator ");
        JsonObject line = api.get("/api/v1/orders/" + kept, buyer).json().getJsonObject("pricing").getJsonArray("lines").getJsonObject(0);
        BigDecimal lineTotal = line.getJsonObject("lineTotal").getJsonNumber("amount").bigDecimalValue();
        BigDecimal commission = referral.getJsonObject("commission").getJsonNumber("amount").bigDecimalValue();
        assertThat(commission).isEqualByComparingTo(cents(lineTotal.multiply(new BigDecimal("0.05"))));

        // seller-a accepts a claim on the second order in full: refunded at once
        String dispute = api.send("POST", "/api/v1/disputes", buyer, "{\"orderId\": \"" + refunded
                + "\", \"lineNo\": 1, \"reason\": \"DAMAGED\", \"description\": \"Torn seam.\"}", "Idempotency-Key", Shop.key())
                .json().getString("id");
        assertThat(api.post("/api/v1/disputes/" + dispute + "/response", "seller-a",
                "{\"answer\": \"ACCEPT\", \"returnRequired\": false, \"message\": \"Sorry.\"}").status()).isEqualTo(200);

        Api.Response ran = Shop.runPayouts(api);
        assertThat(ran.status()).as(ran.body()).isEqualTo(200);
        String creatorId = api.get("/api/v1/creators/me", creator).json().getString("id");
        JsonObject made = ran.json().getJsonArray("payouts").getValuesAs(JsonObject.class).stream()
                .filter(p -> "CREATOR".equals(p.getString("payeeKind")) && p.getString("payeeId").equals(creatorId))
                .findFirst().orElseThrow(() -> new AssertionError("no payout for the creator: " + ran.body()));
        JsonObject payout = api.get("/api/v1/payouts/" + made.getString("id"), creator).json();
        Map<String, JsonObject> entries = byOrderAndKind(payout);
        BigDecimal earnedKept = amount(entries.get(kept + "/REFERRAL"), "amount");
        BigDecimal earnedRefunded = amount(entries.get(refunded + "/REFERRAL"), "amount");
        BigDecimal takenBack = amount(entries.get(refunded + "/REFERRAL_REFUND"), "amount").negate();
        assertThat(earnedKept).isEqualByComparingTo(commission);
        assertThat(takenBack).isPositive().isLessThanOrEqualTo(earnedRefunded);
        assertThat(amount(payout, "net")).isEqualByComparingTo(earnedKept.add(earnedRefunded).subtract(takenBack));
        assertThat(entries).doesNotContainKey(undelivered + "/REFERRAL");
        assertThat(amount(payout, "commission")).isZero();
        assertThat(amount(payout, "fees")).isZero();
        assertThat(payout.getString("payeeName")).startsWith("Creator ");

        // the seller's payout charges the same commission and gets the same share back
        JsonObject sellerPayout = ran.json().getJsonArray("payouts").getValuesAs(JsonObject.class).stream()
                .filter(p -> "SELLER".equals(p.getString("payeeKind")) && p.getString("currency").equals("EUR")
                        && api.get("/api/v1/payouts/" + p.getString("id"), "admin").body().contains(kept))
                .findFirst().map(p -> api.get("/api/v1/payouts/" + p.getString("id"), "seller-a").json())
                .orElseThrow(() -> new AssertionError("no seller payout with the referred order: " + ran.body()));
        Map<String, JsonObject> sellerEntries = byOrderAndKind(sellerPayout);
        assertThat(amount(sellerEntries.get(kept + "/CREATOR_FEE"), "commission")).isEqualByComparingTo(earnedKept);
        assertThat(amount(sellerEntries.get(refunded + "/CREATOR_FEE_RETURN"), "commission").negate()).isEqualByComparingTo(takenBack);

        // the creator's statement: the CSV's net column adds up to the net
        String path = "/api/v1/payouts/" + payout.getString("id");
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(api.get(path + "/statement.csv", creator).body().replace("\uFEFF", ""))).getRecords();
        assertThat(rows.stream().map(r -> new BigDecimal(r.get("Net"))).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(amount(payout, "net"));
        assertThat(api.getBytes(path + "/statement.pdf", creator).statusCode()).isEqualTo(200);
        // the creator's payout page speaks of commission earned, not of a seller's sales, commission and fees
        try (BrowserSession session = new BrowserSession(base)) {
            session.signIn(creator);
            session.open("creator/payouts.xhtml?id=" + payout.getString("id"));
            String detail = session.text("payout-detail");
            assertThat(detail).contains("Commission earned on referred orders").doesNotContain("Commission rules used", "Payment fees");
            session.screenshot("creator-payout");
        }

        // each payee reads only their own payouts
        assertThat(api.get("/api/v1/payouts?limit=100", creator).json().getJsonArray("items").getValuesAs(JsonObject.class))
                .isNotEmpty().allMatch(p -> p.getString("payeeId").equals(creatorId));
        assertThat(api.get("/api/v1/payouts/" + sellerPayout.getString("id"), creator).status()).isEqualTo(404);
        assertThat(api.get(path, "seller-a").status()).isEqualTo(404);
        assertThat(api.get(path, register("Other Creator", "DE")).status()).isEqualTo(404);

        // a second run pays nothing twice
        Api.Response again = Shop.runPayouts(api);
        assertThat(again.json().getJsonArray("payouts").getValuesAs(JsonObject.class))
                .noneMatch(p -> p.getString("payeeId").equals(creatorId));
    }

    @Test
    void aSponsoredLinkWithoutItsDisclosureIsAPlatformRulesRiskOnce() {
        String creator = register("Lea Weber", "DE");
        JsonObject link = link(creator, cushion, true, false);
        assertThat(link.getBoolean("disclosureMissing")).isTrue();
        String code = link.getString("code");
        link(creator, cushion, true, false);
        List<JsonObject> events = api.get("/api/v1/risk-events?subjectId=" + code, "officer").json()
                .getJsonArray("items").getValuesAs(JsonObject.class);
        assertThat(events).hasSize(1);
        assertThat(events.get(0).getString("code")).isEqualTo("CREATOR_DISCLOSURE_MISSING");
        assertThat(events.get(0).getString("category")).isEqualTo("PLATFORM_RULES");
        // disclosed now: no new event, and none when it is not sponsored
        assertThat(link(creator, cushion, true, true).getBoolean("disclosureMissing")).isFalse();
        assertThat(link(creator, cushion, false, false).getBoolean("disclosureMissing")).isFalse();
        assertThat(api.get("/api/v1/risk-events?subjectId=" + code, "officer").json().getJsonArray("items")).hasSize(1);
    }

    @Test
    @Tag("page")
    void aCreatorWhoseNameIsListedWaitsForAnOfficerInTheBrowser() throws Exception {
        String creator = register("Manuel Antonio Noriega", "PA");
        JsonObject me = api.get("/api/v1/creators/me", creator).json();
        assertThat(me.getString("status")).isEqualTo("SCREENING");
        assertThat(me.containsKey("screening") && !me.isNull("screening")).as("staff-only screening detail").isFalse();
        Api.Response early = api.post("/api/v1/creators/me/links", creator, "{\"productId\": \"" + cushion + "\"}");
        assertProblem(early, 409, "conflict");
        JsonObject staff = api.get("/api/v1/creators/" + me.getString("id"), "officer").json();
        assertThat(staff.getString("screening")).contains("NORIEGA");
        List<JsonObject> events = api.get("/api/v1/risk-events?subjectId=" + me.getString("id"), "officer").json()
                .getJsonArray("items").getValuesAs(JsonObject.class);
        assertThat(events).extracting(e -> e.getString("code")).containsExactly("SANCTIONS_MATCH");

        String task = Applicant.awaitTask(api, "reviewCreator", me.getString("id"), "officer");
        try (BrowserSession session = new BrowserSession(base)) {
            session.signIn("officer");
            session.open("inbox/cases/creator.xhtml?task=" + task);
            assertThat(session.text("case:hits")).contains("NORIEGA, Manuel Antonio");
            session.screenshot("creator-case");
            session.click(By.id("case:claim"));
            session.waitFor("case:unclaim");
            session.check("case:outcome:0");
            session.type("case:note", "the listed person was born 1934 in Panama; this creator is a student born 2001");
            session.click(By.id("case:complete"));
            session.wait.until(ExpectedConditions.urlContains("/inbox/index.xhtml"));
        }
        for (int i = 0; i < 60 && !"ACTIVE".equals(api.get("/api/v1/creators/me", creator).json().getString("status")); i++) {
            Thread.sleep(500);
        }
        assertThat(api.get("/api/v1/creators/me", creator).json().getString("status")).isEqualTo("ACTIVE");
        String code = link(creator, cushion, false, false).getString("code");

        // the creator makes a link in the browser and sees the address to share
        try (BrowserSession session = new BrowserSession(base)) {
            session.signIn(creator);
            assertThat(session.pageTitle()).startsWith("Creator");
            assertThat(session.text("creator-status")).contains("Active");
            assertThat(session.text("links-form:links")).contains(code, "Linen cushion cover");
            session.type("link-form:product", cushion);
            session.check("link-form:sponsored_input");
            session.click(By.id("link-form:save"));
            session.wait.until(d -> d.findElement(By.id("link-form:messages")).getText().contains("reported to compliance"));
            assertThat(session.text("links-form:links")).contains("Sponsored, disclosure missing");
            assertThat(session.pageSource()).contains("storefront/index.html?product=" + cushion + "&amp;ref=" + code);
            session.screenshot("creator-links");
        }
    }

    @Test
    void registrationCheckItsInputAndEveryoneSeesOnlyWhatIsTheirs() {
        assertProblem(api.post("/api/v1/creators/registrations", null, registration("x", "Short Pw", "Name", "XYZ", "short")),
                400, "validation");
        String user = register("Ines Garcia", "ES");
        String name = user.substring(0, user.indexOf(':'));
        assertProblem(api.post("/api/v1/creators/registrations", null, registration(name, PASSWORD, "Ines Garcia", "ES", null)),
                409, "conflict");
        assertThat(api.get("/api/v1/creators", user).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/creators", "officer").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/creators/me/links", null).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/creators/me/links", "buyer").status()).isEqualTo(403);
        String id = api.get("/api/v1/creators/me", user).json().getString("id");
        assertThat(api.get("/api/v1/creators/" + id, register("Jan Novak", "CZ")).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/creators/" + id, "seller-a").status()).isEqualTo(404);
        // a creator cannot buy (no buyer role) and links only published retail products
        assertThat(api.post("/api/v1/checkout/quotes", user, quote(cushion, 1, null)).status()).isEqualTo(403);
        assertProblem(api.post("/api/v1/creators/me/links", user, "{\"productId\": \"no-such-product\"}"), 400, "validation");
        // creators register themselves (screened): an administrator cannot make one by hand
        assertProblem(api.post("/api/v1/admin/users", "admin", "{\"username\": \"hand-made-" + UUID.randomUUID().toString()
                .substring(0, 6) + "\", \"password\": \"a long enough password\", \"displayName\": \"Hand made\","
                + " \"roles\": [\"creator\"]}"), 400, "validation");
    }

    @Test
    @Tag("page")
    void aCreatorRegistersFromTheSignInPage() throws Exception {
        String username = "page-" + UUID.randomUUID().toString().substring(0, 8);
        try (BrowserSession session = new BrowserSession(base)) {
            session.open("login.xhtml");
            session.click(By.id("register-creator-link"));
            assertThat(session.pageTitle()).isEqualTo("Register as a creator");
            session.type("register:displayName", "Rosa Reviews");
            session.type("register:legalName", "Rosa Martinez");
            session.type("register:country", "ES");
            session.type("register:channel", "http://not-secure.example");
            session.type("register:email", username + "@example.com");
            session.type("register:username", username);
            session.type("register:password", PASSWORD);
            session.click(By.id("register:submit"));
            // a plain http address is refused in the form, nothing is made
            session.wait.until(d -> d.findElement(By.id("register:messages")).getText().contains("https://"));
            assertThat(api.get("/api/v1/creators/me", username + ":" + PASSWORD).status()).isEqualTo(401);
            session.type("register:channel", "https://video.example/@rosa");
            session.type("register:password", PASSWORD);
            session.click(By.id("register:submit"));
            session.wait.until(ExpectedConditions.urlContains("/creator/index.xhtml"));
            assertThat(session.text("creator-status")).contains("Active");
            session.screenshot("creator-registered");
        }
    }

    @Test
    void aRejectedCreatorReadsTheMessageAndNeverTheOfficersNote() throws Exception {
        String creator = register("Manuel Antonio Noriega", "PA");
        String id = api.get("/api/v1/creators/me", creator).json().getString("id");
        String task = Applicant.awaitTask(api, "reviewCreator", id, "officer");
        assertThat(api.post("/api/v1/tasks/" + task + "/claim", "officer", "").status()).isEqualTo(200);
        Api.Response done = api.post("/api/v1/tasks/" + task + "/complete", "officer", "{\"decision\": \"REJECT\","
                + " \"note\": \"internal: date of birth and nationality match the listing\","
                + " \"message\": \"We cannot accept your registration as a creator.\"}");
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        JsonObject me = null;
        for (int i = 0; i < 60; i++) {
            me = api.get("/api/v1/creators/me", creator).json();
            if (me.getString("status").equals("REJECTED")) {
                break;
            }
            Thread.sleep(500);
        }
        assertThat(me.getString("status")).isEqualTo("REJECTED");
        assertThat(me.getString("message")).isEqualTo("We cannot accept your registration as a creator.");
        assertThat(me.toString()).doesNotContain("internal:");
        assertProblem(api.post("/api/v1/creators/me/links", creator, "{\"productId\": \"" + cushion + "\"}"), 409, "conflict");
    }

    /** Registers a creator anonymously; answers "name:password". */
    private String register(String legalName, String country) {
        String username = "creator-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response created = api.post("/api/v1/creators/registrations", null,
                registration(username, PASSWORD, legalName, country, "https://video.example/@" + username));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return username + ":" + PASSWORD;
    }

    private static String registration(String username, String password, String legalName, String country, String channel) {
        return "{\"username\": \"" + username + "\", \"password\": \"" + password + "\", \"displayName\": \"Creator " + username
                + "\", \"legalName\": \"" + legalName + "\", \"country\": \"" + country + "\", \"email\": \"" + username
                + "@example.com\"" + (channel == null ? "" : ", \"channelUrl\": \"" + channel + "\"") + "}";
    }

    private JsonObject link(String creator, String product, boolean sponsored, boolean disclosed) {
        Api.Response saved = api.post("/api/v1/creators/me/links", creator, "{\"productId\": \"" + product + "\", \"sponsored\": "
                + sponsored + ", \"disclosed\": " + disclosed + ", \"contentUrl\": \"https://video.example/post\"}");
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        return saved.json();
    }

    private static String quote(String product, int quantity, String code) {
        String body = Shop.quoteBody(product, quantity, "DE", "EUR");
        return code == null ? body : body.substring(0, body.length() - 1) + ", \"referralCode\": \"" + code + "\"}";
    }

    private String referredOrder(String buyer, String product, int quantity, String code) throws InterruptedException {
        Api.Response quoted = api.post("/api/v1/checkout/quotes", buyer, quote(product, quantity, code));
        assertThat(quoted.status()).as(quoted.body()).isEqualTo(201);
        assertThat(quoted.json().getJsonObject("referral").getString("code")).isEqualTo(code);
        String body = "{\"quoteId\": \"" + quoted.json().getString("id") + "\", \"consignee\": " + Shop.consignee("Ada Lovelace", null) + "}";
        Api.Response placed = api.send("POST", "/api/v1/orders", buyer, body, "Idempotency-Key", Shop.key());
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        String order = placed.json().getString("id");
        shop.pay(buyer, order, "APPROVE", 0, 1);
        shop.awaitOrder(buyer, order, "PAID");
        return order;
    }

    private static Map<String, JsonObject> byOrderAndKind(JsonObject payout) {
        return payout.getJsonArray("entries").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(e -> e.getString("orderId") + "/" + e.getString("kind"), e -> e));
    }

    private static BigDecimal amount(JsonObject o, String field) {
        return o.getJsonObject(field).getJsonNumber("amount").bigDecimalValue();
    }

    private static BigDecimal cents(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }
}
