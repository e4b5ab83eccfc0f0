package io.caravel.it;

import static io.caravel.it.PlatformIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * The product as a hostile tester tries it: every operation of the OpenAPI document with hostile
 * input (never a 5xx, never an internal name, only problems the document lists for it), every resource by every kind of user (a seller,
 * buyer or agent sees only what is theirs to see, pages as the API), races on one record (409, never
 * 500), sign-in guessing (throttled; unknown users cost as much as known ones), stale and forged form
 * tokens (the page reloads), security headers, and script payloads rendered inert in a real browser.
 */
@SharedServer.Use
class ReliabilityIT {

    private static final String LISTINGS = "/api/v1/listings/";


    @SharedServer.Base
    private URL base;

    private Api api;

    @BeforeEach
    void client() {
        api = new Api(base.toString());
    }

    @Test
    void hostileInputOverEveryOperationNeverAnswers5xxNorNamesInternals() throws Exception {
        Api.Response served = api.send("GET", "/openapi", null, null, "Accept", "application/json");
        assertThat(served.status()).isEqualTo(200);
        JsonObject document = Json.createReader(new StringReader(served.body())).readObject();
        Map<String, String> ids = new HashMap<>();
        ids.put("id", draft("seller-a", "Fuzz target " + suffix()));

        List<HostileInput.Probe> probes = new HostileInput(document).probes(ids, 5);
        String[] users = {null, "seller-a", "officer", "admin", "buyer", "customs"};
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger retried = new AtomicInteger();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        Map<String, String> undeclared = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Callable<Void>> calls = new ArrayList<>();
        for (int i = 0; i < probes.size(); i++) {
            HostileInput.Probe probe = probes.get(i);
            String user = users[i % users.length];
            calls.add(() -> {
                Api.Response answer;
                try {
                    answer = api.sendRaw(probe.method(), probe.path(), user, probe.contentType(), probe.body());
                } catch (UncheckedIOException dropped) {
                    // a pooled connection the server closed at that moment: ask once more on a new connection; a
                    // server that drops this input again fails the test below
                    retried.incrementAndGet();
                    answer = new Api(base.toString()).sendRaw(probe.method(), probe.path(), user, probe.contentType(), probe.body());
                }
                sent.incrementAndGet();
                // an integrator's client knows the problems an operation can answer from the document
                if (probe.inContract() && answer.status() >= 400 && !probe.operation().getJsonObject("responses").containsKey(Integer.toString(answer.status()))) {
                    undeclared.putIfAbsent(probe.method() + " " + probe.template() + " " + answer.status(),
                            abbreviate(probe.path()) + " " + probe.contentType() + " " + abbreviate(String.valueOf(probe.body()))
                                    + " -> " + abbreviate(String.valueOf(answer.body())));
                }
                statuses.computeIfAbsent(answer.status(), s -> new AtomicInteger()).incrementAndGet();
                String body = answer.body() == null ? "" : answer.body();
                // /version tells administrators the runtime and database by design; every other answer names no internals
                boolean diagnostics = answer.status() == 200 && probe.path().startsWith("/api/v1/version");
                if (answer.status() >= 500 || !diagnostics && HostileInput.INTERNALS.matcher(body).find()) {
                    failures.add(answer.status() + " " + probe.method() + " " + abbreviate(probe.path()) + " as " + user
                            + " body " + abbreviate(String.valueOf(probe.body())) + " -> " + abbreviate(body));
                }
                return null;
            });
        }
        for (Future<Void> done : pool.invokeAll(calls)) {
            done.get();
        }
        pool.shutdown();
        System.out.printf("ReliabilityIT: %d hostile requests over %d operations; answers by status %s; %d failures; %d resent after a dropped connection%n",
                sent.get(), operations(document), new TreeMap<>(statuses), failures.size(), retried.get());
        assertThat(sent.get()).isGreaterThanOrEqualTo(5000);
        assertThat(failures).as("5xx answers or internal names").isEmpty();
        assertThat(new TreeMap<>(undeclared)).as("answers the operation's responses in the document do not list").isEmpty();
    }

