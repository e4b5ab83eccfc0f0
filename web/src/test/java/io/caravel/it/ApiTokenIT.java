package io.caravel.it;

import static io.caravel.it.PlatformIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URL;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Integrators' bearer tokens: issued with the password, shown once, acting with the user's roles, revoked at once. */
@SharedServer.Use
class ApiTokenIT {

    private static final String TOKENS = "/api/v1/api-tokens";

    @SharedServer.Base
    private URL base;

    private Api api;

    @BeforeEach
    void client() {
        api = new Api(base.toString());
    }

    @Test
    void aTokenActsAsItsUserUntilItIsRevoked() {
        String buyer = new Shop(api).newUser("erp", "buyer");
        String name = buyer.substring(0, buyer.indexOf(':'));
        Api.Response issued = api.post(TOKENS, buyer, "{\"name\": \"Warehouse ERP\", \"days\": 30}");
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        String secret = issued.json().getString("secret");
        JsonObject token = issued.json().getJsonObject("token");
        assertThat(secret).startsWith("cvl_").hasSizeGreaterThan(40);
        assertThat(token.getString("name")).isEqualTo("Warehouse ERP");
        assertThat(secret).startsWith(token.getString("prefix"));

        Api.Response me = bearer("GET", "/api/v1/me", secret);
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.json().getString("username")).isEqualTo(name);
        // the user's roles, no more: a buyer's token cannot read an officer's inbox
        assertProblem(bearer("GET", "/api/v1/tasks", secret), 403, "forbidden");
        // the list never shows the token again
        Api.Response list = api.get(TOKENS, buyer);
        assertThat(list.body()).contains(token.getString("id")).doesNotContain(secret);
        // a token cannot make or revoke tokens
        assertProblem(bearer("POST", TOKENS, secret, "{\"name\": \"successor\"}"), 403, "forbidden");
        assertProblem(bearer("POST", TOKENS + "/" + token.getString("id") + "/revoke", secret, ""), 403, "forbidden");
        // another user cannot see or revoke it
        assertProblem(api.post(TOKENS + "/" + token.getString("id") + "/revoke", "buyer", ""), 404, "not-found");
        assertProblem(api.get(TOKENS + "?username=" + name, "buyer"), 403, "forbidden");

        Api.Response revoked = api.post(TOKENS + "/" + token.getString("id") + "/revoke", buyer, "");
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(revoked.json().getString("revokedBy")).isEqualTo(name);
        Api.Response refused = bearer("GET", "/api/v1/me", secret);
        assertProblem(refused, 401, "unauthenticated");
        assertThat(refused.header("WWW-Authenticate")).contains("Bearer", "invalid_token");
    }

    @Test
    void aDisabledAccountsTokensStopAndAnAdminCanRevokeAnyonesToken() {
        String seller = new Shop(api).newUser("tokens", "buyer");
        String name = seller.substring(0, seller.indexOf(':'));
        String first = api.post(TOKENS, seller, "{\"name\": \"one\"}").json().getString("secret");
        JsonObject second = api.post(TOKENS, seller, "{\"name\": \"two\"}").json();
        assertThat(bearer("GET", "/api/v1/me", first).status()).isEqualTo(200);

        assertThat(api.get(TOKENS + "?username=" + name, "admin").body()).contains("\"one\"", "\"two\"");
        assertThat(api.post(TOKENS + "/" + second.getJsonObject("token").getString("id") + "/revoke", "admin", "")
                .json().getString("revokedBy")).isEqualTo("admin");
        assertProblem(bearer("GET", "/api/v1/me", second.getString("secret")), 401, "unauthenticated");

        assertThat(api.send("POST", "/api/v1/admin/users/" + name + "/disable", "admin", null).status()).isEqualTo(200);
        assertProblem(bearer("GET", "/api/v1/me", first), 401, "unauthenticated");
        assertThat(api.send("POST", "/api/v1/admin/users/" + name + "/enable", "admin", null).status()).isEqualTo(200);
        assertThat(bearer("GET", "/api/v1/me", first).status()).isEqualTo(200);
    }

    @Test
    @Tag("page")
    void aSellerMakesUsesAndRevokesATokenOnItsPage() throws Exception {
        try (BrowserSession session = new BrowserSession(base)) {
            session.signIn("seller-a");
            session.open("account/tokens.xhtml");
            session.click(By.id("langForm:lang-zh"));
            session.wait.until(ExpectedConditions.textToBe(By.id("page-title"), "API 令牌"));
            session.type("token-form:name", "ERP " + UUID.randomUUID().toString().substring(0, 6));
            session.click(By.id("token-form:issue"));
            String secret = session.waitFor("secret").getText();
            assertThat(secret).startsWith("cvl_");
            session.screenshot("api-token-issued-zh");
            assertThat(bearer("GET", "/api/v1/me", secret).json().getString("username")).isEqualTo("seller-a");

            // an empty name is a message in the form, in the page's language
            session.click(By.id("token-form:issue"));
            session.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("token-form:messages"), "名称"));

            session.click(By.cssSelector("#list-form\\:tokens button[id$='revoke']"));
            session.click(By.cssSelector(".ui-confirmdialog-yes"));
            session.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("list-form:tokens"), "已撤销"));
            session.screenshot("api-token-revoked-zh");
            assertProblem(bearer("GET", "/api/v1/me", secret), 401, "unauthenticated");
        }
    }

    @Test
    void badRequestsAreClearProblems() {
        assertProblem(api.post(TOKENS, "buyer", "{\"name\": \"\"}"), 400, "validation");
        assertProblem(api.post(TOKENS, "buyer", "{\"name\": \"x\", \"days\": 0}"), 400, "validation");
        assertProblem(api.post(TOKENS, "buyer", "{\"name\": \"x\", \"days\": 366}"), 400, "validation");
        assertProblem(bearer("GET", "/api/v1/me", "cvl_" + UUID.randomUUID()), 401, "unauthenticated");
        assertProblem(bearer("GET", "/api/v1/me", "not-a-token"), 401, "unauthenticated");
        assertProblem(api.get(TOKENS, null), 401, "unauthenticated");
    }

    private Api.Response bearer(String method, String path, String secret) {
        return bearer(method, path, secret, null);
    }

    private Api.Response bearer(String method, String path, String secret, String json) {
        return api.send(method, path, null, json, "Authorization", "Bearer " + secret);
    }
}
