package io.caravel.it;

import static io.caravel.it.PlatformIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Marketplace payouts on the real server: sales, a refund and an open dispute of seller-a settled by
 * an administrator's run; each entry matches its order, the totals add up, the statement as CSV and
 * PDF says the same; a second run pays nothing twice and releases the reserve; only the seller and
 * administrators read a payout; the seller's page in a browser.
 */
@SharedServer.Use
class PayoutIT {

    @SharedServer.Base
    private URL base;

    private Api api;
    private Shop shop;

    /** 20.00 EUR, HS 442090 (wooden caskets), HOME (10 % commission, 1.5 % payment fee by the shipped rules). */
    private static String casket;

    @BeforeEach
    void client() throws InterruptedException {
        api = new Api(base.toString());
        shop = new Shop(api);
        if (casket == null) {
            casket = shop.published(Shop.product("Wooden casket", "442090", "HOME", "20.00", "EUR", 1000, 300));
        }
    }

    @Test
    void aRunSettlesSalesRefundsAndAReserveAndTheStatementAddsUp() throws Exception {
        String buyer = shop.newUser("buyer", "buyer");
        String kept = shop.paid(buyer, casket, 2);
        String refunded = shop.paid(buyer, casket, 1);
        String disputed = shop.paid(buyer, casket, 1);
        // seller-a accepts one claim in full (refunded at once); the other stays open: a reserve
        String refundedDispute = openDispute(buyer, refunded);
        assertThat(api.post("/api/v1/disputes/" + refundedDispute + "/response", "seller-a",
                "{\"answer\": \"ACCEPT\", \"returnRequired\": false, \"message\": \"Sorry.\"}").status()).isEqualTo(200);
        openDispute(buyer, disputed);

        Api.Response ran = Shop.runPayouts(api);
        assertThat(ran.status()).as(ran.body()).isEqualTo(200);
        String sellerA = api.get("/api/v1/orders/" + kept, buyer).json().getString("sellerId");
        JsonObject made = ran.json().getJsonArray("payouts").getValuesAs(JsonObject.class).stream()
                .filter(p -> "SELLER".equals(p.getString("payeeKind")) && p.getString("payeeId").equals(sellerA) && p.getString("currency").equals("EUR"))
                .findFirst().orElseThrow(() -> new AssertionError("no EUR payout for seller-a: " + ran.body()));
        JsonObject payout = api.get("/api/v1/payouts/" + made.getString("id"), "seller-a").json();
        Map<String, List<JsonObject>> entries = payout.getJsonArray("entries").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.groupingBy(e -> e.getString("orderId") + "/" + e.getString("kind")));

        // each sale is the order's goods and shipping; commission 10 % of the goods, the fee 1.5 % of what was paid
        for (String order : List.of(kept, refunded, disputed)) {
            JsonObject amounts = api.get("/api/v1/orders/" + order, buyer).json().getJsonObject("pricing").getJsonObject("amounts");
            JsonObject sale = entries.get(order + "/SALE").get(0);
            assertThat(amount(sale, "amount")).isEqualByComparingTo(number(amounts, "goods").add(number(amounts, "shipping")));
            assertThat(amount(sale, "commission")).isEqualByComparingTo(cents(number(amounts, "goods").multiply(new BigDecimal("0.10"))));
            assertThat(amount(sale, "fee")).isEqualByComparingTo(cents(number(amounts, "total").multiply(new BigDecimal("0.015"))));
            assertThat(sale.getString("rate")).isEqualTo("10%/1.5%");
        }
        // the refund takes back its share of goods and shipping and returns that share of the commission
        JsonObject refund = entries.get(refunded + "/REFUND").get(0);
        JsonObject refundedOrder = api.get("/api/v1/orders/" + refunded, buyer).json();
        BigDecimal paid = amount(refundedOrder, "total");
        BigDecimal back = refundedOrder.getJsonObject("payment").getJsonObject("refunded").getJsonNumber("amount").bigDecimalValue();
        JsonObject refundedSale = entries.get(refunded + "/SALE").get(0);
        assertThat(amount(refund, "amount").negate())
                .isEqualByComparingTo(cents(amount(refundedSale, "amount").multiply(back).divide(paid, 10, RoundingMode.HALF_UP)));
        assertThat(amount(refund, "commission").negate()).isPositive();
        assertThat(entries).doesNotContainKey(disputed + "/REFUND");

