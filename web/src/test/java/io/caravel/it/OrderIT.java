package io.caravel.it;

import static io.caravel.it.PlatformIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Checkout and orders through the REST API: landed-cost quotes under each regime checked against
 * hand-computed figures, China's limits, idempotent orders, expired quotes, payment webhooks applied
 * once, stock under concurrent orders, shipping, and who sees which order.
 */
@SharedServer.Use
class OrderIT {

    /** The payment simulator's default secret (the simulator is for demos and tests only). */
    private static final String SIMULATOR_SECRET = "caravel-payment-simulator-not-for-production";


    @SharedServer.Base
    private URL base;

    private Api api;
    private Shop shop;

    private static String woodenBox;   // 20.00 EUR, HS 442191, 300 g, 1000 in the seller's own warehouse
    private static String cheapSpoon;  // 5.00 USD, HS 441912 (bamboo chopsticks), 100 g
    private static String faceCream;   // 1000.00 CNY, HS 330499 (consumption tax 15 %), 200 g

    @BeforeEach
    void client() throws InterruptedException {
        api = new Api(base.toString());
        shop = new Shop(api);
        if (woodenBox == null) {
            // HS codes other test classes on the same database do not use, so no price comparison flags them
            String box = shop.published(Shop.product("Wooden box", "442191", "HOME", "20.00", "EUR", 1000, 300));
            String chopsticks = shop.published(Shop.product("Bamboo chopsticks", "441912", "HOME", "5.00", "USD", 1000, 100));
            String cream = shop.published(Shop.product("Face cream", "330499", "BEAUTY", "1000.00", "CNY", 1000, 200),
                    "COSMETIC_SAFETY_REPORT");
            woodenBox = box;
            cheapSpoon = chopsticks;
            faceCream = cream;
        }
    }

    @Test
    void euOrdersUpToEur150TakeIossWithTheLowValueDutyAndAboveTakeH1() {
        JsonObject ioss = quote("buyer", woodenBox, 7, "DE", "EUR").json();
        assertThat(ioss.getString("regime")).isEqualTo("EU_IOSS");
        // goods 140.00; 2.1 kg → 3 kg: 6.00 + 3 × 4.00 = 18.00; duty 3.00 (one subheading, from 1 Jul 2026);
        // VAT 19 % of 161.00 = 30.59
        assertAmounts(ioss.getJsonObject("amounts"), "EUR", "140.00", "18.00", "3.00", "30.59", "0.00", "191.59");
        assertThat(ioss.getString("hsEdition")).isEqualTo("HS 2022");
        assertThat(ioss.getJsonArray("rulesUsed").toString()).contains("LOW_VALUE_DUTY_PER_SUBHEADING EU 3 EUR from 2026-07-01",
                "VAT DE 0.19", "IOSS_MAX EU 150 EUR");
        assertThat(Instant.parse(ioss.getString("validUntil"))).isAfter(Instant.now());

        JsonObject h1 = quote("buyer", woodenBox, 8, "DE", "EUR").json();
        assertThat(h1.getString("regime")).isEqualTo("EU_H1");
        // goods 160.00, shipping 18.00; duty 4 % of 178.00 = 7.12; VAT 19 % of 185.12 = 35.17
        assertAmounts(h1.getJsonObject("amounts"), "EUR", "160.00", "18.00", "7.12", "35.17", "0.00", "220.29");
    }

    @Test
    void aUsOrderOfFiveDollarsPaysDutyOnItsGoodsValue() {
        JsonObject us = quote("buyer", cheapSpoon, 1, "US", "USD").json();
        assertThat(us.getString("regime")).isEqualTo("US_ENTRY");
        // de minimis suspended: duty 5 % (the table's US default) of 5.00 (FOB, shipping excluded) = 0.25; no import VAT
        assertAmounts(us.getJsonObject("amounts"), "USD", "5.00", "12.00", "0.25", "0.00", "0.00", "17.25");
        assertThat(us.getJsonArray("rulesUsed").toString()).contains("DE_MINIMIS US 0 USD from 2025-08-29");
    }

    @Test
    void aUkOrderAbove135PoundsIsDeclaredWithImportVatAndBelowPaysVatAtSale() {
        JsonObject above = quote("buyer", woodenBox, 9, "GB", "GBP").json();
        assertThat(above.getString("regime")).isEqualTo("UK_IMPORT");
        // 180.00 EUR × 0.845 = 152.10 GBP; 2.7 kg → 3 kg: 5.00 + 3 × 3.50 = 15.50; duty 4 % of 167.60 = 6.70;
        // VAT 20 % of 174.30 = 34.86
        assertAmounts(above.getJsonObject("amounts"), "GBP", "152.10", "15.50", "6.70", "34.86", "0.00", "209.16");
        JsonObject rate = above.getJsonArray("fxRates").getJsonObject(0);
        assertThat(rate.getString("from") + rate.getString("to")).isEqualTo("EURGBP");
        assertThat(rate.getJsonNumber("rate").bigDecimalValue()).isEqualByComparingTo("0.845");
        assertThat(rate.getString("date")).isEqualTo("2026-11-24");

        JsonObject below = quote("buyer", woodenBox, 7, "GB", "GBP").json();
        assertThat(below.getString("regime")).isEqualTo("UK_VAT_AT_SALE");
        // 140.00 EUR = 118.30 GBP; VAT 20 % of 133.80 = 26.76, no duty
        assertAmounts(below.getJsonObject("amounts"), "GBP", "118.30", "15.50", "0.00", "26.76", "0.00", "160.56");
    }

