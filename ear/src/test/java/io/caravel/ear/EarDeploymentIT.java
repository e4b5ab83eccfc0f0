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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The EAR on Payara Server 6 as IT deploys it: a new domain (port base 28000), {@code asadmin
 * start-domain}, {@code asadmin deploy}, wait for {@code /health/ready}, use the API, stop the domain.
 */
class EarDeploymentIT {

    private static final String DOMAIN = "caravel-it";
    private static final int ADMIN_PORT = 28048;
    private static final int HTTP_PORT = 28080;

    private static final Path HOME = Paths.get(System.getProperty("payara.home", "target/payara-server/payara6"));
    private static final Path EAR = Paths.get(System.getProperty("caravel.ear", "target/caravel.ear"));
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void deploy() throws Exception {
        Path data = Paths.get(System.getProperty("caravel.ear.dataDir", "target/ear-data")).toAbsolutePath();
        Files.createDirectories(data);
        asadmin(120, "delete-domain", DOMAIN);
        require(asadmin(180, "create-domain", "--nopassword", "--portbase", "28000", DOMAIN), "create-domain");
        long start = System.nanoTime();
        require(asadmin(300, "start-domain", DOMAIN), "start-domain");
        System.out.printf("EarDeploymentIT: start-domain took %.1f s%n", (System.nanoTime() - start) / 1e9);
        start = System.nanoTime();
        require(asadmin(600, "--port", Integer.toString(ADMIN_PORT), "deploy", "--name", "caravel",
                EAR.toAbsolutePath().toString()), "deploy");
        System.out.printf("EarDeploymentIT: deploy took %.1f s%n", (System.nanoTime() - start) / 1e9);
    }

    @AfterAll
    static void stop() throws Exception {
        asadmin(120, "stop-domain", DOMAIN);
    }

    @Test
    void theEarBecomesReadyAndServesTheApi() throws Exception {
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
            Thread.sleep(1000);
        }
        assertThat(ready).isNotNull();
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        assertThat(ready.body()).contains("\"workflowEngine\":\"UP\"", "\"database\":\"UP\"", "\"sanctionsList\":\"UP\"");

        HttpResponse<String> me = get("/api/v1/me", "admin:demo");
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(me.body()).contains("\"username\":\"admin\"");

        HttpResponse<String> anonymous = get("/api/v1/me", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");

        HttpResponse<String> login = get("/login.xhtml", null);
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("login:username");
    }

    private static HttpResponse<String> get(String path, String user) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + HTTP_PORT + path))
                .timeout(Duration.ofSeconds(30));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void require(int exitCode, String step) {
        assertThat(exitCode).as("asadmin " + step + " exit code").isZero();
    }

    /** Runs asadmin with the demo configuration in its environment (start-domain passes it on to the server). */
    private static int asadmin(int timeoutSeconds, String... arguments) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(HOME.resolve("bin/asadmin").toString());
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().put("CARAVEL_DATA_DIR",
                Paths.get(System.getProperty("caravel.ear.dataDir", "target/ear-data")).toAbsolutePath().toString());
        builder.environment().put("CARAVEL_DEMO_ENABLED", "true");
        builder.environment().put("CARAVEL_SCREENING_OFAC_DIR", System.getProperty("caravel.ofacDir"));
        builder.environment().put("AS_JAVA", System.getProperty("java.home"));
        Process process = builder.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }
}