    @Test
    void everyoneSeesOnlyWhatIsTheirsOnEveryResource() throws Exception {
        String buyer2 = "buyer-" + suffix();
        assertThat(api.post("/api/v1/admin/users", "admin", "{\"username\": \"" + buyer2 + "\", \"password\": \"a long buyer password\","
                + " \"displayName\": \"Second buyer\", \"roles\": [\"buyer\"]}").status()).isEqualTo(201);
        String buyerTwo = buyer2 + ":a long buyer password";
        Applicant applicant = Applicant.register(api, "DE");
        String marker = "Matrix probe " + suffix();
        String listing = draft("seller-a", marker);
        String company = "New Seller " + applicant.user.substring(0, applicant.user.indexOf(':'));
        String image = api.sendBytes(LISTINGS + listing + "/images?fileName=front.png", "seller-a", ListingFixtures.PNG)
                .json().getString("id");

        // resource -> who may read it; everyone else gets 401 (anonymous), 403 or 404, and none of its data
        Map<String, Set<String>> matrix = new LinkedHashMap<>();
        Set<String> staff = Set.of("officer", "lead", "admin");
        matrix.put(LISTINGS + listing, union(staff, "seller-a"));
        matrix.put(LISTINGS + listing + "/history", union(staff, "seller-a"));
        matrix.put(LISTINGS + listing + "/checks", union(staff, "seller-a"));
        matrix.put(LISTINGS + listing + "/revisions", union(staff, "seller-a"));
        matrix.put(LISTINGS + listing + "/files/" + image, union(staff, "seller-a"));
        matrix.put(Applicant.APPS + applicant.id, union(staff, applicant.user));
        matrix.put(Applicant.APPS + applicant.id + "/history", union(staff, applicant.user));
        matrix.put(Applicant.APPS + applicant.id + "/documents", union(staff, applicant.user));
        matrix.put("/api/v1/risk-events", staff);
        matrix.put("/api/v1/risk-events/summary", staff);
        matrix.put("/api/v1/risk-events/fx-exposure", staff);
        assertThat(Shop.runPayouts(api).status()).isEqualTo(200);
        String payout = api.get("/api/v1/payouts?limit=1", "seller-a").json().getJsonArray("items").getJsonObject(0).getString("id");
        matrix.put("/api/v1/payouts/" + payout, Set.of("seller-a", "admin"));
        matrix.put("/api/v1/payouts/" + payout + "/statement.csv", Set.of("seller-a", "admin"));
        matrix.put("/api/v1/tasks", Set.of("officer", "lead", "customs", "disputes"));
        matrix.put("/api/v1/admin/users", Set.of("admin"));
        matrix.put("/api/v1/admin/processes", Set.of("admin"));
        String[] everyone = {null, "seller-a", "seller-b", applicant.user, "buyer", buyerTwo, "officer", "lead", "customs",
                "disputes", "admin"};
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, Set<String>> resource : matrix.entrySet()) {
            for (String user : everyone) {
                Api.Response answer = api.get(resource.getKey(), user);
                checked++;
                boolean allowed = user != null && resource.getValue().contains(user);
                int expected = allowed ? 200 : user == null ? 401 : -1;
                boolean ok = allowed ? answer.status() == 200
                        : user == null ? answer.status() == 401 : answer.status() == 403 || answer.status() == 404;
                if (!ok || !allowed && (answer.body().contains(marker) || answer.body().contains(company))) {
                    wrong.add(resource.getKey() + " as " + user + ": " + answer.status() + (expected > 0 ? " (expected " + expected + ")" : ""));
                }
            }
        }
        // writes on another's records change nothing: refused, and the record is as it was
        String task = Applicant.awaitTask(api, "reviewApplication", Applicant.demoCase(api, "Harbour Logistics"), "officer");
        String before = api.get(LISTINGS + listing, "seller-a").body();
        JsonValue assignee = api.get("/api/v1/tasks/" + task, "officer").json().get("assignee");
        List<String> writes = new ArrayList<>();
        for (String intruder : new String[] {"seller-b", applicant.user, "buyer", buyerTwo, "customs", "disputes"}) {
            writes.add(refused(api.send("PUT", LISTINGS + listing, intruder, ListingFixtures.body("Taken over")), intruder));
            writes.add(refused(api.post(LISTINGS + listing + "/submit", intruder, ""), intruder));
            writes.add(refused(api.post(LISTINGS + listing + "/unpublish", intruder, "{}"), intruder));
            writes.add(refused(api.send("DELETE", LISTINGS + listing + "/files/" + image, intruder, null), intruder));
            writes.add(refused(api.post("/api/v1/tasks/" + task + "/claim", intruder, ""), intruder));
            writes.add(refused(api.post("/api/v1/payouts/" + payout + "/paid", intruder, "{\"reference\": \"taken\"}"), intruder));
            writes.add(refused(api.post("/api/v1/payouts/runs", intruder, "{}"), intruder));
            if (!intruder.equals(applicant.user)) {
                writes.add(refused(api.sendBytes(Applicant.APPS + applicant.id + "/documents?kind=OTHER&fileName=x.pdf",
                        intruder, Applicant.PDF), intruder));
                writes.add(refused(api.post(Applicant.APPS + applicant.id + "/submit", intruder, ""), intruder));
            }
            if (!intruder.equals("customs") && !intruder.equals("disputes")) {
                writes.add(refused(api.get("/api/v1/tasks/" + task, intruder), intruder));
            }
        }
        checked += writes.size();
        writes.removeIf(java.util.Objects::isNull);
        assertThat(api.get(LISTINGS + listing, "seller-a").body()).isEqualTo(before);
        assertThat(api.get("/api/v1/tasks/" + task, "officer").json().get("assignee")).isEqualTo(assignee);
        wrong.addAll(writes);

