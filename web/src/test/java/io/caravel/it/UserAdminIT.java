package io.caravel.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URL;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * User management as an administrator does it, on the Users page and through the API: create a
 * user, reset a password (the user must choose a new one before anything else), disable (no more
 * sign-ins, open sessions end) and enable, change roles; the last administrator stays; every change is
 * in the user's history.
 */
@SharedServer.Use
class UserAdminIT {

    private static final String USERS = "/api/v1/admin/users";


    @SharedServer.Base
    private URL base;

    private Api api;

    @BeforeEach
    void client() {
        api = new Api(base.toString());
    }

    @Test
    @Tag("page")
    void administratorManagesAUserInTheBrowser() throws Exception {
        String user = "ua-" + UUID.randomUUID().toString().substring(0, 8);
        try (BrowserSession admin = new BrowserSession(base); BrowserSession person = new BrowserSession(base)) {
            admin.signIn("admin");
            admin.open("admin/index.xhtml");

            // a weak initial password is refused on the form, with the field named
            admin.type("create:username", user);
            admin.type("create:displayName", "Uma 𠮷 Admin-Test 😀");
            admin.check("create:roles:2"); // compliance officer
            admin.type("create:password", "password1234");
            admin.click(By.id("create:createUser"));
            admin.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"),
                    "Initial password: This password is mostly a word everybody tries first"));
            assertThat(api.get(USERS + "/" + user, "admin").status()).isEqualTo(404);