    @Test
    void aChinaOrderPaysSeventyPercentOfVatAndConsumptionTaxAndTheLimitsAreKept() throws InterruptedException {
        String buyer = shop.newUser("buyer", "buyer");
        JsonObject cn = quote(buyer, faceCream, 1, "CN", "CNY").json();
        assertThat(cn.getString("regime")).isEqualTo("CN_9610");
        // value 1000 + shipping 50 = 1050; consumption tax 1050 / 0.85 × 0.15 = 185.29; VAT 13 % of 1235.29 = 160.59;
        // both at 70 %: 129.71 and 112.41; duty 0
        assertAmounts(cn.getJsonObject("amounts"), "CNY", "1000.00", "50.00", "0.00", "112.41", "129.71", "1292.12");

        // RMB 5,000 per order: 5 × 1000 + 50 shipping is refused at checkout
        Api.Response perOrder = quoteResponse(buyer, faceCream, 5, "CN", "CNY");
        assertProblem(perOrder, 400, "validation");
        assertThat(perOrder.body()).contains("5000");

        // RMB 26,000 per person and year: six orders of 4,050 (24,300) pass, the seventh is refused at checkout
        for (int i = 0; i < 6; i++) {
            Api.Response placed = order(buyer, quote(buyer, faceCream, 4, "CN", "CNY").json().getString("id"), key(),
                    Shop.consignee("张三", "110101199003070000"));
            assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        }
        Api.Response seventh = quoteResponse(buyer, faceCream, 4, "CN", "CNY");
        assertProblem(seventh, 400, "validation");
        assertThat(seventh.body()).contains("26000", "24300");
        // a declined payment gives the amount back to the year
        String last = api.get("/api/v1/orders?limit=1", buyer).json().getJsonArray("items").getJsonObject(0).getString("id");
        shop.pay(buyer, last, "DECLINE", 0, 1);
        shop.awaitOrder(buyer, last, "PAYMENT_DECLINED");
        assertThat(quoteResponse(buyer, faceCream, 4, "CN", "CNY").status()).isEqualTo(201);

        // China's orders are paid in CNY
        Api.Response inEuros = quoteResponse(buyer, faceCream, 1, "CN", "EUR");
        assertProblem(inEuros, 400, "validation");
        assertThat(inEuros.body()).contains("\"field\":\"currency\"");
        // China needs the consignee's resident ID number
        Api.Response noId = order(buyer, quote(buyer, faceCream, 1, "CN", "CNY").json().getString("id"), key(),
                Shop.consignee("张三", null));
        assertProblem(noId, 400, "validation");
        assertThat(noId.body()).contains("consignee.idNumber");
    }

    @Test
    void theSameIdempotencyKeyGivesOneOrderAndAnotherBodyIsRefused() throws Exception {
        String quote = quote("buyer", woodenBox, 1, "FR", "EUR").json().getString("id");
        String key = key();
        Api.Response first = order("buyer", quote, key, Shop.consignee("Marie Curie", null));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        Api.Response again = order("buyer", quote, key, Shop.consignee("Marie Curie", null));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.json().getString("id")).isEqualTo(first.json().getString("id"));
        assertProblem(order("buyer", quote, key, Shop.consignee("Pierre Curie", null)), 422, "idempotency-key-reused");
        // another key for an ordered quote is a conflict, not a second order
        assertProblem(order("buyer", quote, key(), Shop.consignee("Marie Curie", null)), 409, "conflict");
        assertProblem(order("buyer", quote, null, Shop.consignee("Marie Curie", null)), 400, "validation");

        // prices, rates and rules are stored with the order
        JsonObject placed = first.json();
        assertThat(placed.getString("status")).isEqualTo("PENDING_PAYMENT");
        assertThat(placed.getJsonObject("pricing").getJsonObject("amounts").toString())
                .isEqualTo(api.get("/api/v1/checkout/quotes/" + quote, "buyer").json().getJsonObject("amounts").toString());
        assertThat(placed.getJsonObject("payment").getString("status")).isEqualTo("PENDING");
        assertThat(placed.getJsonObject("payment").getString("payUrl")).startsWith("/api/v1/payment-simulator/payments/");

