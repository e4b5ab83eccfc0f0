package io.caravel.bench;

import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * The public catalog under load: Payara Micro with the WAR and a catalog of N synthetic published
 * products (demo mode, {@code caravel.demo.catalog-size}), then fixed-length phases of GET requests
 * from a few client threads: a trivial endpoint (/health/live) as the baseline, a product by id
 * (with a buyer currency), a conditional GET answered 304, full-text search and a filtered search.
 * The phases run in turn for several rounds, so that drift of the shared machine hits them alike;
 * each phase's median round is printed next to the baseline's, as ratios, from the same run.
 */
public final class CatalogBenchmark {

    private static final String[] QUERIES = {"earbuds", "t-shirt", "running shoes", "mug", "puzzle", "handbag",
            "bottle", "yoga", "跑步鞋", "无线耳机", "premium earbuds", "eco mug", "陶瓷"};

    private static final int ROUNDS = Integer.getInteger("bench.catalog.rounds", 3);

    private CatalogBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int size = Integer.getInteger("bench.catalog.size", 10_000);
        int seconds = Integer.getInteger("bench.catalog.seconds", 10);
        int threads = Integer.getInteger("bench.catalog.threads", 4);
        Path data = Files.createTempDirectory("caravel-catalog-bench");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String shared = System.getProperty("caravel.shared.dir", "../shared");
        List<String> command = List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dcaravel.data.dir=" + data, "-Dcaravel.demo.enabled=true", "-Dcaravel.demo.catalog-size=" + size,
                "-Dcaravel.screening.ofac-dir=" + Paths.get(shared, "data/sanctions/ofac").toAbsolutePath(),
                "-jar", System.getProperty("payara.microJar", "../web/target/payara-micro.jar"),
                "--deploy", System.getProperty("caravel.war", "../web/target/caravel.war"), "--contextroot", "/",
                "--port", Integer.toString(port), "--nocluster", "--disablephonehome");
        Process server = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(data.resolve("server.log").toFile()).start();
        String base = "http://localhost:" + port;
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        try {
            long seeding = System.nanoTime();
            awaitProduct(client, server, base + "/api/v1/catalog/products/" + productId(size - 1));
            System.out.printf("%nServer ready with %,d published products in %.0f s%n", size, (System.nanoTime() - seeding) / 1e9);
            String etag = client.send(get(base + "/api/v1/catalog/products/" + productId(0) + "?currency=USD"),
                    HttpResponse.BodyHandlers.discarding()).headers().firstValue("ETag").orElseThrow();

            IntFunction<HttpRequest> trivial = i -> get(base + "/health/live");
            IntFunction<HttpRequest> product = i -> get(base + "/api/v1/catalog/products/" + productId(i % size) + "?currency=USD");
            IntFunction<HttpRequest> notModified = i -> HttpRequest.newBuilder(URI.create(base + "/api/v1/catalog/products/"
                    + productId(0) + "?currency=USD")).header("If-None-Match", etag).build();
            IntFunction<HttpRequest> search = i -> get(base + "/api/v1/catalog/products?limit=20&q="
                    + URLEncoder.encode(QUERIES[i % QUERIES.length], StandardCharsets.UTF_8));
            IntFunction<HttpRequest> filtered = i -> get(base + "/api/v1/catalog/products?limit=20&category=HOME"
                    + "&minPrice=20&maxPrice=120&currency=EUR&q=" + URLEncoder.encode(QUERIES[i % 4], StandardCharsets.UTF_8));

            List<String> names = List.of("GET /health/live (baseline)", "GET product by id, currency=USD",
                    "GET product, If-None-Match -> 304", "search q= (en/zh words)", "search q= + category + price range");
            List<IntFunction<HttpRequest>> kinds = List.of(trivial, product, notModified, search, filtered);
            for (int k = 0; k < kinds.size(); k++) {
                phase(client, "warm-up", kinds.get(k), threads, 15);
            }
            // rounds of every phase in turn, so that drift of the shared machine hits them alike
            List<List<Result>> rounds = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                List<Result> one = new ArrayList<>();
                for (int k = 0; k < kinds.size(); k++) {
                    one.add(phase(client, names.get(k), kinds.get(k), threads, seconds));
                }
                rounds.add(one);
            }
            System.out.printf("%nCatalog benchmark: %,d published products, %d client threads, %d rounds of %d s per phase,"
                    + " same server and run; median of the rounds%n", size, threads, ROUNDS, seconds);
            System.out.printf("  %-40s %10s %9s %9s %12s %12s%n", "phase", "req/s", "p50 ms", "p99 ms", "req/s ratio", "p99 ratio");
            List<Result> medians = new ArrayList<>();
            for (int k = 0; k < kinds.size(); k++) {
                int phase = k;
                medians.add(median(rounds.stream().map(r -> r.get(phase)).toList()));
            }
            medians.forEach(r -> print(r, medians.get(0)));
            System.out.printf("  baseline req/s per round: %s%n",
                    rounds.stream().map(r -> String.format("%.0f", r.get(0).throughput())).toList());
        } finally {
            server.destroy();
            server.waitFor(60, TimeUnit.SECONDS);
        }
    }

    /** The id the demo catalog gives its i-th synthetic product. */
    static String productId(int i) {
        return String.format("00000000-demo-4000-8000-%012d", i);
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build();
    }

    private static void awaitProduct(HttpClient client, Process server, String url) throws Exception {
        for (int i = 0; i < 1200; i++) {
            if (!server.isAlive()) {
                throw new IllegalStateException("Payara Micro exited; see its server.log");
            }
            try {
                if (client.send(get(url), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the catalog was not seeded in time");
    }

    private record Result(String name, double throughput, double p50, double p99, long errors) {
    }

    /** Runs requests from {@code threads} threads for {@code seconds}; every answer must be 200 or 304. */
    private static Result phase(HttpClient client, String name, IntFunction<HttpRequest> requests, int threads, int seconds)
            throws InterruptedException {
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
                    try {
                        int status = client.send(requests.apply(i), HttpResponse.BodyHandlers.discarding()).statusCode();
                        if (status != 200 && status != 304) {
                            errors[worker]++;
                        }
                    } catch (Exception e) {
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

    /** The round with the median throughput of a phase. */
    private static Result median(List<Result> rounds) {
        List<Result> sorted = new ArrayList<>(rounds);
        sorted.sort(java.util.Comparator.comparingDouble(Result::throughput));
        return sorted.get(sorted.size() / 2);
    }

    private static void print(Result r, Result baseline) {
        System.out.printf("  %-40s %10.0f %9.1f %9.1f %12.2f %12.1f%n", r.name(), r.throughput(), r.p50(), r.p99(),
                r.throughput() / baseline.throughput(), r.p99() / baseline.p99());
    }
}
