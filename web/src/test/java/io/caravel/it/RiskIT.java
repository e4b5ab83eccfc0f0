package io.caravel.it;

import static io.caravel.it.PlatformIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The risk register filled by the workflows, never by hand: a listed director's application records
 * a compliance event, the officer's decision on the case is written onto it; the summary scores the
 * seller; filters, the CSV export and who may read it; the risk page in a browser.
 */
@SharedServer.Use
class RiskIT {

    @SharedServer.Base
    private URL base;

    private Api api;

    @BeforeEach
    void client() {
        api = new Api(base.toString());
    }

    @Test
    void aSanctionsMatchIsRecordedDecidedScoredAndExported() throws Exception {
        Applicant applicant = Applicant.submitted(api, "Risk Register Probe GmbH", "HOME", "Manuel Antonio Norriega");
        String review = Applicant.awaitTask(api, "reviewApplication", applicant.id, "officer");
        String sellerId = api.get(Applicant.APPS + applicant.id, "officer").json().getString("sellerId");

        List<JsonObject> events = api.get("/api/v1/risk-events?subjectId=" + applicant.id, "officer").json()
                .getJsonArray("items").getValuesAs(JsonObject.class);
        assertThat(events).extracting(e -> e.getString("code")).contains("SANCTIONS_MATCH", "SELLER_RISK_HIGH");
        JsonObject match = events.stream().filter(e -> e.getString("code").equals("SANCTIONS_MATCH")).findFirst().orElseThrow();
        assertThat(match.getString("category")).isEqualTo("COMPLIANCE");
        assertThat(match.getString("subjectType")).isEqualTo("application");
        assertThat(match.getString("sellerId")).isEqualTo(sellerId);
        assertThat(match.getString("detail")).contains("Manuel Antonio Norriega", "NORIEGA");
        assertThat(match.containsKey("decision") && !match.isNull("decision")).isFalse();

        // the summary for this seller: its events, the score with undecided events counting double, and why
        JsonObject summary = api.get("/api/v1/risk-events/summary?sellerId=" + sellerId, "lead").json();
        assertThat(summary.getInt("total")).isEqualTo(events.size());
        assertThat(summary.getJsonObject("byCategory").getInt("COMPLIANCE")).isEqualTo(events.size());
        JsonObject seller = summary.getJsonArray("riskiestSellers").getJsonObject(0);
        assertThat(seller.getString("sellerId")).isEqualTo(sellerId);
        assertThat(seller.getInt("score")).isEqualTo(2 * 3 * events.size());
        assertThat(seller.getJsonArray("reasons").getValuesAs(JsonObject.class)).extracting(r -> r.getString("code"))
                .contains("SANCTIONS_MATCH");
        assertThat(summary.getJsonArray("weeks")).hasSize(1);

        // the officer rejects the application: the decision and the officer are written onto the events
        assertThat(api.post("/api/v1/tasks/" + review + "/claim", "officer", "").status()).isEqualTo(200);
        Api.Response decided = api.post("/api/v1/tasks/" + review + "/complete", "officer",
                "{\"decision\": \"REJECT\", \"note\": \"true match: same name and date of birth\", \"message\": \"We cannot onboard your company.\"}");
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        for (JsonObject event : api.get("/api/v1/risk-events?subjectId=" + applicant.id, "officer").json()
                .getJsonArray("items").getValuesAs(JsonObject.class)) {
            assertThat(event.getString("decision")).isEqualTo("REJECT");
            assertThat(event.getString("decidedBy")).isEqualTo("officer");
        }
        assertThat(api.get("/api/v1/risk-events/summary?sellerId=" + sellerId, "officer").json()
                .getJsonArray("riskiestSellers").getJsonObject(0).getInt("score")).isEqualTo(3 * events.size());

        // filters: category and severity narrow, a wrong value names its field
        assertThat(api.get("/api/v1/risk-events?sellerId=" + sellerId + "&category=PAYMENT", "officer").json()
                .getJsonArray("items")).isEmpty();
        assertThat(api.get("/api/v1/risk-events?sellerId=" + sellerId + "&severity=REVIEW&from=2026-01-01", "officer").json()
                .getJsonArray("items")).hasSize(events.size());
        Api.Response badSeverity = api.get("/api/v1/risk-events?severity=LOUD", "officer");
        assertProblem(badSeverity, 400, "validation");
        assertThat(badSeverity.body()).contains("\"field\":\"severity\"");
        assertProblem(api.get("/api/v1/risk-events/summary?from=yesterday", "officer"), 400, "validation");

        // the export: the same events with the words for the codes, in Chinese when asked
        Api.Response csv = api.get("/api/v1/risk-events/export?sellerId=" + sellerId, "officer");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.body().replace("\uFEFF", ""))).getRecords();
        assertThat(rows).hasSize(events.size());
        assertThat(rows).anyMatch(r -> r.get("rule").equals("SANCTIONS_MATCH") && r.get("ruleName").equals("Sanctions list match")
                && r.get("sellerName").equals(company(applicant)) && r.get("decision").equals("REJECT"));
        assertThat(api.get("/api/v1/risk-events/export?lang=zh&sellerId=" + sellerId, "officer").body()).contains("制裁名单匹配", "合规");

        // market/FX risk measured: per currency, valued now and with the stress
        JsonObject fx = api.get("/api/v1/risk-events/fx-exposure?stress=10", "officer").json();
        assertThat(fx.getString("reportingCurrency")).isEqualTo("EUR");
        List<JsonObject> currencies = fx.getJsonArray("rows").getValuesAs(JsonObject.class);
        assertThat(currencies).isNotEmpty();
        for (JsonObject row : currencies) {
            if (!row.isNull("value") && !row.getString("currency").equals("EUR")) {
                java.math.BigDecimal value = row.getJsonNumber("value").bigDecimalValue();
                assertThat(row.getJsonNumber("valueDown").bigDecimalValue())
                        .isEqualByComparingTo(value.multiply(new java.math.BigDecimal("0.9")).setScale(2, java.math.RoundingMode.HALF_EVEN));
            }
        }
        assertThat(fx.getJsonNumber("lossAtStress").bigDecimalValue()).isNotNegative();
        assertProblem(api.get("/api/v1/risk-events/fx-exposure?stress=90", "officer"), 400, "validation");

        // only compliance staff and administrators read the register
        assertProblem(api.get("/api/v1/risk-events/summary", "seller-a"), 403, "forbidden");
        assertProblem(api.get("/api/v1/risk-events/export", "disputes"), 403, "forbidden");
        assertThat(api.get("/api/v1/risk-events/summary", "admin").status()).isEqualTo(200);
    }

    @Test
    @Tag("page")
    void theRiskPageShowsChartsTheRiskiestSellersAndLeadsIntoTheCase() throws Exception {
        Applicant applicant = Applicant.submitted(api, "Risk Page Probe GmbH", "HOME", "Manuel Antonio Norriega");
        Applicant.awaitTask(api, "reviewApplication", applicant.id, "officer");
        String sellerId = api.get(Applicant.APPS + applicant.id, "officer").json().getString("sellerId");
        try (BrowserSession session = new BrowserSession(base)) {
            session.signIn("officer");
            session.click(By.id("nav-risk"));
            assertThat(session.pageTitle()).isEqualTo("Risk register");
            assertThat(session.text("by-category")).contains("Compliance", "Platform rules", "Market and FX");
            assertThat(Integer.parseInt(session.text("risk-total"))).isPositive();
            assertThat(session.text("fx-exposure")).contains("Market and FX exposure", "Paid orders not yet settled");

            session.type("filters:sellerId", sellerId);
            session.click(By.id("filters:apply"));
            session.wait.until(d -> d.findElement(By.id("sellers:riskiest")).getText().contains(company(applicant)));
            session.wait.until(d -> {
                String events = d.findElement(By.id("events-form:events")).getText();
                return events.contains("Sanctions list match") && events.contains("High-risk seller")
                        && events.contains("Seller application");
            });
            session.screenshot("risk-register");
            // the case waits for a person: the link opens its case page beside the task
            session.click(By.cssSelector("a.open-case"));
            session.wait.until(d -> d.getCurrentUrl().contains("/inbox/cases/"));
            assertThat(session.browser.getPageSource()).contains("Risk Page Probe GmbH");

            session.open("risk/index.xhtml");
            session.type("filters:from", "26/11/2026");
            session.click(By.id("filters:apply"));
            session.wait.until(d -> d.findElement(By.id("filters")).getText().contains("YYYY-MM-DD"));
        }
        try (BrowserSession seller = new BrowserSession(base)) {
            seller.signIn("seller-a");
            assertThat(seller.browser.findElements(By.id("nav-risk"))).isEmpty();
            seller.open("risk/index.xhtml");
            assertThat(seller.browser.getPageSource()).doesNotContain("Riskiest sellers");
        }
    }

    /** The seller's name until its application is approved: the company it registered with. */
    private static String company(Applicant applicant) {
        return "New Seller " + applicant.user.substring(0, applicant.user.indexOf(':'));
    }
}