        // a quote held for one second has expired a little later
        Api.Response shortQuote = api.post("/api/v1/checkout/quotes", "buyer", Shop.quoteBody(woodenBox, 1, "FR", "EUR")
                .replace("}", ", \"validForSeconds\": 1}"));
        assertThat(shortQuote.status()).as(shortQuote.body()).isEqualTo(201);
        Thread.sleep(1500);
        assertProblem(order("buyer", shortQuote.json().getString("id"), key(), Shop.consignee("Marie Curie", null)), 422,
                "quote-expired");
    }

    @Test
    void aPaymentWebhookIsAppliedOnceHoweverOftenAndLateItArrives() throws Exception {
        String order = placed("buyer", woodenBox, 1, "NL");
        // the simulator delivers the same event twice, two seconds late
        shop.pay("buyer", order, "APPROVE", 2, 2);
        JsonObject paid = shop.awaitOrder("buyer", order, "PAID");
        assertThat(paid.getString("customsStatus")).isEqualTo("IN_PROGRESS");
        assertThat(paid.getJsonObject("payment").getString("transactionId")).startsWith("simtx_");
        assertThat(paid.getJsonObject("payment").getString("payerName")).isEqualTo("Bo Buyer");

        // a provider event replayed by hand: the first delivery applies, the repeat and a late contrary event do not
        String other = placed("buyer", woodenBox, 1, "NL");
        String ref = shop.payRef("buyer", other);
        BigDecimal total = api.get("/api/v1/orders/" + other, "buyer").json().getJsonObject("total").getJsonNumber("amount")
                .bigDecimalValue();
        String success = event("evt_" + UUID.randomUUID(), "payment.succeeded", ref, total);
        assertThat(webhook(success, sign(success)).json().getString("result")).isEqualTo("APPLIED");
        assertThat(webhook(success, sign(success)).json().getString("result")).isEqualTo("REPEATED");
        String decline = event("evt_" + UUID.randomUUID(), "payment.declined", ref, total);
        assertThat(webhook(decline, sign(decline)).json().getString("result")).isEqualTo("IGNORED");
        assertThat(api.get("/api/v1/orders/" + other, "buyer").json().getString("status")).isEqualTo("PAID");

        // a success for another amount does not pay the order: it is declined (and refunded), the stock goes back
        String third = placed("buyer", woodenBox, 1, "NL");
        String wrong = event("evt_" + UUID.randomUUID(), "payment.succeeded", shop.payRef("buyer", third), total.add(BigDecimal.ONE));
        assertThat(webhook(wrong, sign(wrong)).json().getString("result")).isEqualTo("APPLIED");
        assertThat(api.get("/api/v1/orders/" + third, "buyer").json().getString("status")).isEqualTo("PAYMENT_DECLINED");
        assertThat(api.get("/api/v1/risk-events?subjectId=" + third, "officer").body()).contains("PAYMENT_AMOUNT_MISMATCH");

        // unsigned, wrongly signed or stale deliveries are refused
        assertProblem(webhook(success, null), 401, "unauthenticated");
        assertProblem(webhook(success, sign(success).replace("v1=", "v1=0")), 401, "unauthenticated");
        long stale = Instant.now().getEpochSecond() - 3600;
        assertProblem(webhook(success, "t=" + stale + ",v1=" + hmac(stale + "." + success)), 401, "unauthenticated");
        // only the order's buyer pays it
        assertProblem(api.post("/api/v1/payment-simulator/payments/" + ref, shop.newUser("buyer", "buyer") , "{\"outcome\": \"APPROVE\"}"),
                404, "not-found");
    }

    @Test
    void twentyConcurrentOrdersForTenUnitsSellExactlyTen() throws Exception {
        String scarce = shop.published(Shop.product("Limited lantern", "442191", "HOME", "30.00", "EUR", 10, 300));
        List<String> quotes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            quotes.add(quote("buyer", scarce, 1, "IT", "EUR").json().getString("id"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<Api.Response>> answers = new ArrayList<>();
        for (String quote : quotes) {
            answers.add(pool.submit(() -> order("buyer", quote, key(), Shop.consignee("Dante Alighieri", null))));
        }
        int sold = 0;
        int soldOut = 0;
        for (Future<Api.Response> answer : answers) {
            Api.Response response = answer.get();
            if (response.status() == 201) {
                sold++;
            } else {
                assertProblem(response, 409, "out-of-stock");
                soldOut++;
            }
        }
        pool.shutdown();
        assertThat(sold).isEqualTo(10);
        assertThat(soldOut).isEqualTo(10);
        assertThat(api.get("/api/v1/catalog/products/" + scarce, null).json().getInt("stock")).isZero();
        assertProblem(quoteResponse("buyer", scarce, 1, "IT", "EUR"), 400, "validation");

        // a declined payment puts its unit back
        String anyOrder = api.get("/api/v1/orders?status=PENDING_PAYMENT&limit=200", "buyer").json().getJsonArray("items")
                .stream().map(JsonObject.class::cast)
                .filter(o -> o.getJsonObject("pricing").getJsonArray("lines").getJsonObject(0).getString("productId").equals(scarce))
                .findFirst().orElseThrow().getString("id");
        shop.pay("buyer", anyOrder, "DECLINE", 0, 1);
        shop.awaitOrder("buyer", anyOrder, "PAYMENT_DECLINED");
        assertThat(api.get("/api/v1/catalog/products/" + scarce, null).json().getInt("stock")).isEqualTo(1);
    }

    @Test
    void aNewRevisionOfAListingKeepsTheUnitsSoldAndAppliesTheSellersRestock() throws Exception {
        String json = Shop.product("Carved bowl", "442191", "HOME", "22.00", "EUR", 10, 300);
        String id = shop.published(json);
        placed("buyer", id, 3, "AT");
        assertThat(api.get("/api/v1/catalog/products/" + id, null).json().getInt("stock")).isEqualTo(7);
        // an edit that leaves the stock figure alone: the three units stay sold
        republish(id, json.replace(", plain and well made.", ", hand carved."));
        assertThat(api.get("/api/v1/catalog/products/" + id, null).json().getInt("stock")).isEqualTo(7);
        // the seller restocks from 10 to 15: five more units
        republish(id, json.replace("\"stockOwn\":10", "\"stockOwn\":15"));
        assertThat(api.get("/api/v1/catalog/products/" + id, null).json().getInt("stock")).isEqualTo(12);
    }

    private void republish(String id, String json) throws InterruptedException {
        int before = api.get("/api/v1/catalog/products/" + id, null).json().getInt("revision");
        Api.Response saved = api.send("PUT", "/api/v1/listings/" + id, "seller-a", json);
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(api.post("/api/v1/listings/" + id + "/submit", "seller-a", "").status()).isEqualTo(200);
        for (int i = 0; i < 120; i++) {
            if (api.get("/api/v1/catalog/products/" + id, null).json().getInt("revision") > before) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("revision of " + id + " was not published");
    }

    @Test
    void buyersAndSellersSeeOnlyTheirOwnOrdersAndTheSellerShipsAPaidOne() throws Exception {
        String order = placed("buyer", woodenBox, 2, "ES");
        String stranger = shop.newUser("buyer", "buyer");
        assertProblem(api.get("/api/v1/orders/" + order, stranger), 404, "not-found");
        assertThat(api.get("/api/v1/orders", stranger).json().getJsonArray("items")).isEmpty();
        assertProblem(api.get("/api/v1/orders/" + order, "seller-b"), 404, "not-found");
        assertThat(api.get("/api/v1/orders?limit=200", "seller-b").body()).doesNotContain(order);
        assertThat(api.get("/api/v1/orders?limit=200", "seller-a").body()).contains(order);
        assertThat(api.get("/api/v1/orders/" + order, "customs").status()).isEqualTo(200);
        assertProblem(api.get("/api/v1/orders", null), 401, "unauthenticated");
        assertProblem(api.post("/api/v1/checkout/quotes", "seller-a", Shop.quoteBody(woodenBox, 1, "ES", "EUR")), 403, "forbidden");

        // shipping waits for the payment; only the seller ships
        assertProblem(api.post("/api/v1/orders/" + order + "/shipment", "seller-a", "{}"), 409, "conflict");
        shop.pay("buyer", order, "APPROVE", 0, 1);
        shop.awaitOrder("buyer", order, "PAID");
        assertProblem(api.post("/api/v1/orders/" + order + "/shipment", "seller-b", "{}"), 404, "not-found");
        assertProblem(api.post("/api/v1/orders/" + order + "/shipment", "buyer", "{}"), 403, "forbidden");
        Api.Response shipped = api.post("/api/v1/orders/" + order + "/shipment", "seller-a", "{\"weightGrams\": 650}");
        assertThat(shipped.status()).as(shipped.body()).isEqualTo(200);
        assertThat(shipped.json().getString("status")).isEqualTo("SHIPPED");
        assertThat(shipped.json().getJsonObject("shipment").getString("waybill")).matches("SIM[0-9]{12}");
        assertThat(api.get("/api/v1/orders/" + order, "buyer").json().getJsonObject("shipment").getString("carrier"))
                .isEqualTo("SIMULATOR");
        // an EU parcel of EUR 40 is declared with the H7 data set
        JsonObject cleared = awaitDeclaration(order, "CLEARED");
        JsonObject h7 = api.get("/api/v1/customs/declarations/" + cleared.getString("id") + "/export", "customs").json();
        assertThat(h7.getString("dataSet")).isEqualTo("H7");
        assertThat(h7.getJsonNumber("intrinsicValue").bigDecimalValue()).isEqualByComparingTo("40.00");
        assertThat(h7.getJsonArray("items").getJsonObject(0).getString("commodityCode")).isEqualTo("442191");
    }

    @Test
    void aDropshipOrderTakesTheSuppliersStockAndIsRoutedToTheSupplier() throws Exception {
        Api.Response wholesale = api.post("/api/v1/listings", "seller-b", Json.createObjectBuilder()
                .add("titleEn", "Wholesale teak tray " + UUID.randomUUID().toString().substring(0, 6))
                .add("descriptionEn", "Teak serving tray, sold to resellers.").add("category", "HOME").add("hsCode", "442191")
                .add("originCountry", "ID").add("price", new BigDecimal("10.00")).add("currency", "EUR").add("stockOwn", 50)
                .add("lithiumBattery", false).add("wholesale", true).add("minAdvertisedPrice", new BigDecimal("15.00"))
                .add("weightGrams", 400).build().toString());
        assertThat(wholesale.status()).as(wholesale.body()).isEqualTo(201);
        String supplierItem = wholesale.json().getString("id");
        assertThat(api.sendBytes("/api/v1/listings/" + supplierItem + "/images?fileName=tray.png", "seller-b", ListingFixtures.PNG)
                .status()).isEqualTo(201);
        assertThat(api.post("/api/v1/listings/" + supplierItem + "/submit", "seller-b", "").status()).isEqualTo(200);
        for (int i = 0; i < 120 && api.get("/api/v1/catalog/products/" + supplierItem, null).status() != 200; i++) {
            Thread.sleep(500);
        }
        String resale = shop.published(Json.createObjectBuilder().add("titleEn", "Teak tray " + UUID.randomUUID().toString().substring(0, 6))
                .add("descriptionEn", "Teak serving tray, shipped by our supplier.").add("category", "HOME").add("hsCode", "442191")
                .add("originCountry", "ID").add("price", new BigDecimal("25.00")).add("currency", "EUR").add("stockOwn", 0)
                .add("lithiumBattery", false).add("wholesale", false).add("supplierListingId", supplierItem)
                .add("weightGrams", 400).build().toString());

        String order = placed("buyer", resale, 2, "FR");
        JsonObject line = api.get("/api/v1/orders/" + order, "buyer").json().getJsonObject("pricing").getJsonArray("lines")
                .getJsonObject(0);
        assertThat(line.getString("supplierProductId")).isEqualTo(supplierItem);
        assertThat(api.get("/api/v1/catalog/products/" + supplierItem + "?wholesale=true", null).json().getInt("stock"))
                .isEqualTo(48);
        // the supplier sees the order it fulfils and ships it; the reseller sees it too
        assertThat(api.get("/api/v1/orders?limit=200", "seller-b").body()).contains(order);
        assertThat(api.get("/api/v1/orders?limit=200", "seller-a").body()).contains(order);
        shop.pay("buyer", order, "APPROVE", 0, 1);
        shop.awaitOrder("buyer", order, "PAID");
        Api.Response shipped = api.post("/api/v1/orders/" + order + "/shipment", "seller-b", "{}");
        assertThat(shipped.status()).as(shipped.body()).isEqualTo(200);
    }

    @Test
    void aChinaOrderWithinTheLimitsIsDeclaredAndCleared() throws Exception {
        String buyer = shop.newUser("buyer", "buyer");
        String order = placedCn(buyer);
        assertThat(api.get("/api/v1/orders/" + order, buyer).json().getString("customsStatus")).isEqualTo("NOT_DECLARED");
        shop.pay(buyer, order, "APPROVE", 0, 1);
        shop.awaitOrder(buyer, order, "PAID");
        JsonObject waiting = declaration(order, "customs");
        assertThat(waiting.getString("status")).isEqualTo("AWAITING_WAYBILL");
        ship(order, "{}");
        JsonObject cleared = awaitDeclaration(order, "CLEARED");
        // 三单对碰: the four documents agree
        JsonObject documents = cleared.getJsonObject("documents");
        assertThat(documents.getJsonObject("order").getJsonNumber("actualPaid").bigDecimalValue()).isEqualByComparingTo("1292.12");
        assertThat(documents.getJsonObject("payment").getJsonNumber("amountPaid").bigDecimalValue()).isEqualByComparingTo("1292.12");
        assertThat(documents.getJsonObject("payment").getString("payerIdNumber")).isEqualTo("110101199003070000");
        assertThat(documents.getJsonObject("waybill").getString("consigneeName")).isEqualTo("张三");
        assertThat(documents.getJsonObject("inventory").getJsonArray("items").getJsonObject(0).getString("hsEdition"))
                .isEqualTo("HS 2022");
        assertThat(cleared.getJsonArray("findings")).isEmpty();
        assertThat(cleared.getJsonArray("submissions").getJsonObject(0).getString("answer")).isEqualTo("ACCEPTED");
        assertThat(api.get("/api/v1/orders/" + order, buyer).json().getString("customsStatus")).isEqualTo("CLEARED");
        // exported in China's message layout for a broker
        String declaration = cleared.getString("id");
        Api.Response ceb311 = api.get("/api/v1/customs/declarations/" + declaration + "/export?message=CEB311", "customs");
        assertThat(ceb311.status()).isEqualTo(200);
        assertThat(ceb311.header("Content-Type")).startsWith("application/xml");
        assertThat(ceb311.body()).contains("<ceb:CEB311Message", "<ceb:acturalPaid>1292.12</ceb:acturalPaid>",
                "<ceb:buyerIdNumber>110101199003070000</ceb:buyerIdNumber>", "<ceb:orderType>I</ceb:orderType>");
        assertThat(api.get("/api/v1/customs/declarations/" + declaration + "/export?message=CEB621", "customs").body())
                .contains("<ceb:gcode>330499</ceb:gcode>", "<ceb:tradeMode>9610</ceb:tradeMode>");
        assertProblem(api.get("/api/v1/customs/declarations/" + declaration + "/export?message=CEB999", "customs"), 400,
                "validation");
        // the seller reads its order's declaration with the ID numbers masked, and does not export it;
        // a buyer and another seller do not read it at all
        JsonObject sellers = api.get("/api/v1/customs/declarations?orderId=" + order, "seller-a").json();
        assertThat(sellers.getJsonObject("documents").getJsonObject("order").getString("buyerIdNumber"))
                .isEqualTo("1101**********0000");
        assertThat(sellers.toString()).doesNotContain("110101199003070000");
        assertProblem(api.get("/api/v1/customs/declarations/" + declaration + "/export?message=CEB311", "seller-a"), 403,
                "forbidden");
        assertProblem(api.get("/api/v1/customs/declarations?orderId=" + order, buyer), 404, "not-found");
        assertProblem(api.get("/api/v1/customs/declarations/" + cleared.getString("id"), "seller-b"), 404, "not-found");
    }

    @Test
    void aWaybillWithAnotherConsigneeStopsAtACorrectionTaskAndTheAgentsCorrectionClearsIt() throws Exception {
        String buyer = shop.newUser("buyer", "buyer");
        String order = placedCn(buyer);
        shop.pay(buyer, order, "APPROVE", 0, 1);
        shop.awaitOrder(buyer, order, "PAID");
        ship(order, "{\"consigneeName\": \"李四\"}");
        JsonObject held = awaitDeclaration(order, "HELD");
        assertThat(held.getString("holdReason")).isEqualTo("CONSIGNEE_MISMATCH");
        JsonObject finding = held.getJsonArray("findings").getJsonObject(0);
        assertThat(finding.getString("code")).isEqualTo("CONSIGNEE_MISMATCH");
        assertThat(finding.getJsonObject("values").getString("order")).isEqualTo("张三");
        assertThat(finding.getJsonObject("values").getString("waybill")).isEqualTo("李四");
        assertThat(api.get("/api/v1/orders/" + order, buyer).json().getString("customsStatus")).isEqualTo("HELD");
        assertThat(api.get("/api/v1/risk-events?subjectId=" + held.getString("id"), "officer").body()).contains("DECLARATION_HELD");

        String task = awaitTask(held.getString("id"));
        // only a customs agent corrects, and only after claiming the task
        assertProblem(api.post("/api/v1/customs/declarations/" + held.getString("id") + "/corrections", "officer",
                "{\"field\": \"waybill.consigneeName\", \"value\": \"张三\"}"), 403, "forbidden");
        assertProblem(api.post("/api/v1/customs/declarations/" + held.getString("id") + "/corrections", "customs",
                "{\"field\": \"order.total\", \"value\": \"1\"}"), 400, "validation");
        assertThat(api.post("/api/v1/tasks/" + task + "/claim", "customs", "").status()).isEqualTo(200);
        Api.Response corrected = api.post("/api/v1/customs/declarations/" + held.getString("id") + "/corrections", "customs",
                "{\"field\": \"waybill.consigneeName\", \"value\": \"张三\"}");
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
        assertThat(api.post("/api/v1/tasks/" + task + "/complete", "customs",
                "{\"decision\": \"RESUBMIT\", \"note\": \"carrier confirmed the label shows 张三\"}").status()).isEqualTo(200);
        JsonObject cleared = awaitDeclaration(order, "CLEARED");
        assertThat(cleared.getJsonObject("documents").getJsonObject("waybill").getString("consigneeName")).isEqualTo("张三");
        assertThat(api.get("/api/v1/orders/" + order, buyer).json().getString("customsStatus")).isEqualTo("CLEARED");
    }

    @Test
    void aDeclarationRejectedByCustomsCanBeCancelledAndTheOrderRefunded() throws Exception {
        String buyer = shop.newUser("buyer", "buyer");
        String order = order(buyer, quote(buyer, faceCream, 1, "CN", "CNY").json().getString("id"), key(),
                "{\"name\": \"张三\", \"address\": \"人民路 1 号 [simulate: reject]\", \"city\": \"上海\","
                        + " \"idNumber\": \"110101199003070000\"}").json().getString("id");
        shop.pay(buyer, order, "APPROVE", 0, 1);
        shop.awaitOrder(buyer, order, "PAID");
        ship(order, "{}");
        JsonObject held = awaitDeclaration(order, "HELD");
        assertThat(held.getString("holdReason")).isEqualTo("REJECTED_R-VALUE");
        String task = awaitTask(held.getString("id"));
        assertThat(api.post("/api/v1/tasks/" + task + "/claim", "customs", "").status()).isEqualTo(200);
        assertThat(api.post("/api/v1/tasks/" + task + "/complete", "customs",
                "{\"decision\": \"CANCEL_AND_REFUND\", \"note\": \"value cannot be evidenced\"}").status()).isEqualTo(200);
        awaitDeclaration(order, "CANCELLED");
        JsonObject cancelled = shop.awaitOrder(buyer, order, "CANCELLED");
        assertThat(cancelled.getJsonObject("payment").getString("status")).isEqualTo("REFUNDED");
    }

    @Test
    @Tag("page")
    void theReferenceStorefrontSearchesQuotesOrdersAndPaysThroughThePublicApi() throws Exception {
        try (BrowserSession session = new BrowserSession(base)) {
            String title = api.get("/api/v1/catalog/products/" + woodenBox, null).json().getJsonObject("title").getString("en");
            session.open("storefront/index.html");
            session.type("password", "demo");
            session.click(By.id("signin-button"));
            session.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("who"), "buyer"));
            session.type("q", title);
            session.click(By.id("search-button"));
            session.wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#results button[data-product='" + woodenBox + "']")));
            // a search the API refuses shows why, and none of the results of the search before it
            session.type("q", "x".repeat(300));
            session.click(By.id("search-button"));
            session.wait.until(ExpectedConditions.textMatches(By.id("search-error"), java.util.regex.Pattern.compile(".+")));
            assertThat(session.browser.findElements(By.cssSelector("#results li"))).isEmpty();
            assertThat(session.browser.findElement(By.id("found")).getText()).isEmpty();
            session.type("q", title);
            session.click(By.id("search-button"));
            session.click(By.cssSelector("#results button[data-product='" + woodenBox + "']"));
            session.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("product-title"), title));
            session.type("quantity", "7");
            new Select(session.waitFor("destination")).selectByValue("DE");
            session.click(By.id("quote-button"));
            // the same figures as the API's hand-checked IOSS quote
            session.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("amount-total"), "191.59"));
            assertThat(session.text("amount-duty")).contains("3.00");
            assertThat(session.text("quote-facts")).contains("EU IOSS", "HS 2022");
            session.type("c-name", "Ada Lovelace");
            session.type("c-address", "Hafenstraße 1");
            session.type("c-city", "Hamburg");
            session.click(By.id("order-button"));
            session.wait.until(ExpectedConditions.attributeToBe(By.id("order-status"), "data-status", "PENDING_PAYMENT"));
            String order = session.text("order-id");
            session.click(By.id("pay-approve"));
            session.wait.until(ExpectedConditions.attributeToBe(By.id("order-status"), "data-status", "PAID"));
            assertThat(api.get("/api/v1/orders/" + order, "buyer").json().getString("status")).isEqualTo("PAID");
            session.click(By.id("orders-button"));
            session.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("orders"), "191.59"));
            assertThat(session.text("calls")).contains("POST /api/v1/checkout/quotes → 201", "POST /api/v1/orders → 201");
        }
    }

    @Test
    @Tag("page")
    void aCustomsAgentCorrectsAHeldDeclarationInTheInbox() throws Exception {
        String buyer = shop.newUser("buyer", "buyer");
        String order = placedCn(buyer);
        shop.pay(buyer, order, "APPROVE", 0, 1);
        shop.awaitOrder(buyer, order, "PAID");
        ship(order, "{\"consigneeName\": \"王五\"}");
        String declaration = awaitDeclaration(order, "HELD").getString("id");
        String task = awaitTask(declaration);
        try (BrowserSession session = new BrowserSession(base)) {
            session.signIn("customs");
            session.open("inbox/cases/declaration.xhtml?task=" + task);
            assertThat(session.text("case:findings")).contains("Consignee differs between order and waybill", "王五", "张三");
            assertThat(session.browser.findElement(By.cssSelector("#documents tr.mismatch")).getAttribute("data-field"))
                    .isEqualTo("consigneeName");
            session.click(By.id("case:claim"));
            session.waitFor("case:unclaim");
            session.type("case:value", "张三");
            session.click(By.id("case:apply"));
            session.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("#documents tr.mismatch")));
            // the history in words: the regime and the corrected field by their names, not their codes
            session.open("inbox/cases/declaration.xhtml?task=" + task);
            assertThat(session.text("case:history")).contains("Order " + order + ", China cross-border retail",
                    "Waybill: consignee: \u201c王五\u201d \u2192 \u201c张三\u201d").doesNotContain("CN_9", "waybill.consigneeName");
            session.check("case:outcome:0");
            session.type("case:note", "carrier confirmed the consignee 张三");
            session.click(By.id("case:complete"));
            session.wait.until(ExpectedConditions.urlContains("/inbox/index.xhtml"));
        }
        assertThat(awaitDeclaration(order, "CLEARED").getJsonObject("documents").getJsonObject("waybill")
                .getString("consigneeName")).isEqualTo("张三");
    }

    @Test
    void badCheckoutInputGetsProblemsNamingTheField() {
        assertProblem(quoteResponse("buyer", woodenBox, 1, "XX", "EUR"), 400, "validation");
        assertProblem(quoteResponse("buyer", woodenBox, 0, "DE", "EUR"), 400, "validation");
        assertProblem(quoteResponse("buyer", UUID.randomUUID().toString(), 1, "DE", "EUR"), 400, "validation");
        assertProblem(quoteResponse("buyer", woodenBox, 1, "DE", "XYZ"), 400, "validation");
        assertProblem(api.post("/api/v1/checkout/quotes", "buyer", "{\"lines\": []}"), 400, "validation");
        assertProblem(api.post("/api/v1/checkout/quotes", "buyer", "{\"lines\": [{\"productId\": \"" + woodenBox
                + "\", \"quantity\": 1}], \"destinationCountry\": \"DE\", \"shippingMethod\": \"PIGEON\"}"), 400, "validation");
        assertProblem(api.post("/api/v1/checkout/quotes", "buyer", "{not json"), 400, "malformed-request");
        assertProblem(api.get("/api/v1/checkout/quotes/" + UUID.randomUUID(), "buyer"), 404, "not-found");
        assertProblem(order("buyer", UUID.randomUUID().toString(), key(), Shop.consignee("A B", null)), 400, "validation");
        Api.Response rules = api.get("/api/v1/tariff/rules", null);
        assertThat(rules.status()).isEqualTo(200);
        assertThat(rules.json().getJsonObject("version").getInt("version")).isPositive();
        assertProblem(api.sendRaw("PUT", "/api/v1/tariff/rules", "admin", "text/csv", "rule,area\nVAT,DE"), 400, "validation");
        assertProblem(api.sendRaw("PUT", "/api/v1/tariff/rules", "officer", "text/csv", "x"), 403, "forbidden");
    }

    // --- helpers ---

    private String placedCn(String buyer) {
        Api.Response placed = order(buyer, quote(buyer, faceCream, 1, "CN", "CNY").json().getString("id"), key(),
                Shop.consignee("张三", "110101199003070000"));
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        return placed.json().getString("id");
    }

    private void ship(String order, String body) {
        Api.Response shipped = api.post("/api/v1/orders/" + order + "/shipment", "seller-a", body);
        assertThat(shipped.status()).as(shipped.body()).isEqualTo(200);
    }

    private JsonObject declaration(String order, String user) {
        Api.Response found = api.get("/api/v1/customs/declarations?orderId=" + order, user);
        assertThat(found.status()).as(found.body()).isEqualTo(200);
        return found.json();
    }

    private JsonObject awaitDeclaration(String order, String status) throws InterruptedException {
        JsonObject found = null;
        for (int i = 0; i < 120; i++) {
            found = declaration(order, "customs");
            if (found.getString("status").equals(status)) {
                return found;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("declaration of " + order + " is not " + status + ": " + found);
    }

    private String awaitTask(String caseId) throws InterruptedException {
        for (int i = 0; i < 120; i++) {
            for (JsonObject task : api.get("/api/v1/tasks?type=correctDeclaration&limit=200", "customs").json()
                    .getJsonArray("items").getValuesAs(JsonObject.class)) {
                if (task.getString("caseId").equals(caseId)) {
                    return task.getString("id");
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no correction task for " + caseId);
    }

    private static void assertAmounts(JsonObject amounts, String currency, String goods, String shipping, String duty,
                                      String vat, String consumptionTax, String total) {
        assertThat(amounts.getString("currency")).isEqualTo(currency);
        assertThat(amounts.getJsonNumber("goods").bigDecimalValue()).as("goods").isEqualByComparingTo(goods);
        assertThat(amounts.getJsonNumber("shipping").bigDecimalValue()).as("shipping").isEqualByComparingTo(shipping);
        assertThat(amounts.getJsonNumber("duty").bigDecimalValue()).as("duty").isEqualByComparingTo(duty);
        assertThat(amounts.getJsonNumber("vat").bigDecimalValue()).as("vat").isEqualByComparingTo(vat);
        assertThat(amounts.getJsonNumber("consumptionTax").bigDecimalValue()).as("consumption tax").isEqualByComparingTo(consumptionTax);
        assertThat(amounts.getJsonNumber("total").bigDecimalValue()).as("total").isEqualByComparingTo(total);
    }

    private Api.Response quoteResponse(String buyer, String product, int quantity, String country, String currency) {
        return api.post("/api/v1/checkout/quotes", buyer, Shop.quoteBody(product, quantity, country, currency));
    }

    private Api.Response quote(String buyer, String product, int quantity, String country, String currency) {
        Api.Response quote = quoteResponse(buyer, product, quantity, country, currency);
        assertThat(quote.status()).as(quote.body()).isEqualTo(201);
        return quote;
    }

    private Api.Response order(String buyer, String quoteId, String key, String consignee) {
        String body = "{\"quoteId\": \"" + quoteId + "\", \"consignee\": " + consignee + "}";
        return key == null ? api.post("/api/v1/orders", buyer, body)
                : api.send("POST", "/api/v1/orders", buyer, body, "Idempotency-Key", key);
    }

    private String placed(String buyer, String product, int quantity, String country) {
        Api.Response placed = order(buyer, quote(buyer, product, quantity, country, "EUR").json().getString("id"), key(),
                Shop.consignee("Ada Lovelace", null));
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        return placed.json().getString("id");
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    private static String event(String id, String type, String ref, BigDecimal amount) {
        return "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"created\":\"" + Instant.now() + "\",\"payment\":{\"ref\":\""
                + ref + "\",\"amount\":" + amount + ",\"currency\":\"EUR\",\"payerName\":\"Bo Buyer\",\"payerIdNumber\":\"\","
                + "\"transactionId\":\"manual-" + id + "\",\"declineReason\":\"\"}}";
    }

    private Api.Response webhook(String body, String signature) {
        return signature == null ? api.post("/api/v1/payments/webhooks/simulator", null, body)
                : api.send("POST", "/api/v1/payments/webhooks/simulator", null, body, "Caravel-Signature", signature);
    }

    private static String sign(String body) {
        long t = Instant.now().getEpochSecond();
        return "t=" + t + ",v1=" + hmac(t + "." + body);
    }

    private static String hmac(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SIMULATOR_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
