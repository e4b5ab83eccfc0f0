package io.caravel.it;

import java.io.IOException;
import java.nio.file.Files;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The built WAR on a Payara Micro process of its own, started as run.sh starts it, for tests that
 * stop, kill or restart the server. The servers inherit the test's environment (the MariaDB pass sets
 * the data source there) and the options in {@code it.jvm.options}.
 */
final class ServerProcess implements AutoCloseable {

    final int port;
    final Path log;
    private final Process process;
    private final long readyNanos;

    private ServerProcess(int port, Path log, Process process, long readyNanos) {
        this.port = port;
        this.log = log;
        this.process = process;
        this.readyNanos = readyNanos;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * Payara Micro options of a server that forms no cluster: without the data grid (Hazelcast) at all,
     * as {@code ./run.sh} starts it (about 2 s sooner ready than {@code --nocluster}, which still starts it).
     */
    static final List<String> ALONE = List.of("--nohazelcast");

    /** Starts a server on {@code port} with its H2 files under {@code data} and waits until it is ready. */
    static ServerProcess start(int port, Path data, String label, String... extraOptions) throws Exception {
        return start(port, data, label, java.util.Map.of(), extraOptions);
    }

    /** The same with environment variables set for the server (e.g. another data source URL). */
    static ServerProcess start(int port, Path data, String label, java.util.Map<String, String> environment,
                               String... extraOptions) throws Exception {
        return start(port, data, label, environment, Arrays.asList(extraOptions), ALONE);
    }

    /**
     * The most general form: JVM options (before {@code -jar}) and Payara Micro options (after the
     * deployment; {@link #ALONE} unless the caller forms a cluster).
     */
    static ServerProcess start(int port, Path data, String label, java.util.Map<String, String> environment,
                               List<String> jvmOptions, List<String> microOptions) throws Exception {
        SharedServer.stopUnless(label);
        Path log = logOf(data, label);
        Process process = launch(port, data, log, environment, jvmOptions, microOptions);
        long started = System.nanoTime();
        Api api = new Api("http://localhost:" + port + "/");
        long deadline = started + Duration.ofSeconds(240).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro exited early; see " + log);
            }
            try {
                // ready, and the application mapped: Payara answers /health/ready a moment before it maps the WAR
                if (api.get("/health/ready", null).status() == 200
                        && api.get("/api/v1/catalog/products?limit=1", null).status() == 200) {
                    long ready = System.nanoTime();
                    System.out.printf("%s: %s boot to ready in %.1f s%n", data.getFileName(), label, (ready - started) / 1e9);
                    return new ServerProcess(port, log, process, ready);
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        throw new IllegalStateException("Payara Micro not ready within 240 s; see " + log);
    }

    /**
     * Starts a server that must refuse to start the application: waits until its log says why
     * ({@code Caravel cannot start: ...}), checks it never became ready, stops it and answers the
     * reason. Environment values that are null are removed from the inherited environment.
     */
    static String refusal(int port, Path data, String label, java.util.Map<String, String> environment,
                          List<String> jvmOptions) throws Exception {
        SharedServer.stopUnless(label);
        Path log = logOf(data, label);
        Process process = launch(port, data, log, environment, jvmOptions, ALONE);
        Api api = new Api("http://localhost:" + port + "/");
        long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
        try {
            while (System.nanoTime() < deadline && process.isAlive()) {
                String text = Files.exists(log) ? Files.readString(log) : "";
                int at = text.indexOf("Caravel cannot start");
                if (at >= 0) {
                    Thread.sleep(2000); // the deployment has failed; give the listener a moment
                    int ready;
                    try {
                        ready = api.get("/health/ready", null).status();
                    } catch (RuntimeException notListening) {
                        ready = -1;
                    }
                    if (ready == 200) {
                        throw new AssertionError("the server became ready although it refused to start; see " + log);
                    }
                    int end = text.indexOf('"', at);
                    return text.substring(at, end < 0 ? text.length() : end);
                }
                Thread.sleep(500);
            }
            throw new AssertionError("the server did not say why it refused to start; see " + log);
        } finally {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static Path logOf(Path data, String label) {
        return data.resolveSibling(data.getFileName() + "-" + label + ".log");
    }

    private static Process launch(int port, Path data, Path log, java.util.Map<String, String> environment,
                                  List<String> jvmOptions, List<String> microOptions) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        for (String option : System.getProperty("it.jvm.options", "").trim().split("\\s+")) {
            if (!option.isEmpty() && !option.startsWith("-Dcaravel.data.dir=")) {
                command.add(option);
            }
        }
        command.add("-Dcaravel.data.dir=" + data.toAbsolutePath());
        command.addAll(jvmOptions);
        command.addAll(Arrays.asList("-jar", System.getProperty("payara.microJar", "target/payara-micro.jar"),
                "--deploy", System.getProperty("caravel.war", "target/caravel.war"), "--contextroot", "/",
                "--port", Integer.toString(port), "--disablephonehome",
                "--logproperties", Paths.get(System.getProperty("caravel.logging", "../etc/logging.properties"))
                        .toAbsolutePath().toString()));
        command.addAll(microOptions);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        environment.forEach((key, value) -> {
            if (value == null) {
                builder.environment().remove(key);
            } else {
                builder.environment().put(key, value);
            }
        });
        return builder.start();
    }

    Api api() {
        return new Api("http://localhost:" + port + "/");
    }

    /** When the server answered ready, in {@link System#nanoTime()}. */
    long readyNanos() {
        return readyNanos;
    }

    /** A hard crash: SIGKILL, no shutdown hooks, nothing flushed. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }
}
