package io.caravel.it;

import java.io.IOException;
import java.net.URL;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
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

    void click(By locator) {
        wait.until(ExpectedConditions.elementToBeClickable(locator)).click();
    }

    WebElement waitFor(String id) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    String text(String id) {
        return waitFor(id).getText();
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

    void check(String inputId) {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id(inputId)));
        ((JavascriptExecutor) browser).executeScript("document.getElementById(arguments[0]).checked = true;", inputId);
    }

    @Override
    public void close() {
        browser.quit();
    }
}
