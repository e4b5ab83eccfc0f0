package io.caravel.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The platform seen from outside, through real HTTP on Payara Micro: operations endpoints, the
 * problem format of every kind of error, authentication and roles, demo users, the web shell.
 */
@SharedServer.Use
class PlatformIT {


    @SharedServer.Base
    private URL base;

    private Api api;

    @BeforeEach
    void client() {
        api = new Api(base.toString());
    }

    @Test
    void readinessChecksDatabaseAndEngine() {
        Api.Response ready = api.get("/health/ready", null);
        assertThat(ready.status()).isEqualTo(200);
        JsonObject check = ready.json().getJsonArray("checks").getJsonObject(0);
        assertThat(check.getString("name")).isEqualTo("caravel");
        assertThat(check.getJsonObject("data").getString("database")).isEqualTo("UP");
        assertThat(check.getJsonObject("data").getString("workflowEngine")).isEqualTo("UP");
        assertThat(api.get("/health/live", null).status()).isEqualTo(200);
    }

    @Test
    void metricsIncludeEngineRequestAndPoolFiguresForOperatorsOnly() {
        assertProblem(api.get("/metrics?scope=application", null), 401, "unauthenticated");
        assertProblem(api.get("/metrics?scope=application", "officer"), 403, "forbidden");
        assertThat(api.get("/api/v1/me", "admin").status()).isEqualTo(200);
        Api.Response metrics = api.get("/metrics?scope=application", "admin");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("caravel_engine_open_incidents", "caravel_engine_failed_jobs",
                "caravel_http_requests_seconds_count{area=\"api\"", "caravel_db_pool_waiting_requests",
                "caravel_db_pool_connections_max{mp_scope=\"application\"} 32");

        // every scope at once: Payara writes base and vendor twice; each series must appear once
        Api.Response all = api.get("/metrics", "admin");
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.body().lines().filter(line -> !line.startsWith("#") && !line.isBlank())
                .map(line -> line.substring(0, line.lastIndexOf(' '))).toList())
                .contains("classloader_loadedClasses_count{mp_scope=\"base\"}")
                .doesNotHaveDuplicates();
    }

    @Test
    void openApiDocumentDescribesTheApi() {
        Api.Response openapi = api.get("/openapi", null);
        assertThat(openapi.status()).isEqualTo(200);
        assertThat(openapi.body()).contains("title: Caravel API", "/api/v1/me:", "/api/v1/admin/users:",
                "/api/v1/admin/processes:", "/api/v1/listings/{id}/submit:", "/api/v1/catalog/products/{id}:",
                "/api/v1/fx/rates:", "/api/v1/hs/suggestions:", "/api/v1/risk-events:");
    }

    @Test
    void everyResponseCarriesTheRequestId() {
        Api.Response given = api.send("GET", "/api/v1/nowhere", null, null, "X-Request-Id", "test-req-42");
        assertThat(given.header("X-Request-Id")).isEqualTo("test-req-42");
        assertThat(given.json().getString("requestId")).isEqualTo("test-req-42");
        Api.Response generated = api.get("/health/live", null);
        assertThat(generated.header("X-Request-Id")).matches("[0-9a-f-]{36}");
    }

    @Test
    void unknownRouteIsANotFoundProblem() {
        Api.Response response = api.get("/api/v1/no-such-thing", "admin");
        assertProblem(response, 404, "not-found");
        assertThat(response.json().getString("instance")).isEqualTo("/api/v1/no-such-thing");
    }

    @Test
    void wrongMethodIsAMethodNotAllowedProblem() {
        Api.Response response = api.send("DELETE", "/api/v1/me", "admin", null);
        assertProblem(response, 405, "method-not-allowed");
        assertThat(response.header("Allow")).contains("GET");
    }

    @Test
    void malformedJsonIsABadRequestProblem() {
        Api.Response response = api.post("/api/v1/admin/users", "admin", "{\"username\": ");
        assertProblem(response, 400, "malformed-request");
    }

    @Test
    void invalidFieldsAreListed() {
        Api.Response response = api.post("/api/v1/admin/users", "admin", "{\"username\": \"A\", \"password\": \"short\"}");
        assertProblem(response, 400, "validation");
        assertThat(response.json().getJsonArray("errors").getValuesAs(JsonObject.class))
                .extracting(error -> error.getString("field"))
                .containsExactly("displayName", "password", "roles", "username");
    }

    @Test
    void aParameterOfTheWrongTypeIsAnInvalidFieldNotAMissingResource() {
        // JAX-RS itself answers 404 for limit=ten; the caller gets the parameter and what is wrong with it
        Api.Response response = api.get("/api/v1/listings?limit=ten", "seller-a");
        assertProblem(response, 400, "validation");
        JsonObject error = response.json().getJsonArray("errors").getJsonObject(0);
        assertThat(error.getString("field")).isEqualTo("limit");
        assertThat(error.getString("message")).isEqualTo("“ten” is not a whole number.");
        Api.Response zh = api.send("GET", "/api/v1/catalog/products?limit=%E5%8D%81", null, null, "Accept-Language", "zh-CN");
        assertProblem(zh, 400, "validation");
        assertThat(zh.json().getJsonArray("errors").getJsonObject(0).getString("message")).isEqualTo("“十” 不是整数。");
    }

    @Test
    void problemsSpeakTheCallersLanguage() {
        Api.Response response = api.send("GET", "/api/v1/me", null, null, "Accept-Language", "zh-CN,zh;q=0.9");
        assertProblem(response, 401, "unauthenticated");
        assertThat(response.json().getString("title")).isEqualTo("需要登录");
    }

    @Test
    void anonymousCallsToProtectedRoutesAreUnauthenticated() {
        Api.Response response = api.get("/api/v1/me", null);
        assertProblem(response, 401, "unauthenticated");
        assertThat(response.header("WWW-Authenticate")).startsWith("Basic");
    }

    @Test
    void wrongPasswordIsUnauthenticated() {
        assertProblem(api.get("/api/v1/me", "admin:wrong"), 401, "unauthenticated");
        assertProblem(api.get("/api/v1/me", "nobody:demo"), 401, "unauthenticated");
    }

    @Test
    void missingRoleIsForbidden() {
        assertProblem(api.get("/api/v1/admin/users", "seller-a"), 403, "forbidden");
        assertProblem(api.get("/api/v1/admin/users", "officer"), 403, "forbidden");
    }

    @Test
    void duplicateUserIsAConflict() {
        String name = "dup-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("/api/v1/admin/users", "admin", newUser(name, "compliance-officer")).status()).isEqualTo(201);
        assertProblem(api.post("/api/v1/admin/users", "admin", newUser(name, "compliance-officer")), 409, "conflict");
    }

    @Test
    void demoUsersSignInWithTheirRoles() {
        Map<String, String> roles = Map.of(
                "seller-a", "seller", "seller-b", "seller", "officer", "compliance-officer",
                "lead", "compliance-lead", "customs", "customs-agent", "disputes", "dispute-agent",
                "admin", "admin", "buyer", "buyer");
        roles.forEach((user, role) -> {
            Api.Response me = api.get("/api/v1/me", user);
            assertThat(me.status()).as(user).isEqualTo(200);
            assertThat(me.json().getJsonArray("roles").getValuesAs(JsonValue::toString)).contains("\"" + role + "\"");
        });
        String sellerA = api.get("/api/v1/me", "seller-a").json().getString("sellerId");
        String sellerB = api.get("/api/v1/me", "seller-b").json().getString("sellerId");
        assertThat(sellerA).isNotBlank().isNotEqualTo(sellerB);
    }

    @Test
    void adminCreatesAUserWhoCanSignIn() {
        String name = "it-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response created = api.post("/api/v1/admin/users", "admin", newUser(name, "customs-agent"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).endsWith("/api/v1/admin/users/" + name);
        assertThat(created.body()).doesNotContain("\"password\"", "passwordHash", "PBKDF2");
        Api.Response me = api.get("/api/v1/me", name + ":a long enough secret");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().getString("username")).isEqualTo(name);
    }

    @Test
    void userListPagesWithACursor() {
        Api.Response first = api.get("/api/v1/admin/users?limit=2", "admin");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().getJsonArray("items")).hasSize(2);
        String cursor = first.json().getString("nextCursor");
        Api.Response second = api.get("/api/v1/admin/users?limit=2&cursor=" + cursor, "admin");
        String lastOfFirst = first.json().getJsonArray("items").getJsonObject(1).getString("username");
        String firstOfSecond = second.json().getJsonArray("items").getJsonObject(0).getString("username");
        assertThat(firstOfSecond).isGreaterThan(lastOfFirst);
        assertProblem(api.get("/api/v1/admin/users?limit=0", "admin"), 400, "validation");
        assertProblem(api.get("/api/v1/admin/users?cursor=***", "admin"), 400, "validation");
    }

    @Test
    void processModelsAreListedForOperators() {
        Api.Response processes = api.get("/api/v1/admin/processes", "admin");
        assertThat(processes.status()).isEqualTo(200);
        assertProblem(api.get("/api/v1/admin/processes", "officer"), 403, "forbidden");
    }

    @Test
    void webPagesNeedSignIn() {
        Api.Response root = api.get("/", null);
        assertThat(root.status()).isEqualTo(302);
        assertThat(root.header("Location")).endsWith("/login.xhtml");
        Api.Response admin = api.get("/admin/index.xhtml", null);
        assertThat(admin.status()).isEqualTo(302);
        assertThat(admin.header("Location")).contains("/login.xhtml?next=%2Fadmin%2Findex.xhtml");
        Api.Response login = api.get("/login.xhtml", null);
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.body()).contains("jakarta.faces.ViewState", "login:username");
    }

    @Test
    void unknownPageIsAPlainErrorPage() {
        Api.Response missing = api.get("/no-such-page.html", null);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).contains("404").doesNotContain("Payara", "Exception", "at java.");
    }

    private static String newUser(String name, String role) {
        return "{\"username\": \"" + name + "\", \"password\": \"a long enough secret\", \"displayName\": \"Test "
                + name + "\", \"roles\": [\"" + role + "\"]}";
    }

    static void assertProblem(Api.Response response, int status, String type) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonObject problem = response.json();
        assertThat(problem.getString("type")).isEqualTo("https://caravel.io/problems/" + type);
        assertThat(problem.getInt("status")).isEqualTo(status);
        assertThat(problem.getString("title")).isNotBlank();
        assertThat(problem.getString("detail")).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception", "\tat ");
    }
}
