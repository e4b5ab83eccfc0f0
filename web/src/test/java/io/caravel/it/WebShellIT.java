package io.caravel.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The web shell in a real browser: sign-in per role, the remembered language switch, role guards. */
@Tag("page")
@SharedServer.Use
class WebShellIT {


    @SharedServer.Base
    private URL base;

    private BrowserSession session;

    @BeforeEach
    void open() throws Exception {
        session = new BrowserSession(base);
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void sellerSignsInAndTheChosenLanguageIsRemembered() {
        session.signIn("seller-a");
        assertThat(session.pageTitle()).isEqualTo("Seller portal");
        assertThat(session.text("seller-id")).matches("[0-9a-f-]{36}");

        session.click(By.id("langForm:lang-zh"));
        session.wait.until(ExpectedConditions.textToBe(By.id("page-title"), "卖家中心"));

        session.signOut();
        assertThat(session.browser.findElement(By.tagName("h1")).getText()).isEqualTo("登录");
        session.signIn("seller-a");
        assertThat(session.pageTitle()).isEqualTo("卖家中心");

        session.click(By.id("langForm:lang-en"));
        session.wait.until(ExpectedConditions.textToBe(By.id("page-title"), "Seller portal"));
    }

    @Test
    void wrongPasswordShowsAMessage() {
        session.open("login.xhtml");
        session.fillSignIn("officer:not-the-password");
        assertThat(session.text("login:messages")).contains("The user name or password is wrong");
        assertThat(session.browser.getCurrentUrl()).contains("/login.xhtml");
    }

    @Test
    void officerLandsInTheInboxAndCannotOpenAdministration() {
        session.signIn("officer");
        assertThat(session.pageTitle()).isEqualTo("Task inbox");
        assertThat(session.text("open-for-groups")).matches("\\d+");
        session.open("admin/index.xhtml");
        assertThat(session.browser.getPageSource()).contains("403");
    }

    @Test
    void aDeepLinkSurvivesTheSignIn() {
        session.open("admin/index.xhtml");
        session.wait.until(ExpectedConditions.urlContains("/login.xhtml?next="));
        session.fillSignIn("admin");
        session.wait.until(ExpectedConditions.urlContains("/admin/index.xhtml"));
        assertThat(session.pageTitle()).isEqualTo("Administration");
        assertThat(session.text("users-form:users")).contains("seller-a", "officer");
    }
}