        // the totals are the entries', the reserve is held from what the payout has, the net follows
        List<JsonObject> all = payout.getJsonArray("entries").getValuesAs(JsonObject.class);
        BigDecimal sales = sum(all, "amount", 1);
        // penalties and suppliers' prices (of other tests' orders) are negative amounts with totals of their own
        BigDecimal refunds = sum(all.stream().filter(e -> e.getString("kind").equals("REFUND")).toList(), "amount", -1).negate();
        assertThat(amount(payout, "sales")).isEqualByComparingTo(sales);
        assertThat(amount(payout, "refunds")).isEqualByComparingTo(refunds);
        // creators' commission (on orders other tests referred) has a total of its own
        List<JsonObject> creatorFees = all.stream().filter(e -> e.getString("kind").startsWith("CREATOR_FEE")).toList();
        assertThat(amount(payout, "commission")).isEqualByComparingTo(sum(all, "commission", 0).subtract(sum(creatorFees, "commission", 0)));
        assertThat(amount(payout, "creatorFees")).isEqualByComparingTo(sum(creatorFees, "commission", 0));
        assertThat(amount(payout, "fees")).isEqualByComparingTo(sum(all, "fee", 0));
        BigDecimal held = amount(payout, "reserveHeld");
        assertThat(held).isPositive();
        BigDecimal net = amount(payout, "sales").subtract(amount(payout, "refunds")).subtract(amount(payout, "commission"))
                .subtract(amount(payout, "fees")).subtract(amount(payout, "creatorFees")).subtract(amount(payout, "penalties")).subtract(amount(payout, "supplierCosts")).subtract(held).add(amount(payout, "reserveReleased"))
                .add(amount(payout, "carriedForward"));
        assertThat(amount(payout, "net")).isEqualByComparingTo(net);
        assertThat(payout.getString("status")).isEqualTo(net.signum() <= 0 ? "CARRIED" : "DUE");
        assertThat(payout.getString("commissionRules")).startsWith("caravel/payout/commission-rules.csv (SHA-256 ");

