package io.caravel.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A hard crash ({@code kill -9}) of a server that is busy writing: every write that was answered is
 * there after the restart (the listing, its audit entry, its workflow), and work that was in flight —
 * a submitted listing whose asynchronous checks had not run — resumes right after the restart, not
 * after the job lock expires, and runs once. Runs on H2 in the first pass and on MariaDB in the
 * second (the servers inherit the data source from the environment). On MariaDB, the database also
 * goes away and comes back: readiness and writes answer 503 meanwhile, and nothing is half done.
 */
class CrashIT {

    private static final String LISTINGS = "/api/v1/listings/";
    private static final Duration RESUME_BOUND = Duration.ofSeconds(60); // the job lock lasts 5 minutes

    @Test
    void answeredWritesSurviveAKillAndWorkInFlightResumesAtOnceAndOnlyOnce() throws Exception {
        Path data = Paths.get(System.getProperty("caravel.it.dataDir", "target/it-data")).resolveSibling("crash-it-data");
        int port = ServerProcess.freePort();
        String run = UUID.randomUUID().toString().substring(0, 8);
        Queue<String> created = new ConcurrentLinkedQueue<>();
        Queue<String> submitted = new ConcurrentLinkedQueue<>();

        try (ServerProcess server = ServerProcess.start(port, data, "before")) {
            Api api = server.api();
            AtomicBoolean writing = new AtomicBoolean(true);
            ExecutorService writers = Executors.newFixedThreadPool(4);
            for (int w = 0; w < 4; w++) {
                int writer = w;
                writers.submit(() -> {
                    for (int i = 0; writing.get(); i++) {
                        try {
                            Api.Response draft = api.post(LISTINGS, "seller-a", ListingFixtures.body("Crash probe " + run + " " + writer + "-" + i));
                            if (draft.status() != 201) {
                                continue;
                            }
                            String id = draft.json().getString("id");
                            created.add(id);
                            if (i % 2 == 0 && api.sendBytes(LISTINGS + id + "/images?fileName=front.png", "seller-a", ListingFixtures.PNG).status() == 201
                                    && api.post(LISTINGS + id + "/submit", "seller-a", "").status() == 200) {
                                submitted.add(id);
                            }
                        } catch (RuntimeException serverGone) {
                            // the kill: requests in flight get no answer, and nothing is claimed for them
                        }
                    }
                });
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (submitted.size() < 12 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            server.kill(); // while the writers are still writing
            writing.set(false);
            writers.shutdown();
            assertThat(writers.awaitTermination(120, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(submitted).as("submissions answered before the kill").hasSizeGreaterThanOrEqualTo(12);

        try (ServerProcess server = ServerProcess.start(port, data, "after")) {
            Api api = server.api();
            List<String> lost = new ArrayList<>();
            for (String id : created) {
                Api.Response listing = api.get(LISTINGS + id, "seller-a");
                if (listing.status() != 200) {
                    lost.add(id);
                } else if (!history(api, id).contains("LISTING_CREATED")) {
                    lost.add(id + " (audit entry)");
                }
            }
            assertThat(lost).as("answered creates lost of " + created.size()).isEmpty();

            long resumeDeadline = server.readyNanos() + RESUME_BOUND.toNanos();
            for (String id : submitted) {
                JsonObject listing = api.get(LISTINGS + id, "seller-a").json();
                while (!"PUBLISHED".equals(listing.getString("status")) && System.nanoTime() < resumeDeadline) {
                    Thread.sleep(250);
                    listing = api.get(LISTINGS + id, "seller-a").json();
                }
                assertThat(listing.getString("status")).as("listing %s after the restart", id).isEqualTo("PUBLISHED");
                List<String> actions = history(api, id);
                assertThat(actions).as("history of " + id).contains("LISTING_SUBMITTED");
                assertThat(actions.stream().filter("LISTING_PUBLISHED"::equals).count()).as("published once: " + actions).isEqualTo(1);
                assertThat(actions.stream().filter("LISTING_CHECKED"::equals).count()).as("checked once: " + actions).isEqualTo(1);
            }
            System.out.printf("CrashIT: %d creates and %d submissions answered before kill -9; 0 lost; in-flight checks done %.1f s after ready%n",
                    created.size(), submitted.size(), (System.nanoTime() - server.readyNanos()) / 1e9);
        }
    }

    @Test
    void aDatabaseOutageAnswers503UntilItIsBackAndLeavesNothingHalfDone() throws Exception {
        String url = System.getenv("CARAVEL_DS_URL");
        Assumptions.assumeTrue(url != null && url.startsWith("jdbc:mysql:"), "a database server (the MariaDB pass)");
        Matcher address = Pattern.compile("//([^:/]+):(\\d+)/").matcher(url);
        assertThat(address.find()).as(url).isTrue();
        Path data = Paths.get(System.getProperty("caravel.it.dataDir", "target/it-data")).resolveSibling("outage-it-data");
        String run = UUID.randomUUID().toString().substring(0, 8);
        try (TcpRelay relay = TcpRelay.start(address.group(1), Integer.parseInt(address.group(2)));
             ServerProcess server = ServerProcess.start(ServerProcess.freePort(), data, "outage",
                     Map.of("CARAVEL_DS_URL", url.replace(address.group(1) + ":" + address.group(2), "127.0.0.1:" + relay.port())))) {
            Api api = server.api();
            assertThat(api.post(LISTINGS, "seller-a", ListingFixtures.body("Outage before " + run)).status()).isEqualTo(201);

            relay.cut();
            awaitReadiness(api, 503);
            List<Integer> refused = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                refused.add(api.post(LISTINGS, "seller-a", ListingFixtures.body("Outage refused " + run + " " + i)).status());
            }
            assertThat(refused).as("writes while the database is away").containsOnly(503);
            Api.Response problem = api.post(LISTINGS, "seller-a", ListingFixtures.body("Outage refused " + run + " x"));
            assertThat(problem.json().getString("type")).endsWith("/service-unavailable");
            assertThat(problem.header("Retry-After")).isNotBlank();

            relay.restore();
            awaitReadiness(api, 200);
            assertThat(api.post(LISTINGS, "seller-a", ListingFixtures.body("Outage after " + run)).status()).isEqualTo(201);
            String mine = api.get("/api/v1/listings?limit=200", "seller-a").body();
            assertThat(mine).contains("Outage before " + run, "Outage after " + run).doesNotContain("Outage refused " + run);
        }
    }

    private static void awaitReadiness(Api api, int status) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        int last = -1;
        while (System.nanoTime() < deadline) {
            last = api.get("/health/ready", null).status();
            if (last == status) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("readiness never answered " + status + " (last " + last + ")");
    }

    private static List<String> history(Api api, String id) {
        List<String> actions = new ArrayList<>();
        for (JsonValue entry : api.get(LISTINGS + id + "/history", "admin").structure().asJsonArray()) {
            actions.add(entry.asJsonObject().getString("action"));
        }
        return actions;
    }
}
