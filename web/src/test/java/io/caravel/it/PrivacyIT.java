package io.caravel.it;

import static io.caravel.it.PlatformIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Data risk on the real server: each paid order records the transfer of the buyer's data to the
 * seller's country; a buyer's copy of their data and their erasure are data-request cases an officer
 * fulfils; the copy holds the orders, only its requester downloads it; erasure keeps what customs
 * and tax records need and anonymises the rest; the register records each request with its decision.
 */
@SharedServer.Use
class PrivacyIT {

    @SharedServer.Base
    private URL base;

    private Api api;
    private Shop shop;

    /** 8.00 EUR, HS 441919 (wooden tableware), HOME. */
    private static String spoon;

    @BeforeEach
    void client() throws InterruptedException {
        api = new Api(base.toString());
        shop = new Shop(api);
        if (spoon == null) {
            spoon = shop.published(Shop.product("Olive wood spoon", "441919", "HOME", "8.00", "EUR", 1000, 60));
        }
    }

    @Test
    void aBuyersCopyAndErasureAreCasesTheOfficerFulfils() throws Exception {
        String buyer = shop.newUser("buyer", "buyer");
        String paid = shop.paid(buyer, spoon, 2);
        String unpaid = shop.placed(buyer, spoon, 1);

        // the paid order's data went from the buyer's country to the seller's; the unpaid order's did not
        JsonObject report = api.get("/api/v1/privacy/transfers", "officer").json();
        List<JsonObject> transfers = report.getJsonArray("transfers").getValuesAs(JsonObject.class);
        JsonObject transfer = transfers.stream().filter(t -> t.getString("orderId").equals(paid)).findFirst().orElseThrow();
        assertThat(transfer.getString("fromCountry")).isEqualTo("DE");
        assertThat(transfer.getString("subject")).isEqualTo(buyer.substring(0, buyer.indexOf(':')));
        assertThat(transfer.getString("legalBasis")).contains("contract");
        assertThat(transfers).noneMatch(t -> t.getString("orderId").equals(unpaid));
        assertThat(report.getJsonObject("byRoute").getInt("DE->" + transfer.getString("toCountry"))).isPositive();
        assertProblem(api.get("/api/v1/privacy/transfers", buyer), 403, "forbidden");

        // a copy: one open request at a time, a case with a due date in 15 days
        assertProblem(api.post("/api/v1/me/data-requests", buyer, "{\"kind\": \"EVERYTHING\"}"), 400, "validation");
        Api.Response asked = api.post("/api/v1/me/data-requests", buyer, "{\"kind\": \"EXPORT\", \"note\": \"for my records\"}");
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        JsonObject request = asked.json();
        String id = request.getString("id");
        assertThat(request.getString("status")).isEqualTo("OPEN");
        assertThat(Instant.parse(request.getString("dueAt"))).isAfter(Instant.now().plusSeconds(14 * 86_400));
        assertProblem(api.post("/api/v1/me/data-requests", buyer, "{\"kind\": \"EXPORT\"}"), 409, "conflict");
        assertProblem(api.get("/api/v1/me/data-requests/" + id + "/export", buyer), 409, "conflict");

        decide(id, "FULFIL");
        JsonObject done = awaitStatus(buyer, id, "FULFILLED");
        assertThat(done.getBoolean("exportReady")).isTrue();
        Api.Response export = api.get("/api/v1/me/data-requests/" + id + "/export", buyer);
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.header("Content-Disposition")).startsWith("attachment;");
        JsonObject data = Json.createReader(new StringReader(export.body())).readObject();
        assertThat(data.getJsonObject("account").getString("displayName")).isEqualTo("Test buyer");
        assertThat(data.getJsonArray("orders").getValuesAs(JsonObject.class)).extracting(o -> o.getString("id")).contains(paid, unpaid);
        assertThat(data.getJsonArray("orders").getJsonObject(0).getJsonObject("consignee").getString("name")).isEqualTo("Ada Lovelace");
        assertThat(data.getJsonArray("crossBorderTransfers").getValuesAs(JsonObject.class)).extracting(t -> t.getString("orderId"))
                .containsExactly(paid);
        // only the person who asked downloads it
        String other = shop.newUser("buyer", "buyer");
        assertProblem(api.get("/api/v1/me/data-requests/" + id + "/export", other), 404, "not-found");
        assertProblem(api.get("/api/v1/me/data-requests/" + id + "/export", "officer"), 404, "not-found");
        assertProblem(api.get("/api/v1/me/data-requests/" + id, other), 404, "not-found");
        // the register recorded the request and the officer's decision
        JsonObject event = api.get("/api/v1/risk-events?subjectId=" + id, "officer").json().getJsonArray("items").getJsonObject(0);
        assertThat(event.getString("category")).isEqualTo("DATA");
        assertThat(event.getString("code")).isEqualTo("DATA_EXPORT_REQUESTED");
        assertThat(event.getString("decision")).isEqualTo("FULFIL");

