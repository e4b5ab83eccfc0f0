package io.caravel.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The product as an operator runs it: the WAR on a Payara Micro process of its own, stopped and
 * started again. Data written before the restart is there after it, and redeploying the unchanged
 * process models at start-up creates no new versions. Prints the boot-to-ready time (not asserted).
 */
class RestartIT {

    @Test
    void dataSurvivesARestart() throws Exception {
        Path data = Paths.get(System.getProperty("caravel.it.dataDir", "target/it-data")).resolveSibling("restart-it-data");
        Files.createDirectories(data);
        int port = freePort();
        Api api = new Api("http://localhost:" + port + "/");
        String name = "restart-" + UUID.randomUUID().toString().substring(0, 8);
        String processesBefore;

        try (Server server = Server.start(port, data, "first")) {
            assertThat(api.post("/api/v1/admin/users", "admin", "{\"username\": \"" + name
                    + "\", \"password\": \"survives restarts\", \"displayName\": \"Restart probe\", \"roles\": [\"buyer\"]}")
                    .status()).isEqualTo(201);
            processesBefore = api.get("/api/v1/admin/processes", "admin").body();
            assertThat(processesBefore).contains("seller-onboarding");
        }
        try (Server server = Server.start(port, data, "second")) {
            Api.Response me = api.get("/api/v1/me", name + ":survives restarts");
            assertThat(me.status()).as(me.toString()).isEqualTo(200);
            assertThat(api.get("/api/v1/admin/processes", "admin").body()).isEqualTo(processesBefore);
            api.send("GET", "/api/v1/me", "admin", null, "X-Request-Id", "restart-" + name);
        }
        // the operator's log configuration writes JSON lines; request lines carry the request id as a field
        String log = Files.readString(data.resolveSibling("restart-it-second.log"));
        assertThat(log).containsPattern("\\{\"Timestamp\":.*\"LoggerName\":\"io.caravel.access\".*\"requestId\":\"restart-"
                + name + "\".*\"status\":\"200\"");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** One Payara Micro process running the built WAR, as run.sh starts it. */
    static final class Server implements AutoCloseable {

        private final Process process;

        private Server(Process process) {
            this.process = process;
        }

        static Server start(int port, Path data, String label) throws Exception {
            List<String> command = new ArrayList<>();
            command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
            for (String option : System.getProperty("it.jvm.options", "").trim().split("\\s+")) {
                if (!option.isEmpty() && !option.startsWith("-Dcaravel.data.dir=")) {
                    command.add(option);
                }
            }
            command.add("-Dcaravel.data.dir=" + data.toAbsolutePath());
            command.addAll(Arrays.asList("-jar", System.getProperty("payara.microJar", "target/payara-micro.jar"),
                    "--deploy", System.getProperty("caravel.war", "target/caravel.war"), "--contextroot", "/",
                    "--port", Integer.toString(port), "--nocluster", "--disablephonehome",
                    "--logproperties", Paths.get(System.getProperty("caravel.logging", "../etc/logging.properties"))
                            .toAbsolutePath().toString()));
            Path log = data.resolveSibling("restart-it-" + label + ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Server server = new Server(process);
            long started = System.nanoTime();
            Api api = new Api("http://localhost:" + port + "/");
            long deadline = started + Duration.ofSeconds(240).toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Payara Micro exited early; see " + log);
                }
                try {
                    if (api.get("/health/ready", null).status() == 200) {
                        System.out.printf("RestartIT: %s boot to ready in %.1f s%n", label,
                                (System.nanoTime() - started) / 1e9);
                        return server;
                    }
                } catch (RuntimeException notYet) {
                    // not listening yet
                }
                Thread.sleep(500);
            }
            server.close();
            throw new IllegalStateException("Payara Micro not ready within 240 s; see " + log);
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }
}
