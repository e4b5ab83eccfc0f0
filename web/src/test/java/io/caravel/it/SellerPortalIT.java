package io.caravel.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The seller portal in Chromium, as sellers use it: the home says where the account stands and
 * offers only what the seller may do, each message leads to what it is about, the listing form
 * suggests HS codes and says which revision its review is about, and the application wizard checks
 * each step in the seller's language and answers a request for information. Another seller finds
 * none of it, and no page shows an officer's internal note.
 */
@Tag("page")
@SharedServer.Use
class SellerPortalIT {

    private static final String APPS = "/api/v1/onboarding/applications/";
    private static final String LISTINGS = "/api/v1/listings/";
    private static final String PASSWORD = "a long seller password";
    private static final byte[] PNG = ListingFixtures.PNG;
    private static final byte[] PDF = "%PDF-1.4\n% seller portal document\n".getBytes();
    private static final String INTERNAL_NOTE = "INTERNAL staff note, never for the seller";


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
    void anActiveSellersHomeOffersItsListingsAndLinksEachMessage() {
        session.signIn("seller-a");
        assertThat(session.text("account-status")).isEqualTo("Active");
        assertThat(session.text("account-explained")).contains("list and sell");
        for (String action : new String[] {"my-listings", "new-listing", "my-brands"}) {
            assertThat(browser.findElements(By.id(action))).as(action).hasSize(1);
        }
        // the demo listings were published: each message links to its listing, at a local time
        assertThat(session.text("notifications")).contains("Your listing is published")
                .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:");
        session.click(By.cssSelector("#notifications a.message-link"));
        session.wait.until(ExpectedConditions.urlContains("/seller/listing.xhtml?id="));
        assertThat(session.text("status")).isNotBlank();

        session.open("seller/listings.xhtml");
        assertThat(browser.findElements(By.id("new-listing"))).hasSize(1);
        assertThat(session.text("listings")).doesNotContainPattern("\\.\\d{4} ").doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T");
    }

    @Test
    void aRejectedSellerIsToldWhyAndOfferedNoListingActions() throws Exception {
        Applicant applicant = register();
        applicant.save("Rejected Health " + applicant.name + " GmbH", "HEALTH");
        applicant.upload("BUSINESS_LICENCE");
        applicant.upload("REPRESENTATIVE_ID");
        applicant.submit();
        decide(awaitTask("reviewApplication", applicant.id), "REJECT",
                "We could not verify the authorisation for your medical products.");
        applicant.awaitStatus("REJECTED");

        session.signIn(applicant.user);
        assertThat(session.text("account-status")).isEqualTo("Rejected");
        assertThat(session.text("decision-message")).isEqualTo("We could not verify the authorisation for your medical products.");
        assertThat(session.text("what-next")).contains("seller ID");
        assertThat(session.text("application-status")).isEqualTo("Rejected");
        for (String action : new String[] {"my-listings", "new-listing", "edit-application"}) {
            assertThat(browser.findElements(By.id(action))).as(action).isEmpty();
        }
        assertThat(browser.getPageSource()).doesNotContain(INTERNAL_NOTE).doesNotContain("being reviewed");

        // the message about the application leads to the application, decided and read-only
        session.click(By.cssSelector("#notifications a.message-link"));
        session.wait.until(ExpectedConditions.urlContains("/seller/application.xhtml?id=" + applicant.id));
        assertThat(session.text("application-status")).isEqualTo("Rejected");
        assertThat(session.text("decision-message")).contains("could not verify");
        assertThat(browser.findElements(By.id("app:next"))).isEmpty();
        assertThat(browser.getPageSource()).doesNotContain(INTERNAL_NOTE);

        session.open("seller/listings.xhtml");
        session.waitFor("listing-not-allowed");
        assertThat(browser.findElements(By.id("new-listing"))).isEmpty();
        session.open("seller/listing.xhtml");
        session.waitFor("listing-not-allowed");
        assertThat(browser.findElements(By.id("listing:titleEn"))).isEmpty();
    }