        // erasure: the account's name goes and it is disabled; the paid order keeps its consignee for customs and tax
        String erasure = api.post("/api/v1/me/data-requests", buyer, "{\"kind\": \"ERASURE\"}").json().getString("id");
        decide(erasure, "FULFIL");
        JsonObject erased = awaitStaffStatus(erasure, "FULFILLED");
        List<JsonObject> kept = erased.getJsonArray("kept").getValuesAs(JsonObject.class);
        assertThat(kept).extracting(k -> k.getString("id")).containsExactly(paid);
        LocalDate paidDay = Instant.parse(api.get("/api/v1/orders/" + paid, "admin").json().getString("paidAt"))
                .atZone(ZoneOffset.UTC).toLocalDate();
        assertThat(LocalDate.parse(kept.get(0).getString("until"))).isEqualTo(paidDay.plusDays(1825));
        assertThat(kept.get(0).getString("reason")).isEqualTo("CUSTOMS_TAX");
        assertThat(api.get("/api/v1/me", buyer).status()).isEqualTo(401);
        String username = buyer.substring(0, buyer.indexOf(':'));
        assertThat(api.get("/api/v1/admin/users/" + username, "admin").json().getString("displayName")).isEqualTo("Erased user");
        assertThat(api.get("/api/v1/orders/" + paid, "admin").json().getJsonObject("consignee").getString("name")).isEqualTo("Ada Lovelace");
        assertThat(api.get("/api/v1/orders/" + unpaid, "admin").json().getJsonObject("consignee").getString("name")).isEqualTo("Erased");
    }

    @Test
    @Tag("page")
    void aPersonAsksInTheBrowserAndAnOfficerRefusesWithAReason() throws Exception {
        String buyer = shop.newUser("buyer", "buyer");
        try (BrowserSession session = new BrowserSession(base)) {
            session.signIn(buyer);
            session.click(By.id("userForm:nav-privacy"));
            assertThat(session.pageTitle()).isEqualTo("My personal data");
            session.click(By.id("privacy-form:export"));
            session.wait.until(d -> d.findElement(By.id("requests-form:requests")).getText().contains("Being handled"));
            session.screenshot("my-data");
        }
        String id = api.get("/api/v1/me/data-requests", buyer).structure().asJsonArray().getJsonObject(0).getString("id");
        String task = Applicant.awaitTask(api, "handleDataRequest", id, "officer");
        try (BrowserSession session = new BrowserSession(base)) { // the case page as the officer sees it
            session.signIn("officer");
            session.open("inbox/cases/data-request.xhtml?task=" + task);
            assertThat(session.text("request-due")).isNotBlank();
            assertThat(session.pageSource()).doesNotContain("Internal error");
        }
        assertThat(api.post("/api/v1/tasks/" + task + "/claim", "officer", "").status()).isEqualTo(200);
        assertProblem(api.post("/api/v1/tasks/" + task + "/complete", "officer", "{\"decision\": \"REFUSE\", \"note\": \"no id\"}"),
                400, "validation");
        assertThat(api.post("/api/v1/tasks/" + task + "/complete", "officer", "{\"decision\": \"REFUSE\", \"note\": \"identity unclear\","
                + " \"message\": \"We could not verify your identity; please write to privacy@example.com.\"}").status()).isEqualTo(200);
        JsonObject refused = awaitStatus(buyer, id, "REFUSED");
        assertThat(refused.getString("message")).startsWith("We could not verify your identity");
        assertThat(refused.getBoolean("exportReady")).isFalse();
    }

    private void decide(String request, String decision) throws InterruptedException {
        String task = Applicant.awaitTask(api, "handleDataRequest", request, "officer");
        assertThat(api.post("/api/v1/tasks/" + task + "/claim", "officer", "").status()).isEqualTo(200);
        Api.Response completed = api.post("/api/v1/tasks/" + task + "/complete", "officer",
                "{\"decision\": \"" + decision + "\", \"note\": \"requester's identity checked against the account\"}");
        assertThat(completed.status()).as(completed.body()).isEqualTo(200);
    }

    private JsonObject awaitStatus(String user, String id, String status) throws InterruptedException {
        JsonObject found = null;
        for (int i = 0; i < 120; i++) {
            found = api.get("/api/v1/me/data-requests/" + id, user).json();
            if (found.getString("status").equals(status)) {
                return found;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("request " + id + " is not " + status + ": " + found);
    }

    private JsonObject awaitStaffStatus(String id, String status) throws InterruptedException {
        JsonObject found = null;
        for (int i = 0; i < 120; i++) {
            found = api.get("/api/v1/privacy/requests/" + id, "officer").json();
            if (found.getString("status").equals(status)) {
                return found;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("request " + id + " is not " + status + ": " + found);
    }
}
