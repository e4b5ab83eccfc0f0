package io.caravel.bench;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checkout under load: quotes (landed cost by the tariff rules, FX, stock location) and orders (a
 * quote turned into an order with an Idempotency-Key: stock taken, payment opened) as the demo buyer,
 * next to the trivial endpoint, the public product GET and a signed-in GET /me (what authentication
 * alone costs) in the same run. Phases run in turn for several rounds; the median round is printed
 * with ratios to the trivial endpoint.
 */
public final class CheckoutBenchmark {

    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    private static final Pattern STOCK = Pattern.compile("\"stock\":([0-9]+)");
    private static final String BUYER = "Basic " + Base64.getEncoder().encodeToString("buyer:demo".getBytes(StandardCharsets.UTF_8));

    private CheckoutBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int size = Integer.getInteger("bench.checkout.catalog-size", 2_000);
        int seconds = Integer.getInteger("bench.checkout.seconds", 10);
        int threads = Integer.getInteger("bench.checkout.threads", 4);
        int rounds = Integer.getInteger("bench.checkout.rounds", 3);
        try (LoadRun run = LoadRun.start(size)) {
            run.awaitOk("/api/v1/catalog/products/" + CatalogBenchmark.productId(size - 1));
            List<String> stocked = new ArrayList<>();
            for (int i = 0; i < size && stocked.size() < 500; i++) {
                String id = CatalogBenchmark.productId(i);
                Matcher stock = STOCK.matcher(body(run, run.get("/api/v1/catalog/products/" + id)));
                if (stock.find() && Integer.parseInt(stock.group(1)) >= 100) {
                    stocked.add(id);
                }
            }
            System.out.printf("%nServer ready with %,d published products; %d with 100 or more in stock are ordered%n",
                    size, stocked.size());

            IntPredicate trivial = i -> run.status(run.get("/health/live")) == 200;
            IntPredicate product = i -> run.status(run.get("/api/v1/catalog/products/" + stocked.get(i % stocked.size())
                    + "?currency=EUR")) == 200;
            IntPredicate me = i -> run.status(run.request("/api/v1/me").header("Authorization", BUYER).build()) == 200;
            IntPredicate quote = i -> quote(run, stocked.get(i % stocked.size())) != null;
            IntPredicate order = i -> {
                String id = quote(run, stocked.get(i % stocked.size()));
                return id != null && run.status(run.request("/api/v1/orders").header("Authorization", BUYER)
                        .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                        .POST(HttpRequest.BodyPublishers.ofString("{\"quoteId\":\"" + id + "\",\"consignee\":{\"name\":\"Bench Buyer\","
                                + "\"address\":\"Hafenstrasse 1\",\"city\":\"Hamburg\",\"postcode\":\"20457\"}}")).build()) == 201;
            };
            List<String> names = List.of("GET /health/live (baseline)", "GET product by id (public)",
                    "GET /me as buyer (authentication only)", "POST checkout quote", "POST quote then POST order");
            List<LoadRun.Result> medians = run.rounds(names, List.of(trivial, product, me, quote, order), threads, seconds, rounds);
            System.out.printf("%nCheckout benchmark: %,d products, %d client threads, %d rounds of %d s per phase, same server"
                    + " and run; median of the rounds. Orders per second = the last phase's req/s%n", size, threads, rounds, seconds);
            LoadRun.printHeader();
            medians.forEach(r -> LoadRun.print(r, medians.get(0)));
        }
    }

    /** Quotes one unit of a product to Germany; answers the quote id, or null when refused. */
    private static String quote(LoadRun run, String productId) {
        HttpRequest request = run.request("/api/v1/checkout/quotes").header("Authorization", BUYER)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"lines\":[{\"productId\":\"" + productId + "\",\"quantity\":1}],"
                        + "\"destinationCountry\":\"DE\",\"shippingMethod\":\"STANDARD\",\"currency\":\"EUR\"}")).build();
        try {
            HttpResponse<String> response = run.client.send(request, HttpResponse.BodyHandlers.ofString());
            Matcher id = ID.matcher(response.body());
            return response.statusCode() == 201 && id.find() ? id.group(1) : null;
        } catch (Exception e) {
            return null;
        }
    }

    private static String body(LoadRun run, HttpRequest request) throws Exception {
        return run.client.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }
}