            admin.type("create:username", user);
            admin.type("create:displayName", "Uma 𠮷 Admin-Test 😀");
            admin.check("create:roles:2");
            admin.type("create:password", "tidal orchard seven");
            admin.click(By.id("create:createUser"));
            admin.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "The user was created."));
            assertThat(admin.browser.findElement(By.id("users-form:users")).getText()).contains(user, "Uma 𠮷 Admin-Test 😀",
                    "Compliance officer", "must choose a new password");

            // the user signs in with the initial password and must choose a new one before anything else
            person.open("login.xhtml");
            person.fillSignIn(user + ":tidal orchard seven");
            person.wait.until(ExpectedConditions.urlContains("/account/password.xhtml"));
            assertThat(person.text("required")).contains("reset your password");
            person.open("inbox/index.xhtml");
            person.wait.until(ExpectedConditions.urlContains("/account/password.xhtml"));
            assertThat(api.get("/api/v1/tasks", user + ":tidal orchard seven").json().getString("type"))
                    .endsWith("/password-change-required");

            person.type("password:currentPassword", "tidal orchard seven");
            person.type("password:newPassword", "quiet meadow lantern 9");
            person.type("password:confirmation", "quiet meadow lantern 8");
            person.click(By.id("password:change"));
            person.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("password:messages"), "not the same"));
            person.type("password:currentPassword", "tidal orchard seven");
            person.type("password:newPassword", "quiet meadow lantern 9");
            person.type("password:confirmation", "quiet meadow lantern 9");
            person.click(By.id("password:change"));
            person.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("password:messages"), "Your password is changed"));
            person.open("inbox/index.xhtml");
            assertThat(person.pageTitle()).isEqualTo("Task inbox");

            // a reset: the one-time password is shown once; the user's session ends
            admin.click(rowButton(user, "resetPassword"));
            String temporary = admin.text("temporary-password");
            assertThat(temporary).matches("[a-zA-Z2-9]{5}(-[a-zA-Z2-9]{5}){3}");
            person.open("inbox/index.xhtml");
            person.wait.until(ExpectedConditions.urlContains("/login.xhtml"));
            assertThat(api.get("/api/v1/me", user + ":quiet meadow lantern 9").status()).isEqualTo(401);
            person.fillSignIn(user + ":" + temporary);
            person.wait.until(ExpectedConditions.urlContains("/account/password.xhtml"));
            person.type("password:currentPassword", temporary);
            person.type("password:newPassword", "amber tram over river");
            person.type("password:confirmation", "amber tram over river");
            person.click(By.id("password:change"));
            person.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("password:messages"), "Your password is changed"));

            // disabled: the open session ends and neither the pages nor the API let the user in
            admin.click(rowButton(user, "disable"));
            admin.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "The user is disabled"));
            person.open("inbox/index.xhtml");
            person.wait.until(ExpectedConditions.urlContains("/login.xhtml"));
            person.fillSignIn(user + ":amber tram over river");
            person.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login:messages")));
            assertThat(person.browser.getCurrentUrl()).contains("/login.xhtml");
            assertThat(api.get("/api/v1/me", user + ":amber tram over river").status()).isEqualTo(401);

            admin.click(rowButton(user, "enable"));
            admin.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "enabled again"));
            assertThat(api.get("/api/v1/me", user + ":amber tram over river").status()).isEqualTo(200);
        }

        String history = api.get(USERS + "/" + user + "/history", "admin").body();
        assertThat(history).contains("USER_CREATED", "USER_PASSWORD_CHANGED", "USER_PASSWORD_RESET", "USER_DISABLED",
                "USER_ENABLED");
        assertThat(api.get(USERS + "/" + user + "/history", "officer").status()).isEqualTo(403);
    }

    @Test
    void rolesPasswordResetAndDisablingThroughTheApi() {
        String user = "ub-" + UUID.randomUUID().toString().substring(0, 8);
        String password = user + ":copper kettle morning";
        assertThat(api.post(USERS, "admin", "{\"username\": \"" + user + "\", \"password\": \"copper kettle morning\","
                + " \"displayName\": \"API user\", \"roles\": [\"compliance-officer\"]}").status()).isEqualTo(201);
        assertThat(api.get("/api/v1/tasks", password).status()).isEqualTo(200);

        // roles: unknown roles and a seller without its seller are refused; operator reads metrics only
        Api.Response unknown = api.send("PUT", USERS + "/" + user + "/roles", "admin", "{\"roles\": [\"root\"]}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("roles");
        assertThat(api.send("PUT", USERS + "/" + user + "/roles", "admin", "{\"roles\": [\"seller\"]}").status()).isEqualTo(400);
        Api.Response changed = api.send("PUT", USERS + "/" + user + "/roles", "admin", "{\"roles\": [\"operator\"]}");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().getJsonArray("roles").getString(0)).isEqualTo("operator");
        assertThat(api.get("/api/v1/tasks", password).status()).isEqualTo(403);
        assertThat(api.get("/metrics", password).status()).isEqualTo(200);
        assertThat(api.send("PUT", USERS + "/" + user + "/roles", "officer", "{\"roles\": [\"admin\"]}").status()).isEqualTo(403);

        // a reset: the old password stops working; the one-time password opens only the password change
        JsonObject reset = api.send("POST", USERS + "/" + user + "/password-reset", "admin", null).json();
        String temporary = reset.getString("temporaryPassword");
        assertThat(api.get("/api/v1/me", password).status()).isEqualTo(401);
        Api.Response me = api.get("/api/v1/me", user + ":" + temporary);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().getBoolean("passwordChangeRequired")).isTrue();
        assertThat(api.get("/metrics", user + ":" + temporary).status()).isEqualTo(403);
        Api.Response weak = api.post("/api/v1/me/password", user + ":" + temporary,
                "{\"currentPassword\": \"" + temporary + "\", \"newPassword\": \"" + user + " 2026!\"}");
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("newPassword");
        Api.Response wrongCurrent = api.post("/api/v1/me/password", user + ":" + temporary,
                "{\"currentPassword\": \"not it at all\", \"newPassword\": \"silver fox at dawn\"}");
        assertThat(wrongCurrent.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("currentPassword");
        assertThat(api.post("/api/v1/me/password", user + ":" + temporary,
                "{\"currentPassword\": \"" + temporary + "\", \"newPassword\": \"silver fox at dawn\"}").status()).isEqualTo(204);
        assertThat(api.get("/metrics", user + ":silver fox at dawn").status()).isEqualTo(200);

        // disabled: refused like a wrong password; enabling lets the user in again
        assertThat(api.send("POST", USERS + "/" + user + "/disable", "admin", null).json().getBoolean("enabled")).isFalse();
        Api.Response refused = api.get("/api/v1/me", user + ":silver fox at dawn");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().getString("type")).endsWith("/unauthenticated");
        assertThat(api.send("POST", USERS + "/" + user + "/enable", "admin", null).json().getBoolean("enabled")).isTrue();
        assertThat(api.get("/api/v1/me", user + ":silver fox at dawn").status()).isEqualTo(200);

        assertThat(api.send("POST", USERS + "/nobody-" + user + "/disable", "admin", null).status()).isEqualTo(404);
        assertThat(api.send("POST", USERS + "/" + user + "/disable", "officer", null).status()).isEqualTo(403);
        assertThat(api.send("POST", USERS + "/" + user + "/disable", null, null).status()).isEqualTo(401);
    }

    @Test
    void administratorsCannotLockThemselvesOut() {
        Api.Response yourself = api.send("POST", USERS + "/admin/disable", "admin", null);
        assertThat(yourself.status()).isEqualTo(409);
        assertThat(yourself.json().getString("detail")).contains("your own");
        assertThat(api.send("PUT", USERS + "/admin/roles", "admin", "{\"roles\": [\"operator\"]}").status()).isEqualTo(409);

        // another administrator can be disabled by one who stays
        String second = "uc-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post(USERS, "admin", "{\"username\": \"" + second + "\", \"password\": \"granite window seven\","
                + " \"displayName\": \"Second admin\", \"roles\": [\"admin\"]}").status()).isEqualTo(201);
        assertThat(api.send("POST", USERS + "/" + second + "/disable", "admin", null).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/me", second + ":granite window seven").status()).isEqualTo(401);
    }

    @Test
    void theRulesCannotBeWalkedAround() throws Exception {
        // the page rules hold for every spelling of a path the server routes to the same page
        for (String path : new String[] {"/%61dmin/index.xhtml", "/x/../admin/index.xhtml", "/admin/./index.xhtml",
                "/%73eller/index.xhtml", "/inbox/%2e%2e/admin/index.xhtml"}) {
            String answer = rawGet(path);
            assertThat(answer).as(path).doesNotStartWith("HTTP/1.1 200").doesNotContain("users-form");
        }
        // a form of another site cannot make an administrator's browser change an account
        String user = "ud-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post(USERS, "admin", "{\"username\": \"" + user + "\", \"password\": \"granite window seven\","
                + " \"displayName\": \"Cross-site target\", \"roles\": [\"buyer\"]}").status()).isEqualTo(201);
        Api.Response forged = api.send("POST", USERS + "/" + user + "/disable", "admin", null, "Sec-Fetch-Site", "cross-site");
        assertThat(forged.status()).isEqualTo(403);
        assertThat(api.get(USERS + "/" + user, "admin").json().getBoolean("enabled")).isTrue();
        assertThat(api.send("POST", USERS + "/" + user + "/disable", "admin", null, "Sec-Fetch-Site", "same-origin").status())
                .isEqualTo(200);
        // a name no account can have is refused before the database compares it (MySQL ignores trailing spaces)
        assertThat(api.get("/api/v1/me", "admin :demo").status()).isEqualTo(401);
        assertThat(api.get("/api/v1/me", "Admin:demo").status()).isEqualTo(401);
    }

    /** A GET with the path exactly as given (no client normalizes it), answering the status line and the body. */
    private String rawGet(String path) throws Exception {
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static By rowButton(String user, String action) {
        return By.xpath("//tr[.//span[@class='username' and text()='" + user + "']]//button[contains(@id, ':" + action + "')]");
    }
}