    @Test
    void suggestedCodesFillTheHsCodeWithoutLosingTheForm() {
        String title = "Power bank " + word();
        session.signIn("seller-a");
        session.open("seller/listing.xhtml");
        session.type("listing:titleEn", title);
        session.type("listing:price", "19.90");
        session.type("listing:hsQuery", "lithium-ion battery");
        session.click(By.id("listing:suggest"));
        session.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("listing:suggestions"), "850760"));
        assertThat(session.text("listing:suggestions")).contains("lithium-ion", "XVI", "8507");

        session.click(By.cssSelector("#listing\\:suggestions .use-code"));
        // the HS code field is rendered again by the answer: look it up again until it holds the code
        session.wait.ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.attributeToBe(By.id("listing:hsCode"), "value", "850760"));
        assertThat(browser.findElement(By.id("listing:titleEn")).getAttribute("value")).isEqualTo(title);
        assertThat(browser.findElement(By.id("listing:price")).getAttribute("value")).isEqualTo("19.90");

        // words that find nothing say so, and keep the chosen code
        session.type("listing:hsQuery", "zzyzx qwxj");
        session.click(By.id("listing:suggest"));
        session.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("listing:no-suggestions")));
        assertThat(session.text("listing:no-suggestions")).contains("No HS code");
        assertThat(browser.findElement(By.id("listing:hsCode")).getAttribute("value")).isEqualTo("850760");

        session.click(By.id("listing:save"));
        session.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("listing:messages"), "saved"));
        session.open("seller/listings.xhtml");
        session.click(By.linkText(title));
        session.wait.until(ExpectedConditions.attributeToBe(By.id("listing:hsCode"), "value", "850760"));
        assertThat(browser.findElement(By.id("listing:titleEn")).getAttribute("value")).isEqualTo(title);
    }

    @Test
    void theListingPageSaysWhichRevisionItsReviewIsAbout() throws Exception {
        String word = word();
        String clean = submittedListing(ListingIT.listing("Bamboo tray " + word, null, "442191", "HOME", "20.00", "EUR"));
        awaitListing(clean, "PUBLISHED");
        session.signIn("seller-a");
        session.open("seller/listing.xhtml?id=" + clean);
        assertThat(session.text("last-review")).contains("revision 1", "Published", "every check passed");
        assertThat(session.text("live")).contains("revision 1", "20.00 EUR");
        assertThat(browser.findElements(By.id("unsubmitted"))).isEmpty();

        session.type("listing:titleEn", "Bamboo serving tray " + word);
        session.click(By.id("listing:save"));
        session.wait.until(ExpectedConditions.textToBe(By.id("status"), "Draft"));
        assertThat(session.text("unsubmitted")).contains("revision 1");
        assertThat(session.text("last-review")).contains("revision 1", "Published");

        // a flagged revision: its checks in words, then what the officer told the seller (and never the note)
        String flagged = submittedListing(ListingIT.listing("Ivory silk scarf " + word, null, "621410", "APPAREL", "39.90", "EUR"));
        String task = awaitTask("reviewListing", flagged);
        session.open("seller/listing.xhtml?id=" + flagged);
        assertThat(session.text("last-review")).contains("revision 1", "compliance officer");
        assertThat(session.text("checks")).contains("Protected species (CITES)").doesNotContain("PROTECTED_SPECIES");

        decide(task, "CHANGES_REQUIRED", "Say the material, and that ivory is only the colour.");
        awaitListing(flagged, "CHANGES_REQUIRED");
        session.open("seller/listing.xhtml?id=" + flagged);
        assertThat(session.text("review-note")).isEqualTo("Say the material, and that ivory is only the colour.");
        assertThat(session.text("last-review")).contains("revision 1", "Changes required");
        assertThat(browser.getPageSource()).doesNotContain(INTERNAL_NOTE);
    }

    @Test
    void theWizardChecksEachStepInTheSellersLanguageAndKeepsWhatWasEntered() {
        Applicant applicant = register();
        session.signIn(applicant.user);

        // the review step names what is missing in words and leads to its step
        session.open("seller/application.xhtml?step=5");
        assertThat(session.text("app:missing")).contains("Tax / VAT id", "Go to step 1", "Bank account (IBAN)", "Go to step 2",
                "Go to step 3").doesNotContain("taxId");
        assertThat(browser.findElements(By.id("app:submit"))).isEmpty();
        session.click(By.xpath("//*[@id='app:missing']//li[contains(., 'Tax / VAT id')]//a"));
        session.waitFor("app:taxId");

        // step 1: required fields are checked before the seller moves on, next to the fields, in the seller's language
        session.click(By.id("app:next"));
        assertThat(fieldText("app:taxId", "This field is required")).contains("This field is required");
        assertThat(session.text("app:step1")).doesNotContain("taxId");
        session.click(By.id("langForm:lang-zh"));
        session.waitFor("app:taxId");
        session.click(By.id("app:next"));
        assertThat(fieldText("app:taxId", "必须填写")).contains("必须填写");
        assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("taxId", "errors");
        session.click(By.id("langForm:lang-en"));
        session.type("app:registrationNumber", "HRB 4711");
        session.type("app:taxId", "DE999999999");
        session.type("app:address", "Wizard Street 1, Hamburg");
        session.click(By.id("app:next"));

        // step 2: a wrong number is named by its label
        session.type("app:sales", "lots");
        session.click(By.id("app:next"));
        assertThat(fieldText("app:sales", "enter a whole number")).contains("Expected yearly sales (EUR)").doesNotContain("app:");
        session.type("app:sales", "300000");
        session.type("app:orders", "5000");
        session.check("app:models:0");
        session.selectOne("app:category", "HOME");
        session.type("app:iban", "DE89 3704 0044 0532 0130 00");
        session.click(By.id("app:next"));

        // step 3: a blank row can be removed; a wrong date is explained and no row is lost
        session.click(By.id("app:add-person"));
        session.type("app:people:0:name", "Wanda Wizard");
        session.type("app:people:0:dob", "1980-04-01");
        session.click(By.id("app:add-person"));
        session.type("app:people:1:name", "Otto Owner");
        session.click(By.id("app:add-person"));
        session.click(By.id("app:people:2:remove"));
        session.wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("input[id$=':name']"), 2));
        session.type("app:people:1:dob", "31.12.1980");
        session.click(By.id("app:next"));
        assertThat(fieldText("app:people:1:dob", "year-month-day")).contains("Date of birth", "year-month-day").doesNotContain("app:");
        assertThat(browser.findElement(By.id("app:people:0:name")).getAttribute("value")).isEqualTo("Wanda Wizard");
        assertThat(browser.findElement(By.id("app:people:1:name")).getAttribute("value")).isEqualTo("Otto Owner");
        session.type("app:people:1:dob", "1980-12-31");
        session.click(By.id("app:next"));
        session.waitFor("app:upload");
        session.click(By.id("app:back"));
        session.waitFor("app:people");
        assertThat(browser.findElement(By.id("app:people:1:name")).getAttribute("value")).isEqualTo("Otto Owner");
        session.click(By.id("app:next"));
        session.click(By.id("app:next"));

        // step 5: nothing missing, so the seller submits
        session.waitFor("app:submit");
        assertThat(browser.findElements(By.id("app:missing"))).isEmpty();
        session.click(By.id("app:submit"));
        session.wait.until(ExpectedConditions.urlContains("/seller/index.xhtml"));
        assertThat(session.text("application-status")).isIn("In review", "Information requested");
    }

    @Test
    void aRequestForInformationIsAnsweredFromTheWizard() throws Exception {
        Applicant applicant = register();
        applicant.save("Paper Goods " + applicant.name + " GmbH", "HOME");
        applicant.submit();
        applicant.awaitStatus("INFORMATION_REQUESTED");

        session.signIn(applicant.user);
        assertThat(session.text("application-status")).isEqualTo("Information requested");
        assertThat(session.text("questions")).contains("business licence");
        session.click(By.id("answer-request"));
        session.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("questions"), "business licence"));

        // sending it back with neither an answer nor a document is refused next to the answer
        session.click(By.id("app:to-review"));
        session.click(By.id("app:submit"));
        assertThat(fieldText("app:answer", "answer")).contains("answer");

        session.click(By.id("app:to-documents"));
        upload("BUSINESS_LICENCE");
        upload("REPRESENTATIVE_ID");
        session.click(By.id("app:to-review"));
        session.click(By.id("app:submit"));
        session.wait.until(ExpectedConditions.urlContains("/seller/index.xhtml"));
        assertThat(session.text("application-status")).isIn("In review", "Approved");
    }

    @Test
    void anotherSellerFindsNothingOfIt() {
        String title = "Private draft " + word();
        Api.Response created = api.post(LISTINGS, "seller-a", ListingIT.listing(title, null, "610910", "APPAREL", "9.00", "EUR").toString());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Applicant applicant = register();

        session.signIn("seller-b");
        session.open("seller/listing.xhtml?id=" + created.json().getString("id"));
        assertThat(session.text("not-found")).contains("not found");
        assertThat(browser.findElements(By.id("listing:titleEn"))).isEmpty();
        assertThat(browser.getPageSource()).doesNotContain(title);
        session.open("seller/application.xhtml?id=" + applicant.id);
        assertThat(session.text("not-found")).contains("not found");
        assertThat(browser.getPageSource()).doesNotContain(applicant.name);
    }

    /** The text of the form field around an input (its label, the input and the message next to it) once it shows what is expected. */
    private String fieldText(String inputId, String... expected) {
        return session.textShowing(
                By.xpath("//*[@id='" + inputId + "']/ancestor::*[contains(concat(' ', @class, ' '), ' field ')][1]"), expected);
    }

    private void upload(String kind) throws Exception {
        Path pdf = Files.createTempFile("document", ".pdf");
        Files.write(pdf, PDF);
        session.selectOne("app:kind", kind);
        browser.findElement(By.xpath("//input[@type='file']")).sendKeys(pdf.toAbsolutePath().toString());
        session.click(By.id("app:upload"));
        session.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("app:documents"), "document"));
    }

    /** A listing of seller-a with an image, submitted to review; its id. */
    private String submittedListing(JsonObject product) {
        Api.Response created = api.post(LISTINGS, "seller-a", product.toString());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().getString("id");
        assertThat(api.sendBytes(LISTINGS + id + "/images?fileName=front.png", "seller-a", PNG).status()).isEqualTo(201);
        Api.Response submitted = api.post(LISTINGS + id + "/submit", "seller-a", "");
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        return id;
    }

    private void awaitListing(String id, String status) throws InterruptedException {
        for (int i = 0; i < 120; i++) {
            if (api.get(LISTINGS + id, "seller-a").json().getString("status").equals(status)) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("listing " + id + " never became " + status);
    }

    private String awaitTask(String type, String caseId) throws InterruptedException {
        for (int i = 0; i < 120; i++) {
            for (JsonObject task : api.get("/api/v1/tasks?type=" + type + "&limit=200", "officer").json().getJsonArray("items")
                    .getValuesAs(JsonObject.class)) {
                if (caseId.equals(task.getString("caseId", null))) {
                    return task.getString("id");
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no " + type + " task for " + caseId);
    }

    /** The officer claims the task and decides it with an internal note and a message to the seller. */
    private void decide(String task, String decision, String message) {
        assertThat(api.post("/api/v1/tasks/" + task + "/claim", "officer", "").status()).isEqualTo(200);
        Api.Response done = api.post("/api/v1/tasks/" + task + "/complete", "officer", "{\"decision\": \"" + decision
                + "\", \"note\": \"" + INTERNAL_NOTE + "\", \"message\": \"" + message + "\"}");
        assertThat(done.status()).as(done.body()).isEqualTo(200);
    }

    private Applicant register() {
        String name = "portal-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response created = api.post("/api/v1/onboarding/registrations", null, "{\"companyName\": \"Portal " + name
                + " GmbH\", \"country\": \"DE\", \"operatingModel\": \"MARKETPLACE\", \"username\": \"" + name
                + "\", \"password\": \"" + PASSWORD + "\", \"displayName\": \"Owner " + name + "\", \"email\": \""
                + name + "@example.com\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new Applicant(name, created.json().getString("id"));
    }

    private static String word() {
        return "p" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    /** A seller registered through the API and its application. */
    private final class Applicant {
        final String name;
        final String user;
        final String id;

        Applicant(String name, String id) {
            this.name = name;
            this.user = name + ":" + PASSWORD;
            this.id = id;
        }

        /** Fills in every required field, with one director. */
        void save(String company, String category) {
            Api.Response saved = api.send("PUT", APPS + id, user, "{\"legalName\": \"" + company + "\", \"country\": \"DE\","
                    + " \"registrationNumber\": \"HRB 12345\", \"taxId\": \"DE123456789\", \"address\": \"Hauptstr. 1, Berlin\","
                    + " \"contactEmail\": \"ops@example.com\", \"operatingModels\": [\"MARKETPLACE\"],"
                    + " \"mainCategory\": \"" + category + "\", \"expectedYearlySalesEur\": 250000,"
                    + " \"expectedYearlyOrders\": 4000, \"bankAccount\": \"DE89 3704 0044 0532 0130 00\","
                    + " \"parties\": [{\"role\": \"DIRECTOR\", \"name\": \"Erika Mustermann\"}]}");
            assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        }

        void upload(String kind) {
            assertThat(api.sendBytes(APPS + id + "/documents?kind=" + kind + "&fileName=doc.pdf", user, PDF).status())
                    .isEqualTo(201);
        }

        void submit() {
            Api.Response submitted = api.post(APPS + id + "/submit", user, "");
            assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        }

        void awaitStatus(String status) throws InterruptedException {
            for (int i = 0; i < 120; i++) {
                if (status.equals(api.get(APPS + id, user).json().getString("status"))) {
                    return;
                }
                Thread.sleep(500);
            }
            throw new AssertionError("application " + id + " never became " + status);
        }
    }
}
