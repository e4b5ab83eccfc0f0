package io.caravel.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
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
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Two Payara Micro nodes on one MariaDB database, as docs/operations.md runs them in production
 * (sessions replicated over Payara's data grid, bound to 127.0.0.1), started at the same moment on
 * an empty database, behind HAProxy configured as etc/cluster/haproxy.cfg (where haproxy is
 * installed; .ci/run installs it). A task claimed on one node is claimed on the other, the job executors run each
 * job once, a timer fires once, a signed-in page session works on either node, and a node killed
 * in the middle of work leaves nothing lost, stuck or doubled: the other node finishes its jobs when
 * their locks end and keeps its users signed in. Runs in the MariaDB pass (database
 * {@code caravel_cluster_it}, created empty by .ci/run); H2 cannot be shared by two processes.
 */
class ClusterIT {

    private static final String LISTINGS = "/api/v1/listings/";
    private static final Duration JOB_LOCK = Duration.ofSeconds(10);
    private static final Duration CHANGES_DUE = Duration.ofSeconds(20);

    @Test
    void twoNodesShareTheWorkAndOneCarriesOnWhenTheOtherDies() throws Exception {
        String url = System.getenv("CARAVEL_DS_URL");
        Assumptions.assumeTrue(url != null && url.startsWith("jdbc:mysql:"), "a database server (the MariaDB pass)");
        String clusterUrl = url.replaceFirst("/caravel_it\\?", "/caravel_cluster_it?");
        Path base = Paths.get(System.getProperty("caravel.it.dataDir", "target/it-data")).resolveSibling("cluster-it");
        Files.createDirectories(base);
        int[] ports = {ServerProcess.freePort(), ServerProcess.freePort()};
        int[] grid = {ServerProcess.freePort(), ServerProcess.freePort()};
        String members = "tcpip:127.0.0.1:" + grid[0] + ",127.0.0.1:" + grid[1];
        String cluster = "caravel-it-" + UUID.randomUUID().toString().substring(0, 8);

        List<CompletableFuture<ServerProcess>> starting = new ArrayList<>();
        for (int n = 0; n < 2; n++) {
            int node = n;
            starting.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return ServerProcess.start(ports[node], base.resolve("node" + (node + 1)), "node" + (node + 1),
                            Map.of("CARAVEL_DS_URL", clusterUrl, "CARAVEL_NODE_ID", "node-" + (node + 1)),
                            List.of("-Dhazelcast.socket.bind.any=false", "-Dcaravel.engine.job-lock-time=" + JOB_LOCK,
                                    "-Dcaravel.listing.changes-due=" + CHANGES_DUE),
                            List.of("--clustername", cluster, "--clustermode", members, "--startport",
                                    Integer.toString(grid[node]), "--interfaces", "127.0.0.1"));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        try (ServerProcess one = starting.get(0).join(); ServerProcess two = starting.get(1).join();
             Proxy proxy = Proxy.start(base, ports)) {
            Api first = one.api();
            Api second = two.api();

            // the data grid answers on 127.0.0.1 only, not on the machine's other addresses
            assertThat(reachable(InetAddress.getLoopbackAddress(), grid[0])).isTrue();
            for (InetAddress other : otherAddresses()) {
                assertThat(reachable(other, grid[0])).as("grid port on " + other).isFalse();
                assertThat(reachable(other, grid[1])).as("grid port on " + other).isFalse();
            }

            // both nodes came up together on an empty database, and the demo data exists once
            String users = second.get("/api/v1/admin/users?limit=100", "admin").body();
            assertThat(count(users, "\"username\":\"seller-a\"")).isEqualTo(1);
            String harbour = Applicant.awaitTask(first, "reviewApplication", Applicant.demoCase(first, "Harbour Logistics"), "officer");

            // a claim on one node is a claim on the other
            assertThat(first.post("/api/v1/tasks/" + harbour + "/claim", "officer", "").status()).isEqualTo(200);
            assertThat(second.get("/api/v1/tasks/" + harbour, "officer").json().getString("assignee")).isEqualTo("officer");
            assertThat(second.post("/api/v1/tasks/" + harbour + "/claim", "lead", "").status()).isEqualTo(409);

            // each job runs once, whichever node submitted it
            List<String> listings = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                listings.add(ListingFixtures.submitted(i % 2 == 0 ? first : second, "Cluster probe " + i + " " + UUID.randomUUID()));
            }
            for (String id : listings) {
                awaitStatus(second, id, "PUBLISHED", Duration.ofSeconds(90));
                assertRanOnce(first, id);
            }

            // each node's search index follows the catalog in the database, whichever node changed it
            for (Api node : List.of(first, second)) {
                awaitSearch(node, listings, List.of(), Duration.ofSeconds(10));
            }
            assertThat(second.post(LISTINGS + listings.get(0) + "/unpublish", "seller-a", "{}").status()).isEqualTo(200);
            awaitSearch(first, listings.subList(1, listings.size()), listings.subList(0, 1), Duration.ofSeconds(10));

            // webhook deliveries: both nodes send what is due, and each event reaches the receiver once
            try (WebhookReceiver receiver = new WebhookReceiver()) {
                Api.Response hook = first.post("/api/v1/webhooks", "seller-a", "{\"url\": \"" + receiver.url("/cluster")
                        + "\", \"events\": [\"listing.published\"]}");
                assertThat(hook.status()).as(hook.toString()).isEqualTo(201);
                String hookId = hook.json().getJsonObject("subscription").getString("id");
                List<String> events = new ArrayList<>();
                for (int i = 0; i < 12; i++) {
                    Api node = i % 2 == 0 ? first : second;
                    events.add(node.post("/api/v1/webhooks/" + hookId + "/ping", "seller-a", "").json().getString("eventId"));
                }
                receiver.await(r -> r.path().equals("/cluster"), events.size(), Duration.ofSeconds(60));
                Thread.sleep(3000);
                List<String> received = receiver.received(r -> r.path().equals("/cluster")).stream()
                        .map(r -> r.header("Caravel-Event-Id")).toList();
                assertThat(received).containsExactlyInAnyOrderElementsOf(events);
                assertThat(second.send("DELETE", "/api/v1/webhooks/" + hookId, "seller-a", null).status()).isEqualTo(204);
            }

            // a timer fires once: an officer asks for changes that never come
            String flagged = ListingFixtures.submitted(first, "Ivory cluster probe " + UUID.randomUUID());
            String review = Applicant.awaitTask(first, "reviewListing", flagged, "officer");
            assertThat(first.post("/api/v1/tasks/" + review + "/claim", "officer", "").status()).isEqualTo(200);
            assertThat(first.post("/api/v1/tasks/" + review + "/complete", "officer",
                    "{\"decision\": \"CHANGES_REQUIRED\", \"note\": \"keyword\", \"message\": \"Describe the material\"}").status())
                    .isEqualTo(200);

            // a page session made on one node works on the other
            HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
            signIn(browser, ports[0], "officer");
            assertThat(page(browser, ports[1], "inbox/index.xhtml").statusCode()).isEqualTo(200);
            HttpClient viaProxy = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
            if (proxy.running()) {
                signIn(viaProxy, proxy.port, "lead");
                assertThat(page(viaProxy, proxy.port, "inbox/index.xhtml").statusCode()).isEqualTo(200);
            }

            // node one dies with submissions in flight; node two finishes them when their locks end
            List<String> inFlight = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                inFlight.add(ListingFixtures.submitted(first, "Cluster crash probe " + i + " " + UUID.randomUUID()));
            }
            one.kill();
            long unfinished = inFlight.stream().filter(id -> !"PUBLISHED".equals(
                    second.get(LISTINGS + id, "seller-a").json().getString("status"))).count();
            for (String id : inFlight) {
                awaitStatus(second, id, "PUBLISHED", JOB_LOCK.plusSeconds(60));
                assertRanOnce(second, id);
            }
            assertThat(page(browser, ports[1], "inbox/index.xhtml").statusCode()).as("still signed in").isEqualTo(200);
            if (proxy.running()) {
                // the proxy notices the dead node by its health check and sends everyone to node two
                awaitPage(viaProxy, proxy.port, "inbox/index.xhtml", 200, Duration.ofSeconds(30));
                assertThat(new Api("http://localhost:" + proxy.port + "/").get("/health/ready", null).status()).isEqualTo(200);
            }

            long closed = 0;
            long deadline = System.nanoTime() + CHANGES_DUE.plusSeconds(60).toNanos();
            while (closed == 0 && System.nanoTime() < deadline) {
                Thread.sleep(1000);
                closed = history(second, flagged).stream().filter("LISTING_REVIEW_CLOSED"::equals).count();
            }
            Thread.sleep(5000); // a second firing would show by now
            assertThat(history(second, flagged).stream().filter("LISTING_REVIEW_CLOSED"::equals).count())
                    .as("the changes timer fired once").isEqualTo(1);
            System.out.printf("ClusterIT: 2 nodes%s, %d listings checked once each (%d of them unfinished when node 1 was"
                    + " killed), 1 timer fired once, the sessions carried over%n", proxy.running() ? " behind HAProxy" : "",
                    listings.size() + inFlight.size() + 1, unfinished);
        }
    }

    private static void awaitPage(HttpClient browser, int port, String path, int status, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        int last = -1;
        while (System.nanoTime() < deadline) {
            try {
                last = page(browser, port, path).statusCode();
            } catch (java.io.IOException refused) {
                last = -1;
            }
            if (last == status) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError(path + " through port " + port + " answered " + last + ", not " + status);
    }

    /**
     * HAProxy from Debian in front of both nodes, configured as etc/cluster/haproxy.cfg but on free
     * ports; not running where haproxy is not installed (the test then talks to the nodes only).
     */
    static final class Proxy implements AutoCloseable {

        final int port;
        private final Process process;

        private Proxy(int port, Process process) {
            this.port = port;
            this.process = process;
        }

        static Proxy start(Path base, int[] nodes) throws Exception {
            Path binary = Paths.get("/usr/sbin/haproxy");
            if (!Files.isExecutable(binary)) {
                System.out.println("ClusterIT: haproxy is not installed; the proxy leg is left out");
                return new Proxy(-1, null);
            }
            int port = ServerProcess.freePort();
            String template = Files.readString(Paths.get(System.getProperty("caravel.cluster.proxy",
                    "../etc/cluster/haproxy.cfg")));
            String config = template.replace("bind 127.0.0.1:8280", "bind 127.0.0.1:" + port)
                    .replace("127.0.0.1:8281", "127.0.0.1:" + nodes[0]).replace("127.0.0.1:8282", "127.0.0.1:" + nodes[1])
                    .replace("log stdout format raw local0", "");
            assertThat(config).contains("127.0.0.1:" + nodes[0], "127.0.0.1:" + nodes[1], "bind 127.0.0.1:" + port);
            Path file = base.resolve("haproxy.cfg");
            Files.writeString(file, config);
            Process process = new ProcessBuilder(binary.toString(), "-f", file.toString(), "-db").redirectErrorStream(true)
                    .redirectOutput(base.resolve("haproxy.log").toFile()).start();
            Proxy proxy = new Proxy(port, process);
            Api api = new Api("http://localhost:" + port + "/");
            for (int i = 0; i < 60; i++) {
                try {
                    if (api.get("/health/ready", null).status() == 200) {
                        return proxy;
                    }
                } catch (RuntimeException notYet) {
                    // not listening yet
                }
                Thread.sleep(500);
            }
            proxy.close();
            throw new IllegalStateException("haproxy did not route to the nodes; see " + base.resolve("haproxy.log"));
        }

        boolean running() {
            return process != null;
        }

        @Override
        public void close() throws InterruptedException {
            if (process != null) {
                process.destroy();
                process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
            }
        }
    }

    /** Waits until a search for the cluster probes on {@code node} finds every one of {@code present} and none of {@code absent}. */
    private static void awaitSearch(Api node, List<String> present, List<String> absent, Duration within)
            throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        List<String> found = List.of();
        while (System.nanoTime() < deadline) {
            found = node.get("/api/v1/catalog/products?q=cluster+probe&limit=200", null).json().getJsonArray("items")
                    .getValuesAs(jakarta.json.JsonObject.class).stream().map(p -> p.getString("id")).toList();
            if (found.containsAll(present) && absent.stream().noneMatch(found::contains)) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the search on " + node + " found " + found + ", not all of " + present + " or some of "
                + absent);
    }

    private static void awaitStatus(Api api, String id, String status, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        String last = null;
        while (System.nanoTime() < deadline) {
            last = api.get(LISTINGS + id, "seller-a").json().getString("status");
            if (status.equals(last)) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("listing " + id + " is " + last + ", not " + status);
    }

    private static void assertRanOnce(Api api, String id) {
        List<String> actions = history(api, id);
        assertThat(actions.stream().filter("LISTING_CHECKED"::equals).count()).as("checked once: " + actions).isEqualTo(1);
        assertThat(actions.stream().filter("LISTING_PUBLISHED"::equals).count()).as("published once: " + actions).isEqualTo(1);
    }

    private static List<String> history(Api api, String id) {
        List<String> actions = new ArrayList<>();
        for (JsonValue entry : api.get(LISTINGS + id + "/history", "admin").structure().asJsonArray()) {
            actions.add(entry.asJsonObject().getString("action"));
        }
        return actions;
    }

    private static void signIn(HttpClient browser, int port, String user) throws Exception {
        HttpResponse<String> form = page(browser, port, "login.xhtml");
        Matcher state = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"").matcher(form.body());
        assertThat(state.find()).isTrue();
        String body = "login=login&login%3Ausername=" + user + "&login%3Apassword=demo&login%3Asubmit="
                + "&jakarta.faces.ViewState=" + URLEncoder.encode(state.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> posted = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).isEqualTo(302);
        assertThat(posted.headers().firstValue("Location").orElse("")).doesNotContain("login.xhtml");
    }

    private static HttpResponse<String> page(HttpClient browser, int port, String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/" + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static boolean reachable(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2000);
            return true;
        } catch (java.io.IOException refused) {
            return false;
        }
    }

    /** This machine's addresses other than loopback (none on a machine without a network). */
    private static List<InetAddress> otherAddresses() throws java.net.SocketException {
        List<InetAddress> addresses = new ArrayList<>();
        for (NetworkInterface network : java.util.Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress address : java.util.Collections.list(network.getInetAddresses())) {
                if (!address.isLoopbackAddress() && address instanceof java.net.Inet4Address) {
                    addresses.add(address);
                }
            }
        }
        return addresses;
    }

    private static long count(String text, String part) {
        return Pattern.compile(Pattern.quote(part)).matcher(text).results().count();
    }
}
