package io.caravel.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Officers working cases in a real browser, whatever the workflow: the case page shows the diagram
 * with the current step, the due date and the decision form in the first screen; the inbox filters
 * in the query; a reviewer is never offered the second approval and is told the case waits for it;
 * the decision form separates the internal note from the message the seller reads.
 */
@Tag("page")
@SharedServer.Use
class CaseWorkIT {


    @SharedServer.Base
    private URL base;

    private BrowserSession session;
    private WebDriver browser;
    private Api api;

    @BeforeEach
    void open() throws Exception {
        session = new BrowserSession(base);
        browser = session.browser;
        api = new Api(base.toString());
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void aCaseShowsWhereItStandsWhenItIsDueAndTheDecisionFormInTheFirstScreen() throws Exception {
        Applicant applicant = Applicant.submitted(api, "Diagram Health " + suffix() + " GmbH", "HEALTH", "Erika Mustermann");
        String task = Applicant.awaitTask(api, "reviewApplication", applicant.id, "officer");
        assertThat(api.post("/api/v1/tasks/" + task + "/claim", "officer", "").status()).isEqualTo(200);

        session.signIn("officer");
        session.open("inbox/cases/application.xhtml?task=" + task);
        session.wait.until(ExpectedConditions.attributeToBe(By.id("case-diagram"), "data-rendered", "true"));
        WebElement current = browser.findElement(By.cssSelector("#case-diagram [data-element-id='reviewApplication']"));
        assertThat(current.getAttribute("class")).contains("step-current");
        assertThat(browser.findElement(By.cssSelector("#case-diagram [data-element-id='screenApplicant']"))
                .getAttribute("class")).contains("step-passed");
        assertThat(session.text("asked")).contains("approve, reject, or ask the seller");
        assertThat(session.text("time-left")).startsWith("due in");
        assertThat(session.text("due")).isNotEmpty();
        for (String id : new String[] {"case-diagram", "due", "case:decision", "case:complete"}) {
            assertThat(inFirstScreen(browser.findElement(By.id(id)))).as(id + " in the first screen").isTrue();
        }
        assertThat(browser.findElement(By.cssSelector("label[for='case:note']")).getText()).contains("Internal note");
        assertThat(browser.getPageSource()).contains("never shown to the seller");
    }

    @Test
    void theHistoryReadsInTheOfficersLanguageAndASellersRunOfSavesIsOneLine() throws Exception {
        String company = "History Pharma " + suffix() + " GmbH";
        Applicant applicant = Applicant.register(api, "DE");
        for (int step = 0; step < 3; step++) { // "Save and continue" through the form
            applicant.save(company, "HEALTH", "Erika Mustermann");
        }
        applicant.uploadRequiredDocuments();
        applicant.submit();
        String asked = Applicant.awaitTask(api, "reviewApplication", applicant.id, "officer");
        assertThat(api.post("/api/v1/tasks/" + asked + "/claim", "officer", "").status()).isEqualTo(200);
        assertThat(api.post("/api/v1/tasks/" + asked + "/complete", "officer", "{\"decision\": \"REQUEST_INFO\","
                + " \"note\": \"check the licence number\", \"message\": \"Please send your food licence.\"}").status())
                .isEqualTo(200);
        applicant.awaitStatus("INFORMATION_REQUESTED");
        assertThat(api.post(Applicant.APPS + applicant.id + "/answer", applicant.user, "{\"answer\": \"Sent.\"}").status())
                .isEqualTo(200);
        String task = Applicant.awaitTask(api, "reviewApplication", applicant.id, "officer");
        assertThat(api.post("/api/v1/tasks/" + task + "/claim", "officer", "").status()).isEqualTo(200);

        session.signIn("officer");
        session.open("inbox/cases/application.xhtml?task=" + task);
        session.click(By.id("langForm:lang-zh"));
        session.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("case:history"), "所需文件齐全"));
        String history = session.text("case:history");
        session.screenshot("case-history-zh");
        // the review the case came back to is the current step, though it was passed before
        session.wait.until(ExpectedConditions.attributeToBe(By.id("case-diagram"), "data-rendered", "true"));
        WebElement review = browser.findElement(By.cssSelector("#case-diagram [data-element-id='reviewApplication']"));
        assertThat(review.getAttribute("class")).contains("step-current", "step-passed");
        assertThat(review.findElement(By.cssSelector(".djs-visual > :first-child")).getCssValue("stroke"))
                .isEqualTo("rgb(217, 119, 6)");
        assertThat(history).contains("营业执照：doc.pdf", "均未命中", "中：受监管的商品类目", "审核卖家申请",
                        "审核卖家申请：要求补充信息 · 备注：check the licence number · 给卖家的消息：Please send your food licence.")
                .contains("（3 次，最后一次").doesNotContain("BUSINESS_LICENCE", "no hits", "MEDIUM",
                        "CATEGORY_REGULATED", "reviewApplication", "REQUEST_INFO");
        assertThat(history.split("申请已保存", -1)).as("one line for the three saves").hasSize(2);
        // the trail keeps every entry, with its English detail, for the API
        String trail = api.get(Applicant.APPS + applicant.id + "/history", "officer").body();
        assertThat(trail).contains("MEDIUM: CATEGORY_REGULATED");
        assertThat(trail.split("APPLICATION_SAVED", -1)).hasSize(4);
    }

    @Test
    void theInboxFiltersByRiskInTheQueryAndKeepsTheFiltersInTheAddress() throws Exception {
        String high = "Filter Harbour " + suffix() + " GmbH";
        String medium = "Filter Pharma " + suffix() + " GmbH";
        Applicant hit = Applicant.submitted(api, high, "HOME", "Manuel Antonio Norriega");
        Applicant regulated = Applicant.submitted(api, medium, "HEALTH", "Erika Mustermann");
        Applicant.awaitTask(api, "reviewApplication", hit.id, "officer");
        Applicant.awaitTask(api, "reviewApplication", regulated.id, "officer");

        session.signIn("officer");
        session.open("inbox/index.xhtml");
        assertThat(session.text("inbox:tasks")).contains(high, medium);
        session.selectOne("inbox:risk", "HIGH");
        session.click(By.id("inbox:filter"));
        session.wait.until(ExpectedConditions.urlContains("risk=HIGH"));
        assertThat(session.text("inbox:tasks")).contains(high).doesNotContain(medium);

        session.open("inbox/index.xhtml?risk=MEDIUM&type=reviewApplication");
        assertThat(session.text("inbox:tasks")).contains(medium).doesNotContain(high);
        assertThat(session.text("inbox:tasks")).contains("Regulated product category");
    }

    @Test
    void theReviewerIsToldTheCaseWaitsForTheLeadAndIsNeverOfferedTheSecondApproval() throws Exception {
        String company = "Four Eyes " + suffix() + " GmbH";
        Applicant applicant = Applicant.submitted(api, company, "HOME", "Manuel Antonio Norriega");
        String review = Applicant.awaitTask(api, "reviewApplication", applicant.id, "lead");

        session.signIn("lead");
        session.open("inbox/cases/application.xhtml?task=" + review);
        session.click(By.id("case:claim"));
        session.waitFor("case:unclaim");
        // the hit beside the listed entry, with dates of birth side by side, and the officer's verdict on it
        assertThat(session.text("case:matches")).contains("NORIEGA, Manuel Antonio", "1970-01-01");
        session.type("case:hits:0:verdict-reason", "other date of birth");
        session.click(By.id("case:hits:0:false-positive"));
        session.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("case:matches"), "False positive"));

        session.check("case:outcome:0");
        session.type("case:note", "different person: the listed date of birth differs");
        session.click(By.id("case:complete"));
        session.wait.until(ExpectedConditions.urlContains("/inbox/index.xhtml"));
        assertThat(session.text("inbox:messages")).contains("waits for: Second approval (four-eyes)");
        assertThat(session.text("inbox:tasks")).doesNotContain(company);

        String second = Applicant.awaitTask(api, "leadApproval", applicant.id, lead2());
        session.open("inbox/cases/application.xhtml?task=" + second);
        session.wait.until(ExpectedConditions.urlContains("/inbox/index.xhtml"));
        assertThat(session.text("inbox:messages")).contains("second approval must come from another person");
    }

    @Test
    void theSellerReadsTheMessageChosenFromATemplateAndNeverTheInternalNote() throws Exception {
        String company = "Template Pharma " + suffix() + " GmbH";
        Applicant applicant = Applicant.submitted(api, company, "HEALTH", "Erika Mustermann");
        String task = Applicant.awaitTask(api, "reviewApplication", applicant.id, "officer");
        api.post("/api/v1/tasks/" + task + "/claim", "officer", "");

        session.signIn("officer");
        session.open("inbox/cases/application.xhtml?task=" + task);
        session.click(By.cssSelector("label[for='case:outcome:1']"));
        // the outcome's ajax update adds the template menu
        session.choose("case:template", "Not accepted (no details)");
        // the template fills the message by an ajax update, which replaces the text area
        session.wait.ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("case:message")).getAttribute("value").startsWith("We are unable"));
        session.type("case:note", "internal: distributor licence revoked in 2024");
        session.click(By.id("case:complete"));
        session.wait.until(ExpectedConditions.urlContains("/inbox/index.xhtml"));
        session.signOut();

        session.signIn(applicant.user);
        for (int i = 0; i < 60 && !"Rejected".equals(session.text("application-status")); i++) {
            Thread.sleep(500);
            browser.navigate().refresh();
        }
        String page = browser.findElement(By.tagName("main")).getText();
        assertThat(page).contains("We are unable to offer you a seller account").doesNotContain("licence revoked");
    }

    /** A second compliance lead, so a case reviewed by the demo lead can get its second approval. */
    private String lead2() {
        String name = "lead-" + suffix();
        api.post("/api/v1/admin/users", "admin", "{\"username\": \"" + name + "\", \"password\": \"second pair of eyes\","
                + " \"displayName\": \"Second Lead\", \"roles\": [\"compliance-lead\"]}");
        return name + ":second pair of eyes";
    }

    private boolean inFirstScreen(WebElement element) {
        Object bottom = ((JavascriptExecutor) browser).executeScript(
                "const r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.top < window.innerHeight;", element);
        return Boolean.TRUE.equals(bottom);
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 6);
    }
}
