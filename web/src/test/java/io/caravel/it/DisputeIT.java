package io.caravel.it;

import static io.caravel.it.PlatformIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Disputes through the REST API on the real engine: each reason opened within its window and one
 * outside it, the seller's partial refund with a return, a contest decided by an agent as a split
 * and appealed to another agent (four-eyes), no answer decided for the buyer after a reminder, one
 * refund however often the seller's answer is sent, the dispute rate raising a review of the seller,
 * fraud signals, who sees which dispute on every route, and the whole journey in a browser.
 */
@SharedServer.Use
class DisputeIT {

    private static final String PNG = "image/png";


    @SharedServer.Base
    private URL base;

    private Api api;
    private Shop shop;

    /** 10.00 EUR, HS 442110 (wooden clothes hangers), 200 g: a code no other test class lists, so no price comparison flags it. */
    private static String hanger;

    @BeforeEach
    void client() throws InterruptedException {
        api = new Api(base.toString());
        shop = new Shop(api);
        if (hanger == null) {
            hanger = shop.published(Shop.product("Wooden hanger", "442110", "HOME", "10.00", "EUR", 1000, 200));
        }
    }

    @Test
    void aBuyerDisputesEachReasonOnceAndTheSellerIsAskedToAnswer() throws InterruptedException {
        String buyer = shop.newUser("buyer", "buyer");
        // item not received waits for the expected delivery date (20 days after shipping by the shipped rules)
        String early = shop.paid(buyer, hanger, 2);
        Api.Response tooEarly = open(buyer, early, "NOT_RECEIVED", null, Shop.key());
        assertProblem(tooEarly, 409, "conflict");
        assertThat(tooEarly.json().getString("detail")).contains("expected delivery");
        for (String reason : List.of("NOT_AS_DESCRIBED", "DAMAGED", "UNAUTHORIZED")) {
            String order = shop.paid(buyer, hanger, 2);
            String key = Shop.key();
            Api.Response opened = open(buyer, order, reason, null, key);
            assertThat(opened.status()).as(opened.body()).isEqualTo(201);
            JsonObject dispute = opened.json();
            assertThat(dispute.getString("status")).isEqualTo("AWAITING_SELLER");
            assertThat(dispute.getString("reason")).isEqualTo(reason);
            // the whole line by default: one line, so everything the buyer paid
            BigDecimal total = api.get("/api/v1/orders/" + order, buyer).json().getJsonObject("total")
                    .getJsonNumber("amount").bigDecimalValue();
            assertThat(amount(dispute, "claimed")).isEqualByComparingTo(total);
            assertThat(amount(dispute, "maxAmount")).isEqualByComparingTo(total);
            assertThat(Instant.parse(dispute.getString("sellerDeadline")))
                    .isBetween(Instant.now().plus(Duration.ofDays(3)).minusSeconds(120), Instant.now().plus(Duration.ofDays(3)));
            assertThat(dispute.getJsonArray("messages").getJsonObject(0).getString("party")).isEqualTo("BUYER");

            // the same key and body answer the same dispute; another body with the key is refused; one dispute per line
            Api.Response again = open(buyer, order, reason, null, key);
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(again.json().getString("id")).isEqualTo(dispute.getString("id"));
            assertProblem(open(buyer, order, reason, "1.00", key), 422, "idempotency-key-reused");
            assertProblem(open(buyer, order, "DAMAGED".equals(reason) ? "UNAUTHORIZED" : "DAMAGED", null, Shop.key()), 409,
                    "conflict");
            // the seller was told
            assertThat(api.get("/api/v1/notifications", "seller-a").body()).contains(dispute.getString("id"));
        }
    }

    @Test
    void aDisputeNeedsAPaidOrderARealLineAnAmountWithinTheLineAndWords() throws InterruptedException {
        String buyer = shop.newUser("buyer", "buyer");
        String unpaid = shop.placed(buyer, hanger, 1);
        assertProblem(open(buyer, unpaid, "NOT_RECEIVED", null, Shop.key()), 409, "conflict");
        String order = shop.paid(buyer, hanger, 1);
        Api.Response tooMuch = open(buyer, order, "DAMAGED", "100000.00", Shop.key());
        assertProblem(tooMuch, 400, "validation");
        assertThat(tooMuch.body()).contains("\"amount\"");
        Api.Response noWords = api.send("POST", "/api/v1/disputes", buyer, "{\"orderId\": \"" + order
                + "\", \"lineNo\": 1, \"reason\": \"DAMAGED\", \"description\": \"bad\"}", "Idempotency-Key", Shop.key());
        assertProblem(noWords, 400, "validation");
        assertThat(noWords.body()).contains("description");
        Api.Response badLine = api.send("POST", "/api/v1/disputes", buyer, "{\"orderId\": \"" + order
                + "\", \"lineNo\": 7, \"reason\": \"DAMAGED\", \"description\": \"It arrived broken in two.\"}",
                "Idempotency-Key", Shop.key());
        assertProblem(badLine, 400, "validation");
        Api.Response badReason = api.send("POST", "/api/v1/disputes", buyer, "{\"orderId\": \"" + order
                + "\", \"reason\": \"BROKEN\", \"description\": \"It arrived broken in two.\"}", "Idempotency-Key", Shop.key());
        assertProblem(badReason, 400, "validation");
        assertThat(badReason.body()).contains("reason");
        assertProblem(api.post("/api/v1/disputes", buyer, "{\"orderId\": \"" + order
                + "\", \"reason\": \"DAMAGED\", \"description\": \"It arrived broken in two.\"}"), 400, "validation");
        // another buyer's order does not exist for this buyer
        assertProblem(open("buyer", order, "DAMAGED", null, Shop.key()), 404, "not-found");
    }