        // the CSV's net column adds up to the net payout; the PDF shows the figures
        String path = "/api/v1/payouts/" + payout.getString("id");
        Api.Response csv = api.get(path + "/statement.csv", "seller-a");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).startsWith("attachment; filename=\"payout-");
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.body().replace("\uFEFF", ""))).getRecords();
        assertThat(rows.stream().map(r -> new BigDecimal(r.get("Net"))).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(amount(payout, "net"));
        assertThat(rows).anyMatch(r -> r.get("Order").equals(kept) && r.get("Type").equals("Sale"));
        assertThat(api.get(path + "/statement.csv?lang=zh", "seller-a").body()).contains("销售", "预留保证金");

        HttpResponse<byte[]> pdf = api.getBytes(path + "/statement.pdf", "seller-a");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        String text = pdfText(pdf.body());
        assertThat(text).contains("Payout statement", "Net payout", kept.substring(0, 8), "Amounts in EUR. Net = amount - commission - fee.",
                "EUR " + String.format(java.util.Locale.UK, "%,.2f", amount(payout, "net")));
        assertThat(api.getBytes(path + "/statement.pdf", "admin", "Accept-Language", "zh-CN").statusCode()).isEqualTo(200);

        // a second run settles none of these again and releases the reserve held (a payout even with no new entries)
        Api.Response again = Shop.runPayouts(api);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().getJsonArray("failedSellers")).isEmpty();
        JsonObject next = again.json().getJsonArray("payouts").getValuesAs(JsonObject.class).stream()
                .filter(p -> "SELLER".equals(p.getString("payeeKind")) && p.getString("payeeId").equals(sellerA) && p.getString("currency").equals("EUR")).findFirst()
                .orElseThrow(() -> new AssertionError("the held reserve was not released: " + again.body()));
        JsonObject full = api.get("/api/v1/payouts/" + next.getString("id"), "admin").json();
        assertThat(full.getJsonArray("entries").getValuesAs(JsonObject.class))
                .noneMatch(e -> List.of(kept, refunded, disputed).contains(e.getString("orderId")));
        assertThat(amount(full, "reserveReleased")).isEqualByComparingTo(held);
        assertThat(full.getString("periodFrom")).isEqualTo(payout.getString("periodTo"));
    }

    @Test
    void onlyTheSellerAndAdministratorsReadAPayoutAndOnlyAdministratorsRunAndPay() throws Exception {
        String buyer = shop.newUser("buyer", "buyer");
        shop.paid(buyer, casket, 1);
        Api.Response ran = api.post("/api/v1/payouts/runs", "admin", "{\"cutoff\": \"" + Instant.now().minusSeconds(1) + "\"}");
        assertThat(ran.status()).as(ran.body()).isEqualTo(200);
        // the same cut-off again: every seller is settled to it already
        Api.Response same = api.post("/api/v1/payouts/runs", "admin", "{\"cutoff\": \"" + ran.json().getString("cutoff") + "\"}");
        assertThat(same.json().getJsonArray("payouts")).isEmpty();
        JsonObject payout = api.get("/api/v1/payouts?limit=50", "seller-a").json().getJsonArray("items")
                .getValuesAs(JsonObject.class).stream().filter(p -> p.getString("status").equals("DUE")).findFirst()
                .orElseThrow(() -> new AssertionError("seller-a has no payout due"));
        String path = "/api/v1/payouts/" + payout.getString("id");

        assertProblem(api.get(path, "seller-b"), 404, "not-found");
        assertProblem(api.get(path + "/statement.pdf", "seller-b"), 404, "not-found");
        assertThat(api.get("/api/v1/payouts", "seller-b").json().getJsonArray("items").getValuesAs(JsonObject.class))
                .noneMatch(p -> p.getString("id").equals(payout.getString("id")));
        assertProblem(api.get("/api/v1/payouts", buyer), 403, "forbidden");
        assertProblem(api.get(path, "officer"), 403, "forbidden");
        assertProblem(api.get(path, null), 401, "unauthenticated");
        assertProblem(api.post("/api/v1/payouts/runs", "seller-a", "{}"), 403, "forbidden");
        assertProblem(api.post(path + "/paid", "seller-a", "{\"reference\": \"X\"}"), 403, "forbidden");

        Api.Response future = api.post("/api/v1/payouts/runs", "admin", "{\"cutoff\": \"2999-01-01T00:00:00Z\"}");
        assertProblem(future, 400, "validation");
        assertThat(future.body()).contains("\"field\":\"cutoff\"");
        assertProblem(api.post("/api/v1/payouts/runs", "admin", "{\"cutoff\": \"next Tuesday\"}"), 400, "validation");
        assertProblem(api.post(path + "/paid", "admin", "{\"reference\": \"  \"}"), 400, "validation");

        Api.Response marked = api.post(path + "/paid", "admin", "{\"reference\": \"SEPA-2026-11-0042\"}");
        assertThat(marked.status()).as(marked.body()).isEqualTo(200);
        assertThat(marked.json().getString("status")).isEqualTo("PAID");
        assertThat(api.get(path, "seller-a").json().getString("paidReference")).isEqualTo("SEPA-2026-11-0042");
        assertProblem(api.post(path + "/paid", "admin", "{\"reference\": \"again\"}"), 409, "conflict");
    }

    @Test
    @Tag("page")
    void theSellerReadsPayoutsAndTheAdministratorRunsThemInTheBrowser() throws Exception {
        String buyer = shop.newUser("buyer", "buyer");
        shop.paid(buyer, casket, 1);
        try (BrowserSession session = new BrowserSession(base)) {
            session.signIn("admin");
            session.open("admin/payouts.xhtml");
            session.type("run-form:cutoff", "someday");
            session.click(By.id("run-form:run"));
            assertThat(session.text("run-form")).contains("YYYY-MM-DD, e.g.");
            session.type("run-form:cutoff", "");
            session.click(By.id("run-form:run"));
            session.wait.until(d -> d.getPageSource().contains("payouts made"));
            session.signOut();

            session.signIn("seller-a");
            session.click(By.id("nav-payouts"));
            session.wait.until(d -> d.findElements(By.cssSelector("a.payout-link")).size() > 0);
            session.click(By.cssSelector("a.payout-link"));
            String net = session.text("detail-net");
            assertThat(net).matches(".*\\d.*");
            assertThat(session.browser.getPageSource()).contains("Reserve held back for open disputes", "Commission rules used:");
            session.screenshot("seller-payout");
        }
    }

    @Test
    void aPenaltyIsDeductedByTheNextPayoutUnlessWaivedFirst() throws Exception {
        String buyer = shop.newUser("buyer", "buyer");
        String order = shop.paid(buyer, casket, 1);
        String sellerA = api.get("/api/v1/orders/" + order, buyer).json().getString("sellerId");
        String fine = "{\"sellerId\": \"" + sellerA + "\", \"amount\": 15.00, \"currency\": \"EUR\", \"reason\": \"LATE_SHIPMENT\","
                + " \"explanation\": \"Orders shipped after the promised day in November.\"}";
        // compliance leads and administrators fine; officers and sellers cannot; bad input is named
        assertThat(api.post("/api/v1/penalties", "officer", fine).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/penalties", "seller-a", fine).status()).isEqualTo(403);
        for (String bad : List.of(fine.replace("15.00", "-5"), fine.replace("15.00", "0.001"), fine.replace("LATE_SHIPMENT", "RUDE"),
                fine.replace("\"EUR\"", "\"XXX\""), fine.replace("\"EUR\"", "\"JPY\"").replace("15.00", "1000.50"),
                fine.replace(sellerA, "no-such-seller"),
                fine.replace("Orders shipped after the promised day in November.", " "))) {
            assertProblem(api.post("/api/v1/penalties", "lead", bad), 400, "validation");
        }
        Api.Response imposed = api.post("/api/v1/penalties", "lead", fine);
        assertThat(imposed.status()).as(imposed.body()).isEqualTo(201);
        String penalty = imposed.json().getString("id");
        // one fine per risk event: a second is refused until the first is waived
        String event = api.get("/api/v1/risk-events?sellerId=" + sellerA + "&limit=1", "officer").json().getJsonArray("items")
                .getJsonObject(0).getString("id");
        String forEvent = fine.replace("}", ", \"riskEventId\": \"" + event + "\"}").replace("15.00", "1.00");
        String first = api.post("/api/v1/penalties", "lead", forEvent).json().getString("id");
        assertProblem(api.post("/api/v1/penalties", "lead", forEvent), 409, "conflict");
        api.post("/api/v1/penalties/" + first + "/waive", "lead", "");
        String second = api.post("/api/v1/penalties", "lead", forEvent).json().getString("id");
        assertThat(api.post("/api/v1/penalties/" + second + "/waive", "lead", "").json().getString("status")).isEqualTo("WAIVED");
        String waived = api.post("/api/v1/penalties", "admin", fine.replace("15.00", "99.00")).json().getString("id");
        assertThat(api.post("/api/v1/penalties/" + waived + "/waive", "lead", "").json().getString("status")).isEqualTo("WAIVED");
        assertThat(api.get("/api/v1/penalties", "seller-a").body()).contains(penalty, "OPEN");
        assertThat(api.get("/api/v1/penalties", "seller-b").body()).doesNotContain(penalty);

        assertThat(Shop.runPayouts(api).status()).isEqualTo(200);
        JsonObject deducted = api.get("/api/v1/penalties", "seller-a").structure().asJsonArray().getValuesAs(JsonObject.class)
                .stream().filter(p -> p.getString("id").equals(penalty)).findFirst().orElseThrow();
        assertThat(deducted.getString("status")).isEqualTo("DEDUCTED");
        JsonObject payout = api.get("/api/v1/payouts/" + deducted.getString("payoutId"), "seller-a").json();
        List<JsonObject> entries = payout.getJsonArray("entries").getValuesAs(JsonObject.class);
        assertThat(entries).filteredOn(e -> e.getString("kind").equals("PENALTY")).extracting(e -> e.getString("orderId"))
                .containsExactly(penalty);
        assertThat(amount(payout, "penalties")).isEqualByComparingTo("15.00");
        assertThat(entries.stream().map(e -> amount(e, "net")).reduce(BigDecimal.ZERO, BigDecimal::add)
                .add(amount(payout, "reserveReleased")).subtract(amount(payout, "reserveHeld")).add(amount(payout, "carriedForward")))
                .isEqualByComparingTo(amount(payout, "net"));
        // once deducted it cannot be waived; a second run deducts nothing again
        assertProblem(api.post("/api/v1/penalties/" + penalty + "/waive", "lead", ""), 409, "conflict");
        assertThat(Shop.runPayouts(api).body()).doesNotContain(penalty);
    }

    @Test
    @Tag("page")
    void aLeadFinesASellerOnThePenaltiesPageAndAnOfficerOnlyReads() throws Exception {
        String sellerA = api.get("/api/v1/catalog/products/" + casket, null).json().getString("sellerId");
        String explanation = "Three orders shipped late in week " + Shop.key().substring(0, 6);
        try (BrowserSession session = new BrowserSession(base)) {
            session.signIn("lead");
            session.open("risk/index.xhtml");
            session.click(By.id("penalties-link"));
            assertThat(session.pageTitle()).isEqualTo("Penalties");
            session.open("risk/penalties.xhtml?seller=" + sellerA);
            session.choose("penalty-form:reason", "Late shipment");
            session.type("penalty-form:amount", "12.50");
            // no explanation: the form names it, nothing is imposed
            session.click(By.id("penalty-form:impose"));
            session.click(By.cssSelector(".ui-confirmdialog-yes"));
            session.wait.until(d -> d.findElement(By.id("penalty-form:messages")).getText().contains("Explanation for the seller"));
            session.type("penalty-form:explanation", explanation);
            session.click(By.id("penalty-form:impose"));
            session.click(By.cssSelector(".ui-confirmdialog-yes"));
            session.wait.until(d -> d.findElement(By.id("penalty-form:messages")).getText().contains("Penalty imposed"));
            assertThat(session.text("penalties-form:penalties")).contains(explanation, "12.50", "Deducted by the next payout");
            session.screenshot("penalties-lead");
        }
        assertThat(api.get("/api/v1/penalties", "seller-a").body()).contains(explanation);
        try (BrowserSession session = new BrowserSession(base)) {
            session.signIn("officer");
            session.open("risk/penalties.xhtml");
            assertThat(session.text("penalties-form:penalties")).contains(explanation);
            assertThat(session.browser.findElements(By.id("penalty-form"))).isEmpty();
            assertThat(session.browser.findElements(By.cssSelector("[id$=':waive']"))).isEmpty();
        }
    }

    private String openDispute(String buyer, String order) {
        Api.Response opened = api.send("POST", "/api/v1/disputes", buyer, "{\"orderId\": \"" + order
                + "\", \"lineNo\": 1, \"reason\": \"DAMAGED\", \"description\": \"The lid is cracked.\"}", "Idempotency-Key", Shop.key());
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        return opened.json().getString("id");
    }

    private static String pdfText(byte[] pdf) throws Exception {
        PdfReader reader = new PdfReader(pdf);
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        StringBuilder text = new StringBuilder();
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(extractor.getTextFromPage(page)).append('\n');
        }
        return text.toString();
    }

    private static BigDecimal sum(List<JsonObject> entries, String field, int sign) {
        return entries.stream().map(e -> amount(e, field))
                .filter(a -> sign == 0 || a.signum() == sign).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal amount(JsonObject object, String field) {
        return object.getJsonObject(field).getJsonNumber("amount").bigDecimalValue();
    }

    private static BigDecimal number(JsonObject object, String field) {
        return object.getJsonNumber(field).bigDecimalValue();
    }

    private static BigDecimal cents(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }
}
