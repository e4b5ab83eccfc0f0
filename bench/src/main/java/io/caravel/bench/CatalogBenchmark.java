package io.caravel.bench;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;

/**
 * The public catalog under load: Payara Micro with the WAR and a catalog of N synthetic published
 * products (demo mode, {@code caravel.demo.catalog-size}), then fixed-length phases of GET requests
 * from a few client threads: a trivial endpoint (/health/live) as the baseline, a product by id
 * (with a buyer currency), a conditional GET answered 304, search by words, with filters, with facets
 * and sorted by price, browsing a category with facets, and two signed-in calls ({@code /api/v1/me}
 * as a buyer, the officer's inbox task list).
 * The phases run in turn for several rounds, so that drift of the shared machine hits them alike;
 * each phase's median round is printed next to the baseline's, as ratios, from the same run.
 */
public final class CatalogBenchmark {

    private static final String[] QUERIES = {"earbuds", "t-shirt", "running shoes", "mug", "puzzle", "handbag",
            "bottle", "yoga", "跑步鞋", "无线耳机", "premium earbuds", "eco mug", "陶瓷"};

    private static final String[] CATEGORIES = {"HOME", "ELECTRONICS", "APPAREL", "TOYS"};
    private static final String BUYER = basic("buyer");
    private static final String OFFICER = basic("officer");

    private CatalogBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int size = Integer.getInteger("bench.catalog.size", 100_000);
        int seconds = Integer.getInteger("bench.catalog.seconds", 10);
        int threads = Integer.getInteger("bench.catalog.threads", 4);
        int rounds = Integer.getInteger("bench.catalog.rounds", 3);
        try (LoadRun run = LoadRun.start(size)) {
            long seeding = System.nanoTime();
            run.awaitOk("/api/v1/catalog/products/" + productId(size - 1));
            System.out.printf("%nServer ready with %,d published products in %.0f s%n", size, (System.nanoTime() - seeding) / 1e9);
            String etag = run.client.send(run.get("/api/v1/catalog/products/" + productId(0) + "?currency=USD"),
                    HttpResponse.BodyHandlers.discarding()).headers().firstValue("ETag").orElseThrow();

            IntFunction<HttpRequest> trivial = i -> run.get("/health/live");
            // a second yardstick: Payara's health servlet looks its JSON provider up anew at every answer (ServiceLoader
            // through the class loaders), so /health/live is slower than the server's cheapest answer, a static file
            IntFunction<HttpRequest> staticFile = i -> run.get("/resources/caravel.css");
            IntFunction<HttpRequest> product = i -> run.get("/api/v1/catalog/products/" + productId(i % size) + "?currency=USD");
            IntFunction<HttpRequest> notModified = i -> run.request("/api/v1/catalog/products/" + productId(0) + "?currency=USD")
                    .header("If-None-Match", etag).build();
            IntFunction<HttpRequest> search = i -> run.get("/api/v1/catalog/products?limit=20&q="
                    + URLEncoder.encode(QUERIES[i % QUERIES.length], StandardCharsets.UTF_8));
            // a price floor of its own per request (1.000001 EUR, 1.000002 EUR, ...): the same words, but never a question
            // asked before, so no kept page answers it (the long tail of a storefront's searches)
            IntFunction<HttpRequest> unique = i -> run.get("/api/v1/catalog/products?limit=20&currency=EUR&minPrice="
                    + new java.math.BigDecimal(java.math.BigInteger.valueOf(1_000_000L + i % 999_999), 6) + "&q="
                    + URLEncoder.encode(QUERIES[i % QUERIES.length], StandardCharsets.UTF_8));
            IntFunction<HttpRequest> filtered = i -> run.get("/api/v1/catalog/products?limit=20&category="
                    + CATEGORIES[i % CATEGORIES.length] + "&minPrice=20&maxPrice=120&currency=EUR&q="
                    + URLEncoder.encode(QUERIES[i % QUERIES.length], StandardCharsets.UTF_8));
            IntFunction<HttpRequest> faceted = i -> run.get("/api/v1/catalog/products?limit=20&facets=true&currency=EUR"
                    + "&minPrice=10&sort=" + (i % 2 == 0 ? "relevance" : "price-asc") + "&q="
                    + URLEncoder.encode(QUERIES[i % QUERIES.length], StandardCharsets.UTF_8));
            IntFunction<HttpRequest> browse = i -> run.get("/api/v1/catalog/products?limit=20&facets=true&category="
                    + CATEGORIES[i % CATEGORIES.length]);
            IntFunction<HttpRequest> me = i -> run.request("/api/v1/me").header("Authorization", BUYER).build();
            IntFunction<HttpRequest> inbox = i -> run.request("/api/v1/tasks?limit=20").header("Authorization", OFFICER).build();

            List<String> names = List.of("GET /health/live (baseline)", "GET /resources/caravel.css (static file)",
                    "GET product by id, currency=USD",
                    "GET product, If-None-Match -> 304", "search q= (en/zh words)", "search q= + price floor, each one new (no kept page)",
                    "search q= + category + price range",
                    "search q= + price + facets, by relevance/price", "browse a category with facets (no words)",
                    "GET /api/v1/me as buyer (signed in)", "GET /api/v1/tasks (officer's inbox)");
            List<IntFunction<HttpRequest>> requests = List.of(trivial, staticFile, product, notModified, search, unique, filtered, faceted, browse, me, inbox);
            // -Dbench.catalog.only=inbox runs the baseline and the phases whose names contain the word (for profiling one)
            String only = System.getProperty("bench.catalog.only", "");
            List<Integer> chosen = java.util.stream.IntStream.range(0, names.size())
                    .filter(p -> p == 0 || names.get(p).contains(only)).boxed().toList();
            List<IntPredicate> operations = chosen.stream().map(requests::get)
                    .map(request -> (IntPredicate) i -> {
                        int status = run.status(request.apply(i));
                        return status == 200 || status == 304;
                    }).toList();
            List<LoadRun.Result> medians = run.rounds(chosen.stream().map(names::get).toList(), operations, threads, seconds, rounds);
            System.out.printf("%nCatalog benchmark: %,d published products, %d client threads, %d rounds of %d s per phase,"
                    + " same server and run; median of the rounds%n", size, threads, rounds, seconds);
            LoadRun.printHeader();
            medians.forEach(r -> LoadRun.print(r, medians.get(0)));
        }
    }

    private static String basic(String user) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }

    /** The id the demo catalog gives its i-th synthetic product. */
    static String productId(int i) {
        return String.format("00000000-demo-4000-8000-%012d", i);
    }
}
