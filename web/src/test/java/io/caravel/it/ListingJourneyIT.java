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
 * A listing's way through the portal and the inbox in Chromium: the seller submits it, a keyword
 * sends it to review, the officer asks for changes, the seller fixes and resubmits, the officer
 * publishes, and the public catalog serves it.
 */
@Tag("page")
@SharedServer.Use
class ListingJourneyIT {


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
    void aSellerFixesWhatTheOfficerAskedAndTheOfficerPublishes() throws Exception {
        String word = "j" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String title = "Ivory silk scarf " + word;

        // the seller creates the listing with an image and submits it
        session.signIn("seller-a");
        session.open("seller/listings.xhtml");
        session.click(By.id("new-listing"));
        session.waitFor("listing:titleEn");
        session.type("listing:titleEn", title);
        session.type("listing:titleZh", "象牙色真丝围巾 " + word);
        session.type("listing:descriptionEn", "A scarf in ivory colour.");
        session.selectOne("listing:category", "APPAREL");
        session.type("listing:hsCode", "6214.10");
        session.type("listing:originCountry", "CN");
        session.type("listing:price", "39.90");
        session.type("listing:currency", "EUR");
        session.type("listing:stockOwn", "25");
        Path png = Files.createTempFile("scarf", ".png");
        Files.write(png, ListingFixtures.PNG);
        browser.findElement(By.id("listing:image")).sendKeys(png.toAbsolutePath().toString());
        session.click(By.id("listing:upload-image"));
        session.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.className("listing-file"), "scarf"));
        session.click(By.id("listing:submit"));
        session.wait.until(ExpectedConditions.urlContains("/seller/listings.xhtml"));
        assertThat(browser.findElement(By.id("listings")).getText()).contains(title);
        session.signOut();

        // the officer sees why it was flagged and asks for changes
        openCase(title);
        assertThat(browser.findElement(By.id("case:checks")).getText()).contains("Protected species (CITES)", "ivory");
        session.check("case:outcome:1");
        session.type("case:message", "Say the material and that ivory is only the colour.");
        session.click(By.id("case:complete"));
        session.wait.until(ExpectedConditions.urlContains("/inbox/index.xhtml"));
        session.signOut();

        // the seller reads the note, fixes the description and submits again
        session.signIn("seller-a");
        session.open("seller/listings.xhtml");
        session.click(By.linkText(title));
        session.waitFor("review-note");
        assertThat(session.text("review-note")).contains("ivory is only the colour");
        assertThat(session.text("status")).isEqualTo("Changes required");
        session.type("listing:descriptionEn", "100% mulberry silk scarf; ivory is the colour, no animal ivory.");
        session.click(By.id("listing:submit"));
        session.wait.until(ExpectedConditions.urlContains("/seller/listings.xhtml"));
        session.signOut();

        // the officer publishes the corrected listing
        openCase(title);
        assertThat(browser.findElement(By.id("case:history")).getText()).contains("Changes asked of the seller");
        assertThat(browser.findElement(By.id("case:changes")).getText()).contains("Description (English)", "mulberry silk");
        session.check("case:outcome:0");
        session.click(By.id("case:complete"));
        session.wait.until(ExpectedConditions.urlContains("/inbox/index.xhtml"));

        // the public catalog serves it
        Api api = new Api(base.toString());
        String found = "";
        for (int i = 0; i < 60 && !found.contains(word); i++) {
            Thread.sleep(500);
            found = api.get("/api/v1/catalog/products?q=silk+" + word, null).body();
        }
        assertThat(found).contains(title, "mulberry");
        session.signOut();

        // the seller takes it out of the catalog again and registers its own brand
        session.signIn("seller-a");
        session.open("seller/listings.xhtml");
        session.click(By.linkText(title));
        session.click(By.id("listing:unpublish"));
        session.wait.until(ExpectedConditions.textToBe(By.id("status"), "Unpublished"));
        assertThat(api.get("/api/v1/catalog/products?q=silk+" + word, null).body()).doesNotContain(word);
        session.open("seller/brands.xhtml");
        session.type("brands:name", "Silkroad " + word);
        session.type("brands:trademark", "CN 12345678");
        session.click(By.id("brands:register"));
        session.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("brands:list"), "Silkroad " + word));
    }

    /** Signs in as the officer, waits for the listing's review task, claims it and opens the case. */
    private void openCase(String title) throws InterruptedException {
        session.signIn("officer");
        By claim = By.xpath("//tr[.//a[@class='case-title' and text()='" + title + "']]//button[contains(@id,'claim')]");
        for (int i = 0; i < 60 && browser.findElements(claim).isEmpty(); i++) {
            Thread.sleep(500);
            browser.navigate().refresh();
        }
        session.click(claim);
        session.wait.until(ExpectedConditions.textToBe(By.id("listing-title"), title));
    }
}
