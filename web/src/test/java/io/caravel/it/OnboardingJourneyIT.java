package io.caravel.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The onboarding journey in a real browser: a seller registers and applies in the portal, an officer
 * claims and approves the application in the inbox, and the seller sees it approved.
 */
@Tag("page")
@SharedServer.Use
class OnboardingJourneyIT {


    @SharedServer.Base
    private URL base;

    private BrowserSession session;
    private WebDriver browser;

    @BeforeEach
    void open() throws Exception {
        session = new BrowserSession(base);
        browser = session.browser;
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void aSellerAppliesAnOfficerApprovesAndTheSellerSeesIt() throws Exception {
        String user = "journey-" + UUID.randomUUID().toString().substring(0, 6);
        String company = "Journey Health " + user + " GmbH";

        // the seller registers from the sign-in page
        browser.get(base + "login.xhtml");
        session.click(By.id("register-link"));
        session.type("register:company", company);
        session.type("register:country", "DE");
        session.selectOne("register:model", "MARKETPLACE");
        session.type("register:displayName", "Jo Journey");
        session.type("register:email", user + "@example.com");
        session.type("register:username", user);
        session.type("register:password", "a long journey password");
        session.click(By.id("register:submit"));
        session.wait.until(ExpectedConditions.urlContains("/seller/application.xhtml"));

        // step 1: company
        session.type("app:registrationNumber", "HRB 4711");
        session.type("app:taxId", "DE999999999");
        session.type("app:address", "Journey Street 1, Hamburg");
        session.type("app:tradingName", company);
        session.type("app:contactPhone", "+49 40 123456");
        session.click(By.id("app:next"));
        // step 2: business
        session.waitFor("app:sales");
        session.check("app:models:0");
        session.selectOne("app:category", "HEALTH");
        session.type("app:sales", "300000");
        session.type("app:orders", "5000");
        session.type("app:iban", "DE89 3704 0044 0532 0130 00");
        session.click(By.id("app:next"));
        // step 3: people
        session.click(By.id("app:add-person"));
        session.type("app:people:0:name", "Jo Journey");
        session.type("app:people:0:dob", "1980-04-01");
        session.type("app:people:0:nationality", "DE");
        session.click(By.id("app:next"));
        // step 4: documents
        Path pdf = Files.createTempFile("licence", ".pdf");
        Files.writeString(pdf, "%PDF-1.4\n% journey document\n");
        upload(pdf, "BUSINESS_LICENCE");
        upload(pdf, "REPRESENTATIVE_ID");
        assertThat(browser.findElement(By.id("app:documents")).getText()).contains("Business licence", "ID of the representative");
        session.click(By.id("app:next"));
        // step 5: submit
        session.click(By.id("app:submit"));
        session.wait.until(ExpectedConditions.urlContains("/seller/index.xhtml"));
        assertThat(session.text("application-status")).isIn("In review", "Approved");
        session.signOut();

        // the officer finds the case in the inbox, claims it, looks at it and approves
        session.signIn("officer");
        By claim = By.xpath("//tr[.//a[@class='case-title' and text()='" + company + "']]//button[contains(@id,'claim')]");
        for (int i = 0; i < 60 && browser.findElements(claim).isEmpty(); i++) {
            Thread.sleep(500);
            browser.navigate().refresh();
        }
        session.click(claim);
        // claiming opens the case
        session.wait.until(ExpectedConditions.textToBe(By.id("legal-name"), company));
        assertThat(session.text("risk")).isEqualTo("Medium");
        assertThat(session.text("case:risk-reasons")).contains("Regulated product category");
        assertThat(browser.findElement(By.id("case:matches")).getText()).contains("No matches");
        session.check("case:outcome:0");
        session.type("case:note", "licence for medical devices checked");
        session.click(By.id("case:complete"));
        session.wait.until(ExpectedConditions.urlContains("/inbox/index.xhtml"));
        assertThat(session.text("inbox:messages")).contains("Decision recorded", "waits for");
        session.signOut();

        // the seller sees the approval
        session.signIn(user + ":a long journey password");
        for (int i = 0; i < 60 && !"Approved".equals(session.text("application-status")); i++) {
            Thread.sleep(500);
            browser.navigate().refresh();
        }
        assertThat(session.text("application-status")).isEqualTo("Approved");
    }

    private void upload(Path file, String kind) {
        session.selectOne("app:kind", kind);
        browser.findElement(By.xpath("//input[@type='file']")).sendKeys(file.toAbsolutePath().toString());
        session.click(By.id("app:upload"));
        session.waitFor("app:documents");
    }
}
