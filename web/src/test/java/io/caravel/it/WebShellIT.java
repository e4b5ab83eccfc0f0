package io.caravel.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The web shell in a real browser: sign-in per role, the remembered language switch, role guards. */
@ExtendWith(ArquillianExtension.class)
class WebShellIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.caravel();
    }

    @ArquillianResource
    private URL base;

    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void open() throws Exception {
        browser = Browser.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void close() {
        browser.quit();
    }

    @Test
    void sellerSignsInAndTheChosenLanguageIsRemembered() {
        signIn("seller-a", "demo");
        assertThat(pageTitle()).isEqualTo("Seller portal");
        assertThat(browser.findElement(By.id("seller-id")).getText()).matches("[0-9a-f-]{36}");

        browser.findElement(By.id("langForm:lang-zh")).click();
        wait.until(ExpectedConditions.textToBe(By.id("page-title"), "卖家中心"));

        browser.findElement(By.id("userForm:logout")).click();
        wait.until(ExpectedConditions.urlContains("/login.xhtml"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("登录");
        signIn("seller-a", "demo");
        assertThat(pageTitle()).isEqualTo("卖家中心");

        browser.findElement(By.id("langForm:lang-en")).click();
        wait.until(ExpectedConditions.textToBe(By.id("page-title"), "Seller portal"));
    }

    @Test
    void wrongPasswordShowsAMessage() {
        signIn("officer", "not-the-password");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login:messages")));
        assertThat(browser.findElement(By.id("login:messages")).getText())
                .contains("The user name or password is wrong");
        assertThat(browser.getCurrentUrl()).contains("/login.xhtml");
    }

    @Test
    void officerLandsInTheInboxAndCannotOpenAdministration() {
        signIn("officer", "demo");
        assertThat(pageTitle()).isEqualTo("Task inbox");
        assertThat(browser.findElement(By.id("open-for-groups")).getText()).matches("\\d+");
        browser.get(base + "admin/index.xhtml");
        assertThat(browser.getPageSource()).contains("403");
    }

    @Test
    void aDeepLinkSurvivesTheSignIn() {
        browser.get(base + "admin/index.xhtml");
        wait.until(ExpectedConditions.urlContains("/login.xhtml?next="));
        fillSignIn("admin", "demo");
        wait.until(ExpectedConditions.urlContains("/admin/index.xhtml"));
        assertThat(pageTitle()).isEqualTo("Administration");
        assertThat(browser.findElement(By.id("users")).getText()).contains("seller-a", "officer");
    }

    private void signIn(String user, String password) {
        browser.get(base + "login.xhtml");
        fillSignIn(user, password);
    }

    private void fillSignIn(String user, String password) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login:username")));
        browser.findElement(By.id("login:username")).sendKeys(user);
        browser.findElement(By.id("login:password")).sendKeys(password);
        browser.findElement(By.id("login:submit")).click();
    }

    private String pageTitle() {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("page-title"))).getText();
    }
}