    @Test
    void theSellerAcceptsWithAReturnOnceHoweverOftenTheAnswerIsSent() throws InterruptedException {
        String buyer = shop.newUser("buyer", "buyer");
        String order = shop.paid(buyer, hanger, 3);
        JsonObject dispute = opened(buyer, order, "NOT_AS_DESCRIBED");
        String id = dispute.getString("id");
        // five answers at once: one is taken, the others are refused, and the buyer is refunded once
        ExecutorService pool = Executors.newFixedThreadPool(5);
        List<Future<Api.Response>> answers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            answers.add(pool.submit(() -> api.post("/api/v1/disputes/" + id + "/response", "seller-a",
                    "{\"answer\": \"ACCEPT\", \"returnRequired\": true, \"message\": \"Sorry, please send it back with the label.\"}")));
        }
        int ok = 0;
        for (Future<Api.Response> answer : answers) {
            Api.Response response = get(answer);
            if (response.status() == 200) {
                ok++;
            } else {
                assertThat(response.status()).as(response.body()).isEqualTo(409);
            }
        }
        pool.shutdown();
        assertThat(ok).isEqualTo(1);

        JsonObject settled = api.get("/api/v1/disputes/" + id, buyer).json();
        assertThat(settled.getString("status")).isEqualTo("CLOSED");
        assertThat(settled.getString("sellerAnswer")).isEqualTo("ACCEPT");
        assertThat(settled.getString("returnWaybill")).startsWith("SIM");
        assertThat(amount(settled, "refunded")).isEqualByComparingTo(amount(dispute, "claimed"));
        JsonObject payment = api.get("/api/v1/orders/" + order, buyer).json().getJsonObject("payment");
        assertThat(payment.getString("status")).isEqualTo("REFUNDED");
        assertThat(payment.getJsonObject("refunded").getJsonNumber("amount").bigDecimalValue())
                .isEqualByComparingTo(amount(dispute, "claimed"));
        // a closed dispute takes no more answers or messages
        assertProblem(api.post("/api/v1/disputes/" + id + "/response", "seller-a", "{\"answer\": \"CONTEST\", \"message\": \"No longer.\"}"),
                409, "conflict");
        assertProblem(api.post("/api/v1/disputes/" + id + "/messages", buyer, "{\"body\": \"Thanks\"}"), 409, "conflict");
    }

    @Test
    void aPartialAcceptanceRefundsThatPartAtOnceAndAnAgentDecidesTheRest() throws InterruptedException {
        String buyer = shop.newUser("buyer", "buyer");
        String order = shop.paid(buyer, hanger, 3);
        JsonObject dispute = opened(buyer, order, "DAMAGED");
        String id = dispute.getString("id");
        BigDecimal claimed = amount(dispute, "claimed");
        assertProblem(api.post("/api/v1/disputes/" + id + "/response", "seller-a", "{\"answer\": \"ACCEPT\", \"refundAmount\": "
                + claimed.add(BigDecimal.ONE) + "}"), 400, "validation");
        Api.Response offered = api.post("/api/v1/disputes/" + id + "/response", "seller-a",
                "{\"answer\": \"ACCEPT\", \"refundAmount\": 10.00, \"message\": \"One hanger was fine; we refund two of three.\"}");
        assertThat(offered.status()).as(offered.body()).isEqualTo(200);
        assertThat(offered.json().getString("status")).isEqualTo("UNDER_REVIEW");
        assertThat(amount(offered.json(), "refunded")).isEqualByComparingTo("10.00");
        assertThat(api.get("/api/v1/orders/" + order, buyer).json().getJsonObject("payment").getString("status"))
                .isEqualTo("PARTIALLY_REFUNDED");
        // the agent decides for the buyer: the rest of the claim is refunded, never the part paid already
        String task = awaitTask("reviewDispute", id, "disputes");
        assertThat(api.post("/api/v1/tasks/" + task + "/claim", "disputes", "").status()).isEqualTo(200);
        assertThat(api.post("/api/v1/tasks/" + task + "/complete", "disputes",
                "{\"decision\": \"BUYER\", \"note\": \"All three are bent.\", \"message\": \"The whole claim is refunded.\"}")
                .status()).isEqualTo(200);
        JsonObject decided = api.get("/api/v1/disputes/" + id, buyer).json();
        assertThat(decided.getString("status")).isEqualTo("RESOLVED_BUYER");
        assertThat(amount(decided, "refunded")).isEqualByComparingTo(claimed);
        JsonObject payment = api.get("/api/v1/orders/" + order, buyer).json().getJsonObject("payment");
        assertThat(payment.getJsonObject("refunded").getJsonNumber("amount").bigDecimalValue()).isEqualByComparingTo(claimed);
    }

    @Test
    void aContestedDisputeIsSplitByAnAgentAndTheAppealGoesToAnotherAgent() throws InterruptedException {
        String buyer = shop.newUser("buyer", "buyer");
        String secondAgent = shop.newUser("agent", "dispute-agent");
        String order = shop.paid(buyer, hanger, 2);
        JsonObject dispute = opened(buyer, order, "DAMAGED");
        String id = dispute.getString("id");
        BigDecimal claimed = amount(dispute, "claimed");

        // the seller contests with a photo; a text file pretending to be one is refused
        assertProblem(api.sendBytes("/api/v1/disputes/" + id + "/evidence?kind=PHOTO&fileName=fake.png", "seller-a",
                "not an image".getBytes(StandardCharsets.UTF_8)), 415, "unsupported-media-type");
        Api.Response photo = api.sendBytes("/api/v1/disputes/" + id + "/evidence?kind=PHOTO&fileName=packed.png", "seller-a",
                ListingFixtures.PNG);
        assertThat(photo.status()).as(photo.body()).isEqualTo(201);
        String evidence = photo.json().getString("id");
        assertProblem(api.post("/api/v1/disputes/" + id + "/response", "seller-a", "{\"answer\": \"CONTEST\"}"), 400, "validation");
        Api.Response contested = api.post("/api/v1/disputes/" + id + "/response", "seller-a",
                "{\"answer\": \"CONTEST\", \"message\": \"It left our warehouse intact; see the packing photo.\"}");
        assertThat(contested.status()).as(contested.body()).isEqualTo(200);
        assertThat(contested.json().getString("status")).isEqualTo("UNDER_REVIEW");
        // the buyer sees the seller's evidence and message
        JsonObject forBuyer = api.get("/api/v1/disputes/" + id, buyer).json();
        assertThat(forBuyer.getJsonArray("evidence").getJsonObject(0).getString("id")).isEqualTo(evidence);
        assertThat(api.get("/api/v1/disputes/" + id + "/evidence/" + evidence, buyer).status()).isEqualTo(200);

        // the agent notes something for staff only, decides a split without its amount (refused), then with it
        assertThat(api.post("/api/v1/disputes/" + id + "/messages", "disputes",
                "{\"body\": \"Carrier scan shows a dent at hand-over.\", \"staffOnly\": true}").status()).isEqualTo(200);
        String task = awaitTask("reviewDispute", id, "disputes");
        assertThat(api.post("/api/v1/tasks/" + task + "/claim", "disputes", "").status()).isEqualTo(200);
        assertProblem(api.post("/api/v1/tasks/" + task + "/complete", "disputes",
                "{\"decision\": \"SPLIT\", \"note\": \"Both share the damage.\", \"message\": \"Half is refunded.\"}"), 400,
                "validation");
        BigDecimal half = claimed.divide(BigDecimal.valueOf(2), 2, java.math.RoundingMode.DOWN);
        assertProblem(api.send("PUT", "/api/v1/disputes/" + id + "/settlement", buyer, "{\"amount\": " + half + "}"), 403,
                "forbidden");
        assertThat(api.send("PUT", "/api/v1/disputes/" + id + "/settlement", "disputes", "{\"amount\": " + half + "}").status())
                .isEqualTo(200);
        Api.Response decided = api.post("/api/v1/tasks/" + task + "/complete", "disputes",
                "{\"decision\": \"SPLIT\", \"note\": \"Both share the damage.\", \"message\": \"Half is refunded.\"}");
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        JsonObject split = api.get("/api/v1/disputes/" + id, buyer).json();
        assertThat(split.getString("status")).isEqualTo("RESOLVED_BUYER");
        assertThat(split.getString("decision")).isEqualTo("SPLIT");
        assertThat(amount(split, "refunded")).isEqualByComparingTo(half);
        assertThat(split.getBoolean("appealable")).isTrue();
        // the parties never see the staff-only note, nor the agent's name
        for (String party : List.of(buyer, "seller-a")) {
            String body = api.get("/api/v1/disputes/" + id, party).body();
            assertThat(body).doesNotContain("Carrier scan", "\"disputes\"").contains("Half is refunded.");
        }
        assertThat(api.get("/api/v1/disputes/" + id, "disputes").body()).contains("Carrier scan");

        // the buyer appeals; the agent who decided cannot take the appeal, another agent decides for the buyer
        Api.Response appealed = api.post("/api/v1/disputes/" + id + "/appeal", buyer,
                "{\"reason\": \"The photo shows the box, not the hanger inside.\"}");
        assertThat(appealed.status()).as(appealed.body()).isEqualTo(200);
        assertThat(appealed.json().getString("status")).isEqualTo("APPEALED");
        assertProblem(api.post("/api/v1/disputes/" + id + "/appeal", "seller-a", "{\"reason\": \"We appeal as well, twice.\"}"),
                409, "conflict");
        String appeal = awaitTask("reviewAppeal", id, secondAgent);
        assertThat(taskIds("reviewAppeal", "disputes")).doesNotContain(appeal);
        assertThat(api.post("/api/v1/tasks/" + appeal + "/claim", "disputes", "").status()).isIn(403, 404, 409);
        assertThat(api.post("/api/v1/tasks/" + appeal + "/claim", secondAgent, "").status()).isEqualTo(200);
        Api.Response overturned = api.post("/api/v1/tasks/" + appeal + "/complete", secondAgent,
                "{\"decision\": \"BUYER\", \"note\": \"Photo is of the outer box only.\", \"message\": \"Fully refunded on appeal.\"}");
        assertThat(overturned.status()).as(overturned.body()).isEqualTo(200);
        JsonObject closed = api.get("/api/v1/disputes/" + id, buyer).json();
        assertThat(closed.getString("status")).isEqualTo("CLOSED");
        assertThat(closed.getString("appealDecision")).isEqualTo("BUYER");
        assertThat(amount(closed, "refunded")).isEqualByComparingTo(claimed);
        JsonObject payment = api.get("/api/v1/orders/" + order, buyer).json().getJsonObject("payment");
        assertThat(payment.getString("status")).isEqualTo("REFUNDED");
    }

    @Test
    void noAnswerByTheDeadlineDecidesForTheBuyerAfterAReminderAndAClaimOutsideItsWindowIsRefused() throws Exception {
        String original = api.get("/api/v1/disputes/rules", "admin").json().getString("csv");
        String quick = original
                .replace("SELLER_RESPONSE,*,*,P3D", "SELLER_RESPONSE,*,*,PT15S")
                .replace("REMINDER_BEFORE,*,*,P1D", "REMINDER_BEFORE,*,*,PT11S")
                + "EXPECTED_DELIVERY,*,DAMAGED,PT0S,test: no transit\nCLAIM_WINDOW,*,DAMAGED,PT0S,test: no window\n"
                + "EXPECTED_DELIVERY,*,NOT_RECEIVED,PT0S,test: delivery expected at once\n";
        String buyer = shop.newUser("buyer", "buyer");
        String late = shop.paid(buyer, hanger, 1);
        String silent = shop.paid(buyer, hanger, 1);
        assertThat(api.sendRaw("PUT", "/api/v1/disputes/rules?source=test", "admin", "text/csv", quick).status()).isEqualTo(200);
        String id;
        try {
            Api.Response closedWindow = open(buyer, late, "DAMAGED", null, Shop.key());
            assertProblem(closedWindow, 422, "claim-window-closed");
            id = opened(buyer, silent, "NOT_RECEIVED").getString("id");
        } finally {
            assertThat(api.sendRaw("PUT", "/api/v1/disputes/rules?source=restored", "admin", "text/csv", original).status())
                    .isEqualTo(200);
        }
        JsonObject decided = null;
        for (int i = 0; i < 120; i++) {
            decided = api.get("/api/v1/disputes/" + id, buyer).json();
            if ("CLOSED".equals(decided.getString("status"))) {
                break;
            }
            Thread.sleep(500);
        }
        assertThat(decided.getString("status")).as(decided.toString()).isEqualTo("CLOSED");
        assertThat(decided.getString("decision")).isEqualTo("BUYER");
        assertThat(amount(decided, "refunded")).isEqualByComparingTo(amount(decided, "claimed"));
        assertThat(decided.getJsonArray("messages").toString()).contains("PLATFORM", "did not answer");
        assertThat(api.get("/api/v1/notifications", "seller-a").body()).contains("DISPUTE_REMINDER");
        assertProblem(api.post("/api/v1/disputes/" + id + "/appeal", "seller-a", "{\"reason\": \"We never saw the notice.\"}"),
                409, "conflict");
        // the rules are versioned data: public to read, only administrators replace them, all or nothing
        assertThat(api.get("/api/v1/disputes/rules", null).json().getString("source")).isEqualTo("restored");
        assertProblem(api.sendRaw("PUT", "/api/v1/disputes/rules", "admin", "text/csv", "rule,source\nSELLER_RESPONSE,*"), 400,
                "validation");
        assertProblem(api.sendRaw("PUT", "/api/v1/disputes/rules", "disputes", "text/csv", original), 403, "forbidden");
    }

    @Test
    void aHighDisputeRateStartsAReviewOfTheSellerAndManyClaimsOrAClaimAfterReceiptAreFraudSignals() throws Exception {
        String original = api.get("/api/v1/disputes/rules", "admin").json().getString("csv");
        assertThat(api.get("/api/v1/disputes/rules", null).json().getString("csv")).doesNotContain("BUYER_CLAIMS_LIMIT")
                .contains("SELLER_RESPONSE");
        String strict = original
                .replace("DISPUTE_RATE_LIMIT,*,*,0.05", "DISPUTE_RATE_LIMIT,*,*,0")
                .replace("DISPUTE_RATE_MIN_ORDERS,*,*,20", "DISPUTE_RATE_MIN_ORDERS,*,*,1")
                .replace("BUYER_CLAIMS_LIMIT,*,*,3", "BUYER_CLAIMS_LIMIT,*,*,1");
        String buyer = shop.newUser("buyer", "buyer");
        String first = shop.paid(buyer, hanger, 1);
        String received = shop.paid(buyer, hanger, 1);
        shop.ship(received);
        assertThat(api.post("/api/v1/orders/" + received + "/receipt", buyer, "").status()).isEqualTo(200);
        assertThat(api.sendRaw("PUT", "/api/v1/disputes/rules?source=test", "admin", "text/csv", strict).status()).isEqualTo(200);
        try {
            String lost = opened(buyer, first, "DAMAGED").getString("id");
            String sellerId = api.get("/api/v1/disputes/" + lost, buyer).json().getString("sellerId");
            String unauthorized = opened(buyer, received, "UNAUTHORIZED").getString("id");
            assertThat(api.post("/api/v1/disputes/" + lost + "/response", "seller-a", "{\"answer\": \"ACCEPT\"}").status())
                    .isEqualTo(200);

            String risks = api.get("/api/v1/risk-events?category=PLATFORM_RULES&subjectId=" + sellerId + "&limit=50", "officer").body();
            assertThat(risks).contains("DISPUTE_RATE_HIGH");
            String task = awaitTask("reviewSellerAccount", sellerId, "officer");
            assertThat(api.post("/api/v1/tasks/" + task + "/claim", "officer", "").status()).isEqualTo(200);
            assertThat(api.post("/api/v1/tasks/" + task + "/complete", "officer",
                    "{\"decision\": \"WARN\", \"note\": \"Rate above the limit.\", \"message\": \"Please check your packaging.\"}")
                    .status()).isEqualTo(200);
            assertThat(api.get("/api/v1/notifications", "seller-a").body()).contains("Please check your packaging.");
            JsonObject health = api.get("/api/v1/disputes/seller-health", "seller-a").json();
            assertThat(health.getJsonNumber("lostDisputes").longValue()).isPositive();

            String payment = api.get("/api/v1/risk-events?category=PAYMENT&subjectId=" + unauthorized, "officer").body();
            assertThat(payment).contains("MANY_CLAIMS_FROM_BUYER", "UNAUTHORIZED_AFTER_RECEIPT");
            api.post("/api/v1/disputes/" + unauthorized + "/response", "seller-a", "{\"answer\": \"ACCEPT\"}");
        } finally {
            assertThat(api.sendRaw("PUT", "/api/v1/disputes/rules?source=restored", "admin", "text/csv", original).status())
                    .isEqualTo(200);
        }
    }

    @Test
    void eachPartySeesOnlyItsOwnDisputesOnEveryRoute() throws InterruptedException {
        String buyer = shop.newUser("buyer", "buyer");
        String stranger = shop.newUser("buyer", "buyer");
        String order = shop.paid(buyer, hanger, 1);
        String id = opened(buyer, order, "NOT_AS_DESCRIBED").getString("id");
        String evidence = api.sendBytes("/api/v1/disputes/" + id + "/evidence?kind=TRACKING&fileName=t.png", buyer,
                ListingFixtures.PNG).json().getString("id");

        for (String outsider : List.of(stranger, "seller-b")) {
            assertProblem(api.get("/api/v1/disputes/" + id, outsider), 404, "not-found");
            assertProblem(api.get("/api/v1/disputes/" + id + "/evidence/" + evidence, outsider), 404, "not-found");
            assertProblem(api.post("/api/v1/disputes/" + id + "/messages", outsider, "{\"body\": \"hello\"}"), 404, "not-found");
            assertProblem(api.sendBytes("/api/v1/disputes/" + id + "/evidence?kind=PHOTO", outsider, ListingFixtures.PNG), 404,
                    "not-found");
            assertProblem(api.post("/api/v1/disputes/" + id + "/appeal", outsider, "{\"reason\": \"not mine at all\"}"), 404,
                    "not-found");
            assertThat(api.get("/api/v1/disputes?limit=100", outsider).body()).doesNotContain(id);
        }
        assertProblem(api.post("/api/v1/disputes/" + id + "/response", "seller-b", "{\"answer\": \"ACCEPT\"}"), 404, "not-found");
        assertProblem(api.post("/api/v1/disputes/" + id + "/response", buyer, "{\"answer\": \"ACCEPT\"}"), 403, "forbidden");
        assertProblem(api.post("/api/v1/disputes/" + id + "/messages", buyer, "{\"body\": \"note\", \"staffOnly\": true}"), 403,
                "forbidden");
        assertProblem(api.send("PUT", "/api/v1/disputes/" + id + "/settlement", "seller-a", "{\"amount\": 1}"), 403, "forbidden");
        assertProblem(api.post("/api/v1/disputes", "seller-a", "{}"), 403, "forbidden");
        assertProblem(api.get("/api/v1/disputes/" + id, null), 401, "unauthenticated");
        assertThat(api.get("/api/v1/disputes?limit=100", buyer).body()).contains(id);
        assertThat(api.get("/api/v1/disputes?limit=100&orderId=" + order, "seller-a").body()).contains(id);
        assertThat(api.get("/api/v1/disputes?status=AWAITING_SELLER&limit=100", "disputes").body()).contains(id);
        assertProblem(api.get("/api/v1/disputes?status=LOST", buyer), 400, "validation");
        // the seller sees the thread but not the buyer's account name
        JsonObject forSeller = api.get("/api/v1/disputes/" + id, "seller-a").json();
        assertThat(forSeller.containsKey("buyer")).isFalse();
        assertThat(forSeller.toString()).doesNotContain(buyer.substring(0, buyer.indexOf(':')));
    }

    @Test
    @Tag("page")
    void aBuyerOpensADisputeInTheStorefrontTheSellerContestsWithEvidenceAndAnAgentSplitsTheRefund() throws Exception {
        String buyer = shop.newUser("buyer", "buyer");
        String order = shop.paid(buyer, hanger, 2);
        String[] account = buyer.split(":", 2);
        Path photo = Files.createTempFile("parcel", ".png");
        Files.write(photo, ListingFixtures.PNG);
        String id;
        try (BrowserSession session = new BrowserSession(base)) {
            // the buyer opens the dispute in the reference storefront
            session.open("storefront/index.html");
            session.type("username", account[0]);
            session.type("password", account[1]);
            session.click(By.id("signin-button"));
            session.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("who"), account[0]));
            session.click(By.id("orders-button"));
            session.click(By.cssSelector("#orders li[data-order='" + order + "'] button"));
            session.waitFor("dispute-panel");
            new Select(session.waitFor("d-reason")).selectByValue("DAMAGED");
            session.type("d-description", "Both hangers arrived snapped in the middle.");
            session.click(By.id("dispute-button"));
            session.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("disputes"), "Waiting for the seller"));
            id = api.get("/api/v1/disputes?orderId=" + order, buyer).json().getJsonArray("items").getJsonObject(0).getString("id");

            // the seller contests it in the seller portal with a photo
            session.signIn("seller-a");
            session.open("seller/disputes.xhtml?id=" + id);
            assertThat(session.text("dispute-status")).isEqualTo("Waiting for the seller");
            session.check("disputes:answer:1");
            session.type("disputes:message", "They left our warehouse whole; see the packing photo.");
            session.browser.findElement(By.id("disputes:evidence")).sendKeys(photo.toAbsolutePath().toString());
            session.click(By.id("disputes:send-answer"));
            session.wait.until(ExpectedConditions.textToBe(By.id("dispute-status"), "Under review by an agent"));
            assertThat(session.text("evidence")).contains("Seller", "Photo", photo.getFileName().toString());
            session.signOut();

            // the agent sets a split refund and decides it on the case page
            String task = awaitTask("reviewDispute", id, "disputes");
            session.signIn("disputes");
            session.open("inbox/cases/dispute.xhtml?task=" + task);
            assertThat(session.text("thread")).contains("snapped in the middle", "packing photo");
            assertThat(session.text("evidence")).contains(photo.getFileName().toString());
            // the history in words: the reason, the party and the kind of evidence by their names, not their codes
            assertThat(session.text("case:history")).contains("Arrived damaged on order " + order + ", line 1:", "Seller contested",
                    "Seller, Photo: " + photo.getFileName()).doesNotContain("DAMAGED", "SELLER", "PHOTO");
            session.click(By.id("case:claim"));
            session.waitFor("case:unclaim");
            session.type("case:settlement", "5.00");
            session.click(By.id("case:set-settlement"));
            session.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("dispute-settlement"), "5.00"));
            session.check("case:outcome:2");
            session.type("case:note", "Packing looked fine; carrier damage likely. Split.");
            session.type("case:message", "We refund 5.00 EUR of the claim.");
            session.click(By.id("case:complete"));
            session.wait.until(ExpectedConditions.urlContains("/inbox/index.xhtml"));

            // the buyer sees the decision and the refund in the storefront
            session.signOut();
            session.open("storefront/index.html");
            session.type("username", account[0]);
            session.type("password", account[1]);
            session.click(By.id("signin-button"));
            session.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("who"), account[0]));
            session.click(By.id("disputes-button"));
            session.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("disputes"), "Decided for you"));
            assertThat(session.text("disputes")).contains("refunded €5.00", "We refund 5.00 EUR of the claim.");
        } finally {
            Files.deleteIfExists(photo);
        }
        JsonObject decided = api.get("/api/v1/disputes/" + id, buyer).json();
        assertThat(decided.getString("decision")).isEqualTo("SPLIT");
        assertThat(amount(decided, "refunded")).isEqualByComparingTo("5.00");
        assertThat(api.get("/api/v1/orders/" + order, buyer).json().getJsonObject("payment").getString("status"))
                .isEqualTo("PARTIALLY_REFUNDED");
    }

    @Test
    void aChargebackGoesThroughEachStageWithTheProvidersDueDatesAndTheBanksOutcome() throws InterruptedException {
        String buyer = shop.newUser("buyer", "buyer");
        String secondAgent = shop.newUser("agent", "dispute-agent");
        String order = shop.paid(buyer, hanger, 2);
        BigDecimal total = api.get("/api/v1/orders/" + order, buyer).json().getJsonObject("total").getJsonNumber("amount")
                .bigDecimalValue();

        // an inquiry from the card issuer opens a dispute of the whole payment; the seller answers before the provider's date
        String ref = chargeback(order, null, "INQUIRY", 10, null);
        JsonObject opened = awaitChargeback(order, buyer, d -> "INQUIRY".equals(d.getString("stage", "")));
        String id = opened.getString("id");
        assertThat(opened.getString("source")).isEqualTo("CHARGEBACK");
        assertThat(opened.getString("providerRef")).isEqualTo(ref);
        assertThat(opened.getInt("lineNo")).isZero();
        assertThat(opened.getString("reason")).isEqualTo("UNAUTHORIZED");
        assertThat(opened.getString("status")).isEqualTo("AWAITING_SELLER");
        assertThat(amount(opened, "claimed")).isEqualByComparingTo(total);
        Instant providerDue = Instant.parse(opened.getString("providerDue"));
        assertThat(providerDue).isBetween(Instant.now().plus(Duration.ofDays(10)).minusSeconds(300), Instant.now().plus(Duration.ofDays(10)));
        assertThat(Instant.parse(opened.getString("sellerDeadline"))).isBefore(providerDue);

        // the inquiry becomes a chargeback with the provider's new, earlier date: the seller's deadline comes forward
        chargeback(order, ref, "CHARGEBACK", 2, null);
        JsonObject charged = awaitChargeback(order, buyer, d -> "CHARGEBACK".equals(d.getString("stage", "")));
        Instant newDue = Instant.parse(charged.getString("providerDue"));
        assertThat(newDue).isBefore(providerDue);
        assertThat(Instant.parse(charged.getString("sellerDeadline"))).isBefore(Instant.parse(opened.getString("sellerDeadline")))
                .isBetween(newDue.minus(Duration.ofHours(12)).minusSeconds(1), newDue.minus(Duration.ofHours(12)).plusSeconds(1));
        assertThat(charged.getJsonArray("messages").toString()).contains("CHARGEBACK");

        // the seller contests; an agent cannot split a chargeback and decides for the seller: the evidence goes to the bank
        assertThat(api.sendBytes("/api/v1/disputes/" + id + "/evidence?kind=TRACKING&fileName=delivered.png", "seller-a",
                ListingFixtures.PNG).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/disputes/" + id + "/response", "seller-a",
                "{\"answer\": \"CONTEST\", \"message\": \"Delivered and signed for by the cardholder.\"}").status()).isEqualTo(200);
        String task = awaitTask("reviewDispute", id, "disputes");
        assertThat(api.post("/api/v1/tasks/" + task + "/claim", "disputes", "").status()).isEqualTo(200);
        assertThat(api.send("PUT", "/api/v1/disputes/" + id + "/settlement", "disputes", "{\"amount\": 1.00}").status()).isEqualTo(200);
        assertProblem(api.post("/api/v1/tasks/" + task + "/complete", "disputes",
                "{\"decision\": \"SPLIT\", \"note\": \"half\", \"message\": \"half\"}"), 400, "validation");
        assertThat(api.post("/api/v1/tasks/" + task + "/complete", "disputes",
                "{\"decision\": \"SELLER\", \"note\": \"Signed delivery.\", \"message\": \"We contest the chargeback.\"}")
                .status()).isEqualTo(200);
        JsonObject represented = api.get("/api/v1/disputes/" + id, buyer).json();
        assertThat(represented.getString("status")).isEqualTo("RESOLVED_SELLER");
        assertThat(represented.getJsonArray("messages").toString()).contains("sent to the card issuer");
        assertThat(represented.getBoolean("appealable")).isFalse();
        assertProblem(api.post("/api/v1/disputes/" + id + "/appeal", buyer, "{\"reason\": \"I never ordered this at all.\"}"),
                409, "conflict");

        // pre-arbitration: the bank challenges the answer, another agent decides again
        chargeback(order, ref, "PRE_ARBITRATION", 7, null);
        awaitChargeback(order, buyer, d -> "APPEALED".equals(d.getString("status")));
        String appeal = awaitTask("reviewAppeal", id, secondAgent);
        assertThat(taskIds("reviewAppeal", "disputes")).doesNotContain(appeal);
        assertThat(api.post("/api/v1/tasks/" + appeal + "/claim", secondAgent, "").status()).isEqualTo(200);
        assertThat(api.post("/api/v1/tasks/" + appeal + "/complete", secondAgent,
                "{\"decision\": \"SELLER\", \"note\": \"Still signed.\", \"message\": \"We contest again.\"}").status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/disputes/" + id, buyer).json().getString("status")).isEqualTo("CLOSED");
        assertThat(api.get("/api/v1/orders/" + order, buyer).json().getJsonObject("payment").getString("status"))
                .isEqualTo("SUCCEEDED");

        // arbitration, then the bank decides for the buyer: the money taken back is recorded, never paid out twice
        chargeback(order, ref, "ARBITRATION", 5, null);
        awaitChargeback(order, buyer, d -> "ARBITRATION".equals(d.getString("stage", "")));
        chargeback(order, ref, "ARBITRATION", 5, "LOST");
        JsonObject lost = awaitChargeback(order, buyer, d -> amount(d, "refunded").signum() > 0);
        assertThat(amount(lost, "refunded")).isEqualByComparingTo(total);
        JsonObject payment = api.get("/api/v1/orders/" + order, buyer).json().getJsonObject("payment");
        assertThat(payment.getString("status")).isEqualTo("REFUNDED");
        assertThat(payment.getJsonObject("refunded").getJsonNumber("amount").bigDecimalValue()).isEqualByComparingTo(total);
    }

    @Test
    void aSellerWhoAcceptsAChargebackLetsTheBuyerKeepTheMoneyOnce() throws InterruptedException {
        String buyer = shop.newUser("buyer", "buyer");
        String order = shop.paid(buyer, hanger, 1);
        chargeback(order, null, "CHARGEBACK", 7, null);
        String id = awaitChargeback(order, buyer, d -> "AWAITING_SELLER".equals(d.getString("status"))).getString("id");
        assertThat(api.post("/api/v1/disputes/" + id + "/response", "seller-a", "{\"answer\": \"ACCEPT\"}").status())
                .isEqualTo(200);
        JsonObject accepted = api.get("/api/v1/disputes/" + id, buyer).json();
        assertThat(accepted.getString("status")).isEqualTo("CLOSED");
        // the bank then reports the chargeback lost: nothing more is taken
        chargeback(order, accepted.getString("providerRef"), "CHARGEBACK", 7, "LOST");
        awaitChargeback(order, buyer, d -> d.getJsonArray("messages").toString().contains("decided the chargeback for the buyer"));
        assertProblem(open(buyer, order, "DAMAGED", null, Shop.key()), 409, "conflict");
        JsonObject payment = api.get("/api/v1/orders/" + order, buyer).json().getJsonObject("payment");
        assertThat(payment.getString("status")).isEqualTo("REFUNDED");
        assertThat(payment.getJsonObject("refunded").getJsonNumber("amount").bigDecimalValue())
                .isEqualByComparingTo(payment.getJsonObject("amount").getJsonNumber("amount").bigDecimalValue());
        assertProblem(api.post("/api/v1/payment-simulator/payments/chargebacks", "buyer",
                "{\"orderId\": \"" + order + "\", \"stage\": \"INQUIRY\"}"), 403, "forbidden");
        assertProblem(api.post("/api/v1/payment-simulator/payments/chargebacks", "admin",
                "{\"orderId\": \"" + order + "\", \"stage\": \"APPEAL\"}"), 400, "validation");
    }

    // --- helpers ---

    /** The simulated card issuer raises or moves a chargeback; answers the provider's dispute reference. */
    private String chargeback(String order, String ref, String stage, int dueInDays, String outcome) {
        Api.Response raised = api.post("/api/v1/payment-simulator/payments/chargebacks", "admin", "{\"orderId\": \"" + order
                + "\", \"stage\": \"" + stage + "\", \"reason\": \"fraudulent\", \"dueInDays\": " + dueInDays
                + (ref == null ? "" : ", \"disputeRef\": \"" + ref + "\"")
                + (outcome == null ? "" : ", \"outcome\": \"" + outcome + "\"") + "}");
        assertThat(raised.status()).as(raised.body()).isEqualTo(202);
        return raised.json().getString("disputeRef");
    }

    private JsonObject awaitChargeback(String order, String buyer, java.util.function.Predicate<JsonObject> condition)
            throws InterruptedException {
        JsonObject found = null;
        for (int i = 0; i < 60; i++) {
            var items = api.get("/api/v1/disputes?orderId=" + order, buyer).json().getJsonArray("items");
            for (JsonObject d : items.getValuesAs(JsonObject.class)) {
                if ("CHARGEBACK".equals(d.getString("source"))) {
                    found = d;
                    if (condition.test(d)) {
                        return d;
                    }
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no chargeback of " + order + " as expected: " + found);
    }

    private Api.Response open(String buyer, String order, String reason, String amount, String key) {
        return api.send("POST", "/api/v1/disputes", buyer, "{\"orderId\": \"" + order + "\", \"lineNo\": 1, \"reason\": \"" + reason
                + "\"" + (amount == null ? "" : ", \"amount\": " + amount)
                + ", \"description\": \"The hanger " + reason.toLowerCase() + " — please help.\"}", "Idempotency-Key", key);
    }

    private JsonObject opened(String buyer, String order, String reason) {
        Api.Response opened = open(buyer, order, reason, null, Shop.key());
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        return opened.json();
    }

    private static BigDecimal amount(JsonObject dispute, String field) {
        return dispute.getJsonObject(field).getJsonNumber("amount").bigDecimalValue();
    }

    private List<String> taskIds(String type, String user) {
        return api.get("/api/v1/tasks?type=" + type + "&limit=200", user).json().getJsonArray("items")
                .getValuesAs(JsonObject.class).stream().map(t -> t.getString("id")).toList();
    }

    private String awaitTask(String type, String caseId, String user) throws InterruptedException {
        for (int i = 0; i < 120; i++) {
            for (JsonObject task : api.get("/api/v1/tasks?type=" + type + "&limit=200", user).json().getJsonArray("items")
                    .getValuesAs(JsonObject.class)) {
                if (task.getString("caseId").equals(caseId)) {
                    return task.getString("id");
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no " + type + " task for " + caseId);
    }

    private static Api.Response get(Future<Api.Response> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