        // lists a seller can read hold only its own
        assertThat(api.get("/api/v1/listings?limit=200", "seller-b").body()).doesNotContain(marker);
        assertThat(api.get("/api/v1/notifications", "seller-b").body()).doesNotContain(marker);
        assertThat(api.get("/api/v1/onboarding/applications", "seller-b").body()).doesNotContain(company);
        System.out.printf("ReliabilityIT: access matrix %d resource x user checks, %d wrong%n", checked, wrong.size());
        assertThat(wrong).isEmpty();
    }

    @Test
    @Tag("page")
    void pagesFollowTheSameRulesAsTheApi() throws Exception {
        try (BrowserSession session = new BrowserSession(base)) {
            session.signIn("customs");
            assertThat(session.browser.findElements(By.id("screening-link"))).as("no link to what customs may not do").isEmpty();
            session.open("inbox/screening.xhtml");
            assertThat(session.browser.getPageSource()).contains("403");
            assertThat(api.post("/api/v1/screening/checks", "customs", "{\"name\": \"Viktor Bout\", \"type\": \"individual\"}")
                    .status()).isEqualTo(403);
            session.open("admin/index.xhtml");
            assertThat(session.browser.getPageSource()).contains("403");
            session.open("inbox/index.xhtml");
            session.signOut();
            session.signIn("officer");
            session.open("inbox/screening.xhtml");
            assertThat(session.browser.getPageSource()).doesNotContain("403 —");
            session.open("seller/index.xhtml");
            assertThat(session.browser.getPageSource()).contains("403");
        }
    }

    @Test
    void racesOnOneRecordAnswerConflictOrSuccessNeverAnError() throws Exception {
        String listing = draft("seller-a", "Race probe " + suffix());
        List<Integer> updates = parallel(10, i -> api.send("PUT", LISTINGS + listing, "seller-a",
                ListingFixtures.body("Race probe edit " + i)).status());
        assertThat(updates).isSubsetOf(200, 409).contains(200);

        assertThat(api.sendBytes(LISTINGS + listing + "/images?fileName=front.png", "seller-a", ListingFixtures.PNG).status())
                .isEqualTo(201);
        List<Integer> submits = parallel(8, i -> api.post(LISTINGS + listing + "/submit", "seller-a", "").status());
        assertThat(submits).isSubsetOf(200, 409);
        assertThat(submits.stream().filter(s -> s == 200).count()).as("submitted once: " + submits).isEqualTo(1);

        String name = "race-" + suffix();
        List<Integer> registrations = parallel(12, i -> api.post("/api/v1/onboarding/registrations", null,
                "{\"companyName\": \"Race " + i + "\", \"country\": \"DE\", \"operatingModel\": \"MARKETPLACE\", \"username\": \""
                        + name + "\", \"password\": \"a long seller password\", \"displayName\": \"Racer\", \"email\": \"r@example.com\"}")
                .status());
        assertThat(registrations).containsOnly(201, 409);
        assertThat(registrations.stream().filter(s -> s == 201).count()).as(registrations.toString()).isEqualTo(1);
    }

    @Test
    void guessingPasswordsIsThrottledAndUnknownUsersCannotBeToldApart() throws Exception {
        String user = "guarded-" + suffix();
        assertThat(api.post("/api/v1/admin/users", "admin", "{\"username\": \"" + user + "\", \"password\": \"the right password\","
                + " \"displayName\": \"Guarded\", \"roles\": [\"buyer\"]}").status()).isEqualTo(201);
        for (int i = 0; i < 5; i++) {
            assertProblem(api.get("/api/v1/me", user + ":wrong " + i), 401, "unauthenticated");
        }
        Api.Response held = api.get("/api/v1/me", user + ":the right password");
        assertProblem(held, 429, "too-many-requests");
        assertThat(Integer.parseInt(held.header("Retry-After"))).isBetween(1, 900);
        assertThat(api.get("/api/v1/me", "buyer").status()).as("another account from the same address").isEqualTo(200);

        // not asserted (tests never depend on timing): the medians show unknown and known users cost alike
        String known = "timed-" + suffix();
        assertThat(api.post("/api/v1/admin/users", "admin", "{\"username\": \"" + known + "\", \"password\": \"the right password\","
                + " \"displayName\": \"Timed\", \"roles\": [\"buyer\"]}").status()).isEqualTo(201);
        long[] unknownTimes = new long[9];
        long[] knownTimes = new long[9];
        for (int i = 0; i < 9; i++) {
            unknownTimes[i] = timed(() -> api.get("/api/v1/me", "nobody-" + UUID.randomUUID() + ":wrong"));
            knownTimes[i] = timed(() -> api.get("/api/v1/me", known + ":wrong"));
            if (i % 3 == 2) {
                api.get("/api/v1/me", known + ":the right password"); // a success clears the counter: never held back
            }
        }
        java.util.Arrays.sort(unknownTimes);
        java.util.Arrays.sort(knownTimes);
        System.out.printf("ReliabilityIT: wrong password median %.1f ms for an unknown user, %.1f ms for a known one%n",
                unknownTimes[4] / 1e6, knownTimes[4] / 1e6);
    }

    @Test
    void headersCookiesAndCachingProtectPersonalPages() {
        Api.Response login = api.get("/login.xhtml", null);
        assertThat(login.header("Set-Cookie")).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
        assertThat(login.header("Content-Security-Policy")).contains("frame-ancestors 'none'", "object-src 'none'");
        assertThat(login.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(login.header("Referrer-Policy")).isEqualTo("same-origin");
        Api.Response me = api.get("/api/v1/me", "seller-a");
        assertThat(me.header("Cache-Control")).isEqualTo("no-store");
        Api.Response catalog = api.get("/api/v1/catalog/products", null);
        assertThat(catalog.header("Cache-Control")).isNotEqualTo("no-store");
    }

    @Test
    void aStaleOrForgedFormTokenReloadsThePageWithAMessage() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(new java.net.CookieManager()).build();
        for (String page : List.of("login.xhtml", "register.xhtml")) {
            http.send(HttpRequest.newBuilder(base.toURI().resolve(page)).build(), HttpResponse.BodyHandlers.ofString());
            String form = "login.xhtml".equals(page)
                    ? "login=login&login%3Ausername=officer&login%3Apassword=demo&login%3Asubmit=&jakarta.faces.ViewState=forged%3A123"
                    : "register=register&jakarta.faces.ViewState=-4242424242%3A-99";
            HttpResponse<String> posted = http.send(HttpRequest.newBuilder(base.toURI().resolve(page))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(posted.statusCode()).as(page + ": " + posted.body()).isIn(302, 303);
            String location = posted.headers().firstValue("Location").orElseThrow();
            HttpResponse<String> reloaded = http.send(HttpRequest.newBuilder(base.toURI().resolve(location)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(reloaded.statusCode()).isEqualTo(200);
            assertThat(reloaded.body()).contains("expired");
        }
    }

    @Test
    @Tag("page")
    void scriptInASellersTextIsShownAsTextToTheOfficer() throws Exception {
        String payload = "Ivory box <img src=x onerror=\"window.__xss=1\"><script>window.__xss=2</script> " + suffix();
        String listing = draft("seller-a", payload);
        assertThat(api.sendBytes(LISTINGS + listing + "/images?fileName=front.png", "seller-a", ListingFixtures.PNG).status())
                .isEqualTo(201);
        assertThat(api.post(LISTINGS + listing + "/submit", "seller-a", "").status()).isEqualTo(200);
        String task = Applicant.awaitTask(api, "reviewListing", listing, "officer");
        try (BrowserSession session = new BrowserSession(base)) {
            session.signIn("officer");
            session.open("inbox/index.xhtml");
            session.waitFor("page-title");
            assertThat(session.browser.getPageSource()).contains("Ivory box");
            session.open("inbox/cases/listing.xhtml?task=" + task);
            session.waitFor("page-title");
            assertThat(session.browser.getPageSource()).contains("&lt;script&gt;");
            Object injected = ((JavascriptExecutor) session.browser).executeScript("return window.__xss === undefined"
                    + " && document.querySelectorAll('img[src=\"x\"]').length === 0;");
            assertThat(injected).as("no injected script ran, no injected element exists").isEqualTo(Boolean.TRUE);
            session.signOut();
            session.signIn("seller-a");
            session.open("seller/listing.xhtml?id=" + listing);
            session.waitFor("page-title");
            assertThat(((JavascriptExecutor) session.browser).executeScript("return window.__xss === undefined;"))
                    .isEqualTo(Boolean.TRUE);
        }
    }

    /** Null when the answer refused the write (403 or 404); otherwise what went wrong. */
    private static String refused(Api.Response answer, String user) {
        return answer.status() == 403 || answer.status() == 404 ? null
                : "write as " + user + " answered " + answer.status() + ": " + abbreviate(answer.body());
    }

    private String draft(String seller, String title) {
        Api.Response created = api.post(LISTINGS, seller, ListingFixtures.body(title));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().getString("id");
    }

    private static <T> List<T> parallel(int n, java.util.function.IntFunction<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int index = i;
            futures.add(pool.submit(() -> {
                start.await();
                return call.apply(index);
            }));
        }
        start.countDown();
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            results.add(future.get());
        }
        pool.shutdown();
        return results;
    }

    private static long timed(Runnable call) {
        long started = System.nanoTime();
        call.run();
        return System.nanoTime() - started;
    }

    private static int operations(JsonObject document) {
        int count = 0;
        for (String path : document.getJsonObject("paths").keySet()) {
            count += document.getJsonObject("paths").getJsonObject(path).size();
        }
        return count;
    }

    private static Set<String> union(Set<String> set, String one) {
        Set<String> union = new java.util.HashSet<>(set);
        union.add(one);
        return union;
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
