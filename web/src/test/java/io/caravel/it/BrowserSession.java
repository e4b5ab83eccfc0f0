package io.caravel.it;

import java.io.IOException;
import java.net.URL;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A person at the browser: opens pages, signs in and out, fills in and reads PrimeFaces pages. */
final class BrowserSession implements AutoCloseable {

    final WebDriver browser;
    final WebDriverWait wait;
    private final URL base;

    BrowserSession(URL base) throws IOException {
        this.base = base;
        this.browser = Browser.start();
        this.wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        // an ajax update can replace an element between finding and reading it: Selenium reports a
        // stale element, or (chromedriver 156) a bare WebDriverException "Node with given id does not
        // belong to the document"; a waiting condition looks again (a real failure still times out)
        this.wait.ignoring(StaleElementReferenceException.class).ignoring(WebDriverException.class);
    }

    void open(String path) {
        browser.get(base + path);
    }

    /** Signs in with "user" (password demo) or "user:password" and waits for the home page. */
    void signIn(String user) {
        open("login.xhtml");
        fillSignIn(user);
        waitFor("page-title");
    }

    void fillSignIn(String user) {
        String[] parts = user.contains(":") ? user.split(":", 2) : new String[] {user, "demo"};
        type("login:username", parts[0]);
        type("login:password", parts[1]);
        click(By.id("login:submit"));
    }

    void signOut() {
        click(By.id("userForm:logout"));
        wait.until(ExpectedConditions.urlContains("/login.xhtml"));
    }

    /** Saves what the browser shows to target/screenshots/{name}.png, for people to look at (never compared). */
    void screenshot(String name) {
        try {
            java.nio.file.Path dir = java.nio.file.Paths.get("target", "screenshots");
            java.nio.file.Files.createDirectories(dir);
            byte[] png = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
            java.nio.file.Files.write(dir.resolve(name + ".png"), png);
        } catch (IOException | WebDriverException e) {
            System.out.println("no screenshot " + name + ": " + e.getMessage());
        }
    }

    /** The page's HTML as the browser has it now. */
    String pageSource() {
        return browser.getPageSource();
    }

    String pageTitle() {
        return text("page-title");
    }

    /** Types into a field; a field an ajax update replaced meanwhile is looked up again. */
    void type(String id, String value) {
        wait.ignoring(StaleElementReferenceException.class).until(d -> {
            WebElement field = waitFor(id);
            field.clear();
            field.sendKeys(value);
            return true;
        });
    }

    /** Clicks an element, looked up again when an ajax update replaced it between finding and clicking. */
    void click(By locator) {
        wait.until(d -> {
            WebElement element = ExpectedConditions.elementToBeClickable(locator).apply(d);
            if (element == null) {
                return null;
            }
            try {
                element.click();
                return true;
            } catch (org.openqa.selenium.StaleElementReferenceException replaced) {
                return null;
            }
        });
    }

    WebElement waitFor(String id) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    /** The text of a visible element, read inside the wait: an element an ajax update replaced is looked up again. */
    String text(String id) {
        return wait.until(d -> {
            WebElement element = d.findElement(By.id(id));
            return element.isDisplayed() ? element.getText() : null;
        });
    }

    /**
     * The text of an element once it shows every expected text: after an ajax request the old element
     * may still be there, or be replaced between finding and reading it; both are waited out.
     */
    String textShowing(By locator, String... expected) {
        return wait.until(d -> {
            String text = d.findElement(locator).getText();
            return java.util.Arrays.stream(expected).allMatch(text::contains) ? text : null;
        });
    }

    /**
     * PrimeFaces renders selects, check boxes and radio buttons as styled widgets over hidden native
     * inputs, and a form post sends the native ones: set those, as the widget's click would.
     */
    void selectOne(String id, String value) {
        waitFor(id);
        ((JavascriptExecutor) browser).executeScript("document.getElementById(arguments[0]).value = arguments[1];",
                id + "_input", value);
    }

    /**
     * Chooses an option of a PrimeFaces select menu by its label through the native select the
     * widget stands over, and fires its change event (and with it the menu's ajax behaviour), as a
     * choice in the widget's panel would; the panel's own clicks proved unreliable under load.
     */
    void choose(String id, String label) {
        waitFor(id);
        Object found = ((JavascriptExecutor) browser).executeScript(
                "var select = document.getElementById(arguments[0]); var label = arguments[1];"
                        + "var option = Array.from(select.options).find(function (o) { return o.text === label; });"
                        + "if (!option) { return false; }"
                        + "select.value = option.value; select.dispatchEvent(new Event('change')); return true;",
                id + "_input", label);
        if (!Boolean.TRUE.equals(found)) {
            throw new AssertionError("no option '" + label + "' in " + id);
        }
    }

    void check(String inputId) {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id(inputId)));
        ((JavascriptExecutor) browser).executeScript("document.getElementById(arguments[0]).checked = true;", inputId);
    }

    @Override
    public void close() {
        browser.quit();
    }
}
