package io.caravel.ear;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The EAR on Payara Server 6 as IT sets it up from docs/operations.md: the domain is created by
 * {@code etc/payara/setup-domain.sh} (port base 28000) against the MariaDB database
 * {@code caravel_ear_it} that {@code .ci/run} creates, in production mode (no demo data, the first
 * administrator from a password file), the script deploys the EAR, and the test waits for
 * {@code /health/ready}, uses the API as that administrator (a user with a 4-byte name, disabled) and
 * reads {@code /metrics}. Then it redeploys the EAR
 * several times and checks that the server does not keep the earlier copies of the application
 * (loaded classes after a full GC stay flat) and that stopping the application logs no stack trace.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EarDeploymentIT {

    private static final String DOMAIN = "caravel-it";
    private static final int PORT_BASE = 28000;
    private static final int ADMIN_PORT = PORT_BASE + 48;
    private static final int HTTP_PORT = PORT_BASE + 80;
    private static final int REDEPLOYS = 3;
    private static final String FIRST_ADMIN_PASSWORD = "a long way from the harbour";
    private static final String ADMIN = "admin:" + FIRST_ADMIN_PASSWORD;
    /** Classes a redeploy may add for good (server caches warming up); a leaked copy of the EAR is about 4,300. */
    private static final int CLASS_TOLERANCE = 1_200;

    private static final Path HOME = Paths.get(System.getProperty("payara.home", "target/payara-server/payara6"));
    private static final Path EAR = Paths.get(System.getProperty("caravel.ear", "target/caravel.ear"));
    private static final Path SCRIPT = Paths.get(System.getProperty("caravel.setupScript", "../etc/payara/setup-domain.sh"));
    private static final Path WORK = Paths.get(System.getProperty("caravel.ear.dataDir", "target/ear-data")).toAbsolutePath();
    private static final Path SERVER_LOG = HOME.resolve("glassfish/domains/" + DOMAIN + "/logs/server.log");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void setUpDomain() throws Exception {
        Files.createDirectories(WORK);
        Files.deleteIfExists(WORK.resolve("commands.log"));
        Path dbPassword = WORK.resolve("db-password");
        Files.writeString(dbPassword, "caravel\n");
        Path adminPassword = WORK.resolve("first-admin-password");
        Files.writeString(adminPassword, FIRST_ADMIN_PASSWORD + "\n");
        // a domain of an earlier run, if any
        run(120, List.of(HOME.resolve("bin/asadmin").toString(), "stop-domain", DOMAIN), false);
        run(120, List.of(HOME.resolve("bin/asadmin").toString(), "delete-domain", DOMAIN), false);
        long start = System.nanoTime();
        // what docs/operations.md tells IT to run, with the local MariaDB (no TLS), no demo data and the first administrator
        require(run(600, List.of("bash", SCRIPT.toAbsolutePath().toString(),
                "--payara-home", HOME.toAbsolutePath().toString(),
                "--domain", DOMAIN,
                "--portbase", Integer.toString(PORT_BASE),
                "--heap", "1g",
                "--db-host", "127.0.0.1",
                "--db-name", System.getProperty("caravel.ear.db", "caravel_ear_it"),
                "--db-ssl-mode", "DISABLED",
                "--db-user", "caravel",
                "--db-password-file", dbPassword.toString(),
                "--data-dir", WORK.resolve("data").toString(),
                "--ofac-dir", System.getProperty("caravel.ofacDir"),
                "--node-id", "ear-it",
                "--demo", "false",
                "--bootstrap-admin-password-file", adminPassword.toString(),
                "--java-home", System.getProperty("java.home"),
                "--deploy", EAR.toAbsolutePath().toString())), "setup-domain.sh");
        System.out.printf("EarDeploymentIT: domain set up and EAR deployed in %.1f s%n", (System.nanoTime() - start) / 1e9);
    }

    @AfterAll
    static void stop() throws Exception {
        asadmin(120, "stop-domain", DOMAIN);
    }

    @Test
    @Order(1)
    void theEarBecomesReadyAndServesTheApi() throws Exception {
        awaitReady();

        // production mode: the first administrator from the password file, no demo accounts
        HttpResponse<String> me = get("/api/v1/me", ADMIN);
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(me.body()).contains("\"username\":\"admin\"", "\"roles\":[\"admin\"]");
        assertThat(get("/api/v1/me", "admin:demo").statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/me", "officer:demo").statusCode()).isEqualTo(401);
        assertThat(get("/health/ready", null).body()).contains("\"databaseName\":\"caravel_ear_it\"");
        HttpResponse<String> version = get("/api/v1/version", ADMIN);
        assertThat(version.statusCode()).isEqualTo(200);
        assertThat(version.body()).contains("\"database\":\"caravel_ear_it (MariaDB ", "\"server\":\"Payara Server");

        // the administrator creates a user whose name needs 4-byte UTF-8 (utf8mb4 on MariaDB)
        String user = "ear-" + Long.toString(System.nanoTime(), 36);
        HttpResponse<String> created = send("POST", "/api/v1/admin/users", ADMIN, "{\"username\": \"" + user
                + "\", \"password\": \"copper kettle morning\", \"displayName\": \"\uD842\uDFB7 \uD83D\uDE00\","
                + " \"roles\": [\"compliance-officer\"]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(get("/api/v1/me", user + ":copper kettle morning").body()).contains("\"displayName\":\"\uD842\uDFB7 \uD83D\uDE00\"");
        assertThat(send("POST", "/api/v1/admin/users/" + user + "/disable", ADMIN, null).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/me", user + ":copper kettle morning").statusCode()).isEqualTo(401);

        HttpResponse<String> anonymous = get("/api/v1/me", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");

        HttpResponse<String> login = get("/login.xhtml", null);
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("login:username");
    }

    @Test
    @Order(2)
    void metricsListEachSeriesOnceWithRequestAndPoolFigures() throws Exception {
        awaitReady();
        assertThat(get("/metrics", null).statusCode()).isEqualTo(401);
        HttpResponse<String> metrics = get("/metrics", ADMIN);
        assertThat(metrics.statusCode()).isEqualTo(200);
        List<String> series = metrics.body().lines().filter(line -> !line.startsWith("#") && !line.isBlank())
                .map(line -> line.substring(0, line.lastIndexOf(' '))).toList();
        assertThat(series).doesNotHaveDuplicates();
        assertThat(metrics.body()).contains("classloader_loadedClasses_count", "caravel_engine_open_incidents",
                "caravel_http_requests_seconds_count{area=\"api\",mp_scope=\"application\",status=\"2xx\"}",
                "caravel_db_pool_connections_in_use", "caravel_db_pool_waiting_requests");
        // the domain's pool sizing (setup-domain.sh --pool-max, default 32) reached the pool
        assertThat(metrics.body()).contains("caravel_db_pool_connections_max{mp_scope=\"application\"} 32");
    }

    @Test
    @Order(3)
    void redeploysDoNotKeepEarlierCopiesOfTheApplication() throws Exception {
        awaitReady();
        // one redeploy first: the server's own caches fill at the first redeploy, not at later ones
        redeploy();
        long before = loadedClassesAfterGc();
        long logStart = Files.size(SERVER_LOG);
        for (int i = 0; i < REDEPLOYS; i++) {
            if (i == 1) {
                // disable and enable also stop and start the application
                require(asadmin(300, "--port", Integer.toString(ADMIN_PORT), "disable", "caravel"), "disable");
                require(asadmin(600, "--port", Integer.toString(ADMIN_PORT), "enable", "caravel"), "enable");
                awaitReady();
            } else {
                redeploy();
            }
        }
        long after = loadedClassesAfterGc();
        System.out.printf("EarDeploymentIT: loaded classes after GC %d before and %d after %d redeploys%n", before, after, REDEPLOYS);
        assertThat(after - before).as("classes kept by %d redeploys", REDEPLOYS).isLessThan(CLASS_TOLERANCE);

        String log = Files.readString(SERVER_LOG, StandardCharsets.UTF_8).substring((int) logStart);
        assertThat(log).contains("Workflow engine stopped", "Released at stop");
        assertThat(stackTraces(log)).as("stack traces logged while the application stopped and started").isEmpty();
    }

    /** Log records (JSON lines) of the stops and starts that carry a stack trace or are SEVERE. */
    private static List<String> stackTraces(String log) {
        List<String> found = new ArrayList<>();
        for (String line : log.split("\n")) {
            if (line.contains("\"StackTrace\"") || line.contains("\\tat ") || line.startsWith("\tat ")
                    || line.contains("\"Level\":\"SEVERE\"")) {
                found.add(line.length() > 600 ? line.substring(0, 600) : line);
            }
        }
        return found;
    }

    private static void redeploy() throws Exception {
        long start = System.nanoTime();
        require(asadmin(600, "--port", Integer.toString(ADMIN_PORT), "deploy", "--force=true", "--name", "caravel",
                EAR.toAbsolutePath().toString()), "deploy --force");
        awaitReady();
        System.out.printf("EarDeploymentIT: redeploy took %.1f s%n", (System.nanoTime() - start) / 1e9);
    }

    /** Classes loaded in the server JVM after a full GC (which unloads the classes of dropped class loaders). */
    private static long loadedClassesAfterGc() throws Exception {
        String pid = Files.readString(HOME.resolve("glassfish/domains/" + DOMAIN + "/config/pid")).trim();
        Path jcmd = Paths.get(System.getProperty("java.home"), "bin", "jcmd");
        for (int i = 0; i < 2; i++) {
            require(run(120, List.of(jcmd.toString(), pid, "GC.run")), "jcmd GC.run");
        }
        Process counters = new ProcessBuilder(jcmd.toString(), pid, "PerfCounter.print").redirectErrorStream(true).start();
        String text = new String(counters.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        counters.waitFor(60, TimeUnit.SECONDS);
        return counter(text, "java.cls.loadedClasses") + counter(text, "java.cls.sharedLoadedClasses")
                - counter(text, "java.cls.unloadedClasses") - counter(text, "java.cls.sharedUnloadedClasses");
    }

    private static long counter(String perfCounters, String name) {
        Matcher value = Pattern.compile("^" + Pattern.quote(name) + "=(\\d+)$", Pattern.MULTILINE).matcher(perfCounters);
        assertThat(value.find()).as("jcmd PerfCounter.print has " + name).isTrue();
        return Long.parseLong(value.group(1));
    }

    private static void awaitReady() throws Exception {
        HttpResponse<String> ready = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                ready = get("/health/ready", null);
                if (ready.statusCode() == 200) {
                    break;
                }
            } catch (IOException notYet) {
                // the listener is not up yet
            }
            Thread.sleep(500);
        }
        assertThat(ready).isNotNull();
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        assertThat(ready.body()).contains("\"workflowEngine\":\"UP\"", "\"database\":\"UP\"", "\"sanctionsList\":\"UP\"");
    }

    private static HttpResponse<String> get(String path, String user) throws IOException, InterruptedException {
        return send("GET", path, user, null);
    }

    private static HttpResponse<String> send(String method, String path, String user, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + HTTP_PORT + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void require(int exitCode, String step) {
        assertThat(exitCode).as(step + " exit code").isZero();
    }

    private static int asadmin(int timeoutSeconds, String... arguments) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(HOME.resolve("bin/asadmin").toString());
        command.addAll(List.of(arguments));
        return run(timeoutSeconds, command, true);
    }

    /** Runs a command with its output appended to target/ear-data/commands.log (printed when it fails). */
    private static int run(int timeoutSeconds, List<String> command) throws Exception {
        return run(timeoutSeconds, command, true);
    }

    private static int run(int timeoutSeconds, List<String> command, boolean showFailure) throws Exception {
        Path output = WORK.resolve("commands.log");
        long start = Files.exists(output) ? Files.size(output) : 0;
        Files.writeString(output, "$ " + String.join(" ", command) + "\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
        builder.environment().put("AS_JAVA", System.getProperty("java.home"));
        Process process = builder.start();
        int exit = process.waitFor(timeoutSeconds, TimeUnit.SECONDS) ? process.exitValue() : -1;
        if (exit != 0) {
            process.destroyForcibly();
        }
        if (exit != 0 && showFailure) {
            byte[] all = Files.readAllBytes(output);
            System.out.println(new String(all, (int) Math.min(start, all.length), all.length - (int) Math.min(start, all.length),
                    StandardCharsets.UTF_8));
        }
        return exit;
    }
}
