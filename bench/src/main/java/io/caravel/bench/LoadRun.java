package io.caravel.bench;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;

/**
 * What the HTTP benchmarks share: a Payara Micro with the built WAR in demo mode on a free port, and
 * fixed-length phases of requests from client threads on the same machine, each reported with its
 * throughput, p50 and p99 and as ratios to a baseline phase of the same run.
 */
final class LoadRun implements AutoCloseable {

    /** One phase's figures. */
    record Result(String name, double throughput, double p50, double p99, long errors) {
    }

    final String base;
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Process server;

    private LoadRun(String base, Process server) {
        this.base = base;
        this.server = server;
    }

    /** Starts the server in demo mode with {@code catalogSize} synthetic products and the given system properties. */
    static LoadRun start(int catalogSize, String... properties) throws Exception {
        // -Dbench.data.dir=/some/folder keeps the data for a later run (its second start skips the seeding)
        String kept = System.getProperty("bench.data.dir", "");
        Path data = kept.isBlank() ? Files.createTempDirectory("caravel-bench") : Files.createDirectories(Paths.get(kept));
        return start(data, catalogSize, properties);
    }

    /** The command that starts Payara Micro with the WAR in demo mode on {@code port}, its data in {@code data}. */
    static List<String> serverCommand(Path data, int port, String... properties) {
        String shared = System.getProperty("caravel.shared.dir", "../shared");
        List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dcaravel.data.dir=" + data, "-Dcaravel.demo.enabled=true",
                "-Dcaravel.screening.ofac-dir=" + Paths.get(shared, "data/sanctions/ofac").toAbsolutePath()));
        command.addAll(List.of(properties));
        // extra JVM options for the server, e.g. a flight recording: -Dbench.server.options="-XX:StartFlightRecording=..."
        String extra = System.getProperty("bench.server.options", "").trim();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.addAll(List.of("-jar", System.getProperty("payara.microJar", "../web/target/payara-micro.jar"),
                "--deploy", System.getProperty("caravel.war", "../web/target/caravel.war"), "--contextroot", "/",
                "--port", Integer.toString(port), "--nohazelcast", "--disablephonehome"));
        return command;
    }

    /** The same on a given data folder (a second start on it finds its database and search index). */
    static LoadRun start(Path data, int catalogSize, String... properties) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> options = new ArrayList<>(List.of("-Dcaravel.demo.catalog-size=" + catalogSize));
        options.addAll(List.of(properties));
        List<String> command = serverCommand(data, port, options.toArray(String[]::new));
        Process server = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve("server.log").toFile())).start();
        return new LoadRun("http://localhost:" + port, server);
    }

    /**
     * {@code ./run.sh} as a newcomer starts it, on a free port and the data folder {@code data}: its runtime
     * unpacked into that folder, a class-data archive written at its first stop and used by later starts.
     */
    static LoadRun script(Path data) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path script = Files.exists(Path.of("run.sh")) ? Path.of("run.sh") : Path.of("../run.sh");
        ProcessBuilder builder = new ProcessBuilder("bash", script.toAbsolutePath().toString());
        builder.environment().put("CARAVEL_PORT", Integer.toString(port));
        builder.environment().put("CARAVEL_DATA_DIR", data.toAbsolutePath().toString());
        builder.environment().put("CARAVEL_LOG_FORMAT", "json");
        // the same Java as the plain start (the benchmark's own), whatever the PATH says
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        // run.sh ends in exec java: the process is the server, its pid the JVM's
        Process server = builder.redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve("server.log").toFile())).start();
        return new LoadRun("http://localhost:" + port, server);
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
    }

    HttpRequest get(String path) {
        return request(path).build();
    }

    /** The status of a request, or -1 when it could not be sent. */
    int status(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    /** Waits until {@code path} answers 200 (the server started and seeded its demo data). */
    void awaitOk(String path) throws Exception {
        for (int i = 0; i < 1200; i++) {
            if (!server.isAlive()) {
                throw new IllegalStateException("Payara Micro exited; see its server.log");
            }
            if (status(get(path)) == 200) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(path + " did not answer in time");
    }

    /** Waits until {@code /health/ready} and the catalog answer 200, looking every 100 ms. */
    void awaitReady() throws Exception {
        for (int i = 0; i < 3000; i++) {
            if (!server.isAlive()) {
                throw new IllegalStateException("Payara Micro exited; see its server.log");
            }
            // ready, and the application mapped (Payara answers /health/ready a moment before it maps the WAR)
            if (status(get("/health/ready")) == 200 && status(get("/api/v1/catalog/products?limit=1")) == 200) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("not ready in time");
    }

    /** The server process's resident memory in KiB (Linux). */
    long rssKiB() throws java.io.IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + server.pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    /** Runs {@code operation} (true: it succeeded) from {@code threads} threads for {@code seconds}; a failure fails the run. */
    Result phase(String name, IntPredicate operation, int threads, int seconds) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<List<Double>> latencies = new ArrayList<>();
        long[] errors = new long[threads];
        List<Thread> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            List<Double> mine = new ArrayList<>();
            latencies.add(mine);
            int worker = t;
            Thread thread = new Thread(() -> {
                while (System.nanoTime() < end) {
                    int i = ThreadLocalRandom.current().nextInt(1_000_000);
                    long one = System.nanoTime();
                    if (!operation.test(i)) {
                        errors[worker]++;
                    }
                    mine.add((System.nanoTime() - one) / 1e6);
                }
            });
            workers.add(thread);
            thread.start();
        }
        for (Thread thread : workers) {
            thread.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        List<Double> all = new ArrayList<>();
        latencies.forEach(all::addAll);
        all.sort(Double::compare);
        long failed = 0;
        for (long e : errors) {
            failed += e;
        }
        if (failed > 0) {
            throw new IllegalStateException(name + ": " + failed + " requests failed");
        }
        return new Result(name, all.size() / elapsed, all.get(all.size() / 2),
                all.get(Math.min(all.size() - 1, (int) Math.ceil(all.size() * 0.99) - 1)), failed);
    }

    /** Every phase in turn for {@code rounds} rounds (drift of the shared machine hits them alike); the median round of each. */
    List<Result> rounds(List<String> names, List<IntPredicate> operations, int threads, int seconds, int rounds)
            throws InterruptedException {
        for (IntPredicate operation : operations) {
            phase("warm-up", operation, threads, 15);
        }
        List<List<Result>> all = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            List<Result> one = new ArrayList<>();
            for (int k = 0; k < operations.size(); k++) {
                one.add(phase(names.get(k), operations.get(k), threads, seconds));
            }
            all.add(one);
        }
        List<Result> medians = new ArrayList<>();
        for (int k = 0; k < operations.size(); k++) {
            int phase = k;
            List<Result> sorted = new ArrayList<>(all.stream().map(r -> r.get(phase)).toList());
            sorted.sort(Comparator.comparingDouble(Result::throughput));
            medians.add(sorted.get(sorted.size() / 2));
        }
        System.out.printf("  baseline req/s per round: %s%n",
                all.stream().map(r -> String.format("%.0f", r.get(0).throughput())).toList());
        return medians;
    }

    static void printHeader() {
        System.out.printf("  %-54s %10s %9s %9s %12s %12s%n", "phase", "req/s", "p50 ms", "p99 ms", "req/s ratio", "p99 ratio");
    }

    static void print(Result r, Result baseline) {
        System.out.printf("  %-54s %10.0f %9.1f %9.1f %12.2f %12.1f%n", r.name(), r.throughput(), r.p50(), r.p99(),
                r.throughput() / baseline.throughput(), r.p99() / baseline.p99());
    }

    @Override
    public void close() throws InterruptedException {
        server.destroy();
        server.waitFor(60, TimeUnit.SECONDS);
    }
}
