package io.caravel.bench;

import io.caravel.platform.engine.EngineSettings;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.ibatis.datasource.pooled.PooledDataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.variable.Variables;

/**
 * Onboarding throughput: applications from submit to the review task per second, through the whole
 * product (REST, security, JPA, screening against the full SDN list, the engine on JTA with its job
 * executor, on Payara Micro with H2) next to the same BPMN and DMN on a bare in-memory engine with
 * stand-in delegates, measured in the same run and printed as a ratio. Run with
 * {@code mvn -Pbench -pl bench -am verify -DskipTests} (arguments: {@code -Dbench.onboarding.warm-up=140 -Dbench.onboarding.rounds=3 -Dbench.onboarding.count=60}).
 */
public final class OnboardingBenchmark {

    private static final String BPMN = "caravel/processes/seller-onboarding/seller-onboarding.bpmn";
    private static final String DMN = "caravel/processes/seller-onboarding/seller-risk.dmn";
    private static final byte[] PDF = "%PDF-1.4\n% benchmark document\n".getBytes(StandardCharsets.US_ASCII);

    private OnboardingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = Integer.getInteger("bench.onboarding.count", 60);
        // both sides first run the same number of applications, so neither is measured while its code is still being compiled
        // (140: with 30 the product's JIT still compiled for half a core of the timed window)
        int warmUp = Integer.getInteger("bench.onboarding.warm-up", 140);
        // timed rounds of count applications each, the median round reported (one short round moved 20% between runs)
        int rounds = Integer.getInteger("bench.onboarding.rounds", 3);
        // -Dbench.onboarding.bare=false runs the product alone (to profile it)
        boolean withBare = Boolean.parseBoolean(System.getProperty("bench.onboarding.bare", "true"));
        // -Dbench.onboarding.database=mysql: both sides on MySQL/MariaDB (what production runs) instead of embedded H2
        Storage storage = Storage.fromSystemProperties();
        Rounds bare = null;
        Rounds durable = null;
        Rounds executor = null;
        if (withBare && storage == null) {
            // H2 as the product sets it: 128 parsed statements kept per connection
            bare = bareEngine(warmUp, count, rounds, "jdbc:h2:mem:bench-onboarding;DB_CLOSE_DELAY=-1;QUERY_CACHE_SIZE=128",
                    null, false);
            // the product's own database settings: a file, and every commit written to it before the answer (WRITE_DELAY=0)
            durable = bareEngine(warmUp, count, rounds, "jdbc:h2:file:" + Files.createTempDirectory("caravel-bench-engine")
                    .resolve("engine") + ";WRITE_DELAY=0;QUERY_CACHE_SIZE=128", null, false);
            // and the asynchronous step run as the product runs it: by the engine's job executor, which locks each job in
            // a commit of its own before it runs it, on its own threads, while the next application is started
            executor = bareEngine(warmUp, count, rounds, "jdbc:h2:file:" + Files.createTempDirectory("caravel-bench-engine")
                    .resolve("engine") + ";WRITE_DELAY=0;QUERY_CACHE_SIZE=128", null, true);
        } else if (withBare) {
            // on the database server there is no in-memory variant: the same server and settings for every side
            durable = bareEngine(warmUp, count, rounds, storage.freshDatabase("caravel_bench_engine"), storage, false);
            executor = bareEngine(warmUp, count, rounds, storage.freshDatabase("caravel_bench_engine"), storage, true);
        }
        Product product = product(warmUp, count, rounds, storage);
        System.out.println();
        System.out.println("Onboarding: submit -> automatic steps -> review task (" + warmUp + " applications to warm up, then "
                + rounds + " rounds of " + count + ", category HEALTH; median round, every round in brackets;"
                + " CPU: the process's CPU time per application, all its threads)");
        String on = storage == null ? "file H2" : "MySQL/MariaDB";
        if (bare != null) {
            System.out.println(bare.line("bare engine (in-memory H2, stand-in delegates)"));
        }
        if (withBare) {
            System.out.println(durable.line("bare engine (" + on + ", every commit written)"));
            System.out.println(executor.line("bare engine (" + on + ", job executor)"));
        }
        System.out.println(product.rounds.line("product (REST + JPA + screening + JTA engine)")
                + String.format(" submit p50 %.0f ms, p99 %.0f ms", product.p50, product.p99));
        if (withBare) {
            double productMedian = product.rounds.throughput();
            if (bare != null) {
                System.out.printf("  product / bare engine                            %8.3f  (the engine alone is %.1fx faster)%n",
                        productMedian / bare.throughput(), bare.throughput() / productMedian);
            }
            System.out.printf("  product / bare engine on the product's storage   %8.3f%n", productMedian / durable.throughput());
            System.out.printf("  product / bare engine, storage and job executor  %8.3f%n", productMedian / executor.throughput());
        }
        if (storage != null) {
            System.out.println("  (CPU includes the database server's, " + storage.server().map(p -> "process " + p.pid())
                    .orElse("not found: the figures leave it out") + ")");
        }
    }

    /**
     * MySQL or MariaDB for both sides ({@code -Dbench.onboarding.database=mysql}): a server on
     * {@code bench.onboarding.mysql.host} (127.0.0.1:3306) whose user ({@code bench.onboarding.mysql.user}, root, and
     * {@code .password}, empty) may create databases and users; each side gets a fresh database, and both connect as
     * the user {@code caravel_bench}. The server's own CPU time is counted
     * with each side's (where this user may read it), since that is where its commits run.
     */
    record Storage(String host, String user, String password) {

        private static final String BENCH_USER = "'caravel_bench'@'127.0.0.1'";
        private static final String BENCH_PASSWORD = "caravel-bench";

        static Storage fromSystemProperties() {
            String database = System.getProperty("bench.onboarding.database", "h2");
            if (database.equals("h2")) {
                return null;
            }
            if (!database.equals("mysql")) {
                throw new IllegalArgumentException("bench.onboarding.database is h2 or mysql, not " + database);
            }
            return new Storage(System.getProperty("bench.onboarding.mysql.host", "127.0.0.1:3306"),
                    System.getProperty("bench.onboarding.mysql.user", "root"),
                    System.getProperty("bench.onboarding.mysql.password", ""));
        }

        String name() {
            return "MySQL/MariaDB at " + host;
        }

        /** Drops and creates the database {@code name}, returns its JDBC URL. */
        String freshDatabase(String name) throws SQLException {
            try (Connection connection = DriverManager.getConnection(url(""), user, password);
                    Statement statement = connection.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + name);
                statement.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
                // both sides connect as a user of their own with a password (the product needs one)
                statement.execute("CREATE USER IF NOT EXISTS " + BENCH_USER + " IDENTIFIED BY '" + BENCH_PASSWORD + "'");
                statement.execute("GRANT ALL PRIVILEGES ON " + name + ".* TO " + BENCH_USER);
            }
            return url(name);
        }

        String url(String database) {
            return "jdbc:mysql://" + host + "/" + database + "?nullCatalogMeansCurrent=true&useUnicode=true"
                    + "&characterEncoding=UTF-8&allowPublicKeyRetrieval=true&useSSL=false";
        }

        /** The database server's process, where it runs on this machine. */
        Optional<ProcessHandle> server() {
            return ProcessHandle.allProcesses().filter(p -> p.info().command()
                    .map(c -> c.endsWith("/mariadbd") || c.endsWith("/mysqld")).orElse(false)).findFirst();
        }

        /** The product's data source options. */
        String[] productOptions() throws SQLException {
            return new String[] {"-Dcaravel.ds.class=com.mysql.cj.jdbc.MysqlDataSource",
                    "-Dcaravel.ds.url=" + freshDatabase("caravel_bench"), "-Dcaravel.ds.user=caravel_bench",
                    "-Dcaravel.ds.password=" + BENCH_PASSWORD};
        }
    }

    /** CPU time of this process and, on a database server, the server's. */
    private static Duration cpu(ProcessHandle process, Storage storage) {
        Duration own = cpu(process);
        return storage == null ? own : storage.server().map(OnboardingBenchmark::cpu).map(own::plus).orElse(own);
    }

    /** Timed rounds: applications per second and CPU milliseconds per application, each round's. */
    record Rounds(List<Double> perSecond, List<Double> cpuMs) {

        Rounds() {
            this(new ArrayList<>(), new ArrayList<>());
        }

        void add(int applications, long nanos, Duration cpu) {
            perSecond.add(applications / (nanos / 1e9));
            cpuMs.add(cpu.toNanos() / 1e6 / applications);
        }

        double throughput() {
            return median(perSecond);
        }

        String line(String label) {
            return String.format("  %-48s %8.1f applications/s   %s   CPU %5.1f ms each %s", label, throughput(),
                    rounded(perSecond), median(cpuMs), rounded(cpuMs));
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static String rounded(List<Double> values) {
        return values.stream().map(v -> String.format("%.1f", v)).collect(Collectors.joining(", ", "[", "]"));
    }

    /**
     * The BPMN and DMN on a bare engine: start, run the asynchronous steps (in the starting thread, or by the engine's
     * job executor while the next ones start), count the review tasks.
     */
    static Rounds bareEngine(int warmUp, int count, int rounds, String jdbcUrl, Storage storage,
            boolean jobExecutor) throws InterruptedException {
        Map<Object, Object> beans = new HashMap<>();
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setJdbcUrl(jdbcUrl);
        if (storage != null) {
            // read committed, as the product's data source (the engine refuses MySQL's default, repeatable read)
            PooledDataSource dataSource = new PooledDataSource("com.mysql.cj.jdbc.Driver", jdbcUrl, "caravel_bench",
                    Storage.BENCH_PASSWORD);
            dataSource.setDefaultTransactionIsolationLevel(Connection.TRANSACTION_READ_COMMITTED);
            configuration.setDataSource(dataSource);
            configuration.setDatabaseSchemaUpdate("true");
        }
        configuration.setJobExecutorActivate(jobExecutor);
        // the product's job executor settings (WorkflowEngine): 4 threads, 8 jobs per acquisition, 1 s to 5 s idle wait
        DefaultJobExecutor executor = new DefaultJobExecutor();
        executor.setCorePoolSize(4);
        executor.setMaxPoolSize(4);
        executor.setQueueSize(16);
        executor.setMaxJobsPerAcquisition(8);
        executor.setWaitTimeInMillis(1_000);
        executor.setMaxWait(5_000);
        configuration.setJobExecutor(executor);
        // the product's engine settings (history kept, id blocks, decision tables' FEEL), so the ratio is the product's
        EngineSettings.apply(configuration);
        configuration.setBeans(beans);
        ProcessEngine engine = configuration.buildProcessEngine();
        // the product's delegates' variables: the check's outcome transient, the screening hit and the risk stored
        beans.put("onboardingDocumentCheck", (JavaDelegate) e -> {
            e.setVariable("documentsComplete", Variables.booleanValue(true, true));
            e.setVariable("missingItems", Variables.stringValue("", true));
        });
        beans.put("onboardingScreening", (JavaDelegate) e -> e.setVariable("screeningHit", false));
        // the facts the product reads from the application when it assesses the risk
        Map<String, Object> facts = Map.of("country", "DE", "mainCategory", "HEALTH", "expectedYearlySalesEur", 250_000L,
                "missingFields", 0, "screeningHit", false, "screeningTopScore", 0.0);
        beans.put("onboardingRiskAssessment", (JavaDelegate) e -> {
            List<Map<String, Object>> factors = e.getProcessEngineServices().getDecisionService()
                    .evaluateDecisionTableByKey("seller-risk").variables(facts).evaluate().getResultList();
            List<String> order = List.of("LOW", "MEDIUM", "HIGH");
            e.setVariable("riskLevel", factors.stream().map(f -> (String) f.get("level"))
                    .max(Comparator.comparingInt(order::indexOf)).orElse("LOW"));
            e.setVariable("riskReasons", factors.stream().map(f -> (String) f.get("reason")).collect(Collectors.joining("; ")));
        });
        for (String name : List.of("onboardingApproval", "onboardingRejection", "onboardingInformationRequest",
                "onboardingReminder", "onboardingAbandonment", "onboardingRecertification", "onboardingSuspension")) {
            beans.put(name, (JavaDelegate) e -> { });
        }
        beans.put("fourEyesGuard", (TaskListener) t -> { });
        engine.getRepositoryService().createDeployment().addClasspathResource(BPMN).addClasspathResource(DMN).deploy();
        try {
            runBare(engine, warmUp, jobExecutor);
            Rounds timed = new Rounds();
            ProcessHandle self = ProcessHandle.current();
            for (int round = 0; round < rounds; round++) {
                Duration cpu = cpu(self, storage);
                long start = System.nanoTime();
                runBare(engine, count, jobExecutor);
                timed.add(count, System.nanoTime() - start, cpu(self, storage).minus(cpu));
            }
            return timed;
        } finally {
            engine.close();
        }
    }

    private static void runBare(ProcessEngine engine, int count, boolean jobExecutor) throws InterruptedException {
        List<String> instances = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String key = UUID.randomUUID().toString();
            // the product's start variables: the case header and the durations of the model's timers
            Map<String, Object> variables = Map.of("caseType", "application", "caseId", key, "caseTitle", "Bench " + key,
                    "sellerId", "s", "caseDue", new Date(System.currentTimeMillis() + 172_800_000L), "reviewDue", "P2D",
                    "reminderAfter", "P3D", "abandonAfter", "P14D", "recertifyAfter", "P1Y");
            String instance = engine.getRuntimeService().startProcessInstanceByKey("seller-onboarding", key, variables).getId();
            instances.add(instance);
            if (!jobExecutor) {
                Job job = engine.getManagementService().createJobQuery().processInstanceId(instance).singleResult();
                engine.getManagementService().executeJob(job.getId());
            }
        }
        // every one of them at the review task (with the job executor: once it has run them all)
        for (int i = 0; reviewTasks(engine, instances) != count; i++) {
            if (!jobExecutor || i == 6000) {
                throw new IllegalStateException("the bare engine did not reach the review task");
            }
            Thread.sleep(10);
        }
    }

    private static long reviewTasks(ProcessEngine engine, List<String> instances) {
        long found = 0;
        for (int from = 0; from < instances.size(); from += 500) {
            found += engine.getTaskService().createTaskQuery().taskDefinitionKey("reviewApplication")
                    .processInstanceIdIn(instances.subList(from, Math.min(instances.size(), from + 500)).toArray(String[]::new))
                    .count();
        }
        return found;
    }

    /** The CPU time a process has used so far, all its threads (zero where the system does not tell). */
    private static Duration cpu(ProcessHandle process) {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    record Product(Rounds rounds, double p50, double p99) {
    }

    /** The same path through the product: a Payara Micro of its own, applications prepared, then submitted. */
    static Product product(int warmUp, int count, int rounds, Storage storage) throws Exception {
        Path data = Files.createTempDirectory("caravel-bench");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = LoadRun.serverCommand(data, port, storage == null ? new String[0] : storage.productOptions());
        Process server = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(data.resolve("server.log").toFile()).start();
        Http http = new Http("http://localhost:" + port);
        try {
            http.awaitReady(server);
            List<String[]> applicants = new ArrayList<>();
            for (int i = 0; i < warmUp + rounds * count; i++) {
                applicants.add(http.prepareApplicant());
            }
            for (String[] first : applicants.subList(0, warmUp)) {
                http.submit(first);
            }
            http.awaitTasks(applicants.subList(0, warmUp));
            Rounds timed = new Rounds();
            List<Double> latencies = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                List<String[]> measured = applicants.subList(warmUp + round * count, warmUp + (round + 1) * count);
                Duration cpu = cpu(server.toHandle(), storage);
                LocalTime from = LocalTime.now();
                long start = System.nanoTime();
                for (String[] applicant : measured) {
                    long one = System.nanoTime();
                    http.submit(applicant);
                    latencies.add((System.nanoTime() - one) / 1e6);
                }
                http.awaitAssessed(measured);
                timed.add(count, System.nanoTime() - start, cpu(server.toHandle(), storage).minus(cpu));
                // the wall-clock window, to pick it out of a flight recording of the server (bench.server.options)
                System.out.println("product round " + (round + 1) + " timed from " + from + " to " + LocalTime.now());
                // outside the timing: every one of them is a review task in the officer's inbox
                http.awaitTasks(measured);
            }
            latencies.sort(Double::compare);
            return new Product(timed, latencies.get(latencies.size() / 2),
                    latencies.get(Math.min(latencies.size() - 1, (int) Math.ceil(latencies.size() * 0.99) - 1)));
        } finally {
            server.destroy();
            server.waitFor(60, TimeUnit.SECONDS);
        }
    }

    /** Plain HTTP with Basic authentication; JSON written and read as text, enough for a benchmark. */
    private static final class Http {
        private final String base;
        private final HttpClient client = HttpClient.newHttpClient();

        Http(String base) {
            this.base = base;
        }

        void awaitReady(Process server) throws Exception {
            for (int i = 0; i < 480; i++) {
                if (!server.isAlive()) {
                    throw new IllegalStateException("Payara Micro exited; see its server.log");
                }
                try {
                    if (send("GET", "/health/ready", null, null, null).statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(500);
            }
            throw new IllegalStateException("Payara Micro did not become ready");
        }

        /** Registers a seller and fills a complete application with its documents; returns {user, application id}. */
        String[] prepareApplicant() throws Exception {
            // the whole random id (a run with eight of its characters once found its user name taken)
            String user = "bench-" + UUID.randomUUID().toString().replace("-", "");
            String login = user + ":benchmark password";
            String created = ok(send("POST", "/api/v1/onboarding/registrations", null, "{\"companyName\": \"Bench " + user
                    + " GmbH\", \"country\": \"DE\", \"operatingModel\": \"MARKETPLACE\", \"username\": \"" + user
                    + "\", \"password\": \"benchmark password\", \"displayName\": \"Bench\", \"email\": \"" + user
                    + "@example.com\"}", "application/json"));
            String id = created.replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1");
            ok(send("PUT", "/api/v1/onboarding/applications/" + id, login, "{\"legalName\": \"Bench " + user
                    + " GmbH\", \"country\": \"DE\", \"registrationNumber\": \"HRB 1\", \"taxId\": \"DE1\", \"address\":"
                    + " \"Street 1\", \"contactEmail\": \"b@example.com\", \"operatingModels\": [\"MARKETPLACE\"],"
                    + " \"mainCategory\": \"HEALTH\", \"expectedYearlySalesEur\": 250000, \"expectedYearlyOrders\": 4000,"
                    + " \"bankAccount\": \"DE89370400440532013000\", \"tradingName\": \"Bench\", \"contactPhone\": \"+49 30 1\","
                    + " \"parties\": [{\"role\": \"DIRECTOR\", \"name\": \"Erika Bench\", \"dateOfBirth\": \"1970-01-01\","
                    + " \"nationality\": \"DE\"}, {\"role\": \"BENEFICIAL_OWNER\", \"name\": \"Erika Bench\","
                    + " \"dateOfBirth\": \"1970-01-01\", \"nationality\": \"DE\", \"sharePercent\": 100}]}", "application/json"));
            for (String kind : List.of("BUSINESS_LICENCE", "REPRESENTATIVE_ID")) {
                ok(sendBytes("/api/v1/onboarding/applications/" + id + "/documents?kind=" + kind, login));
            }
            return new String[] {login, id};
        }

        void submit(String[] applicant) throws Exception {
            ok(send("POST", "/api/v1/onboarding/applications/" + applicant[1] + "/submit", applicant[0], "", "application/json"));
        }

        /**
         * Waits until every application's risk is assessed, as an officer reads the application: the same transaction
         * creates the review task. One application read per poll, where the officer's whole task list would be
         * pages of tasks, work the product would do for the benchmark and not for onboarding.
         */
        void awaitAssessed(List<String[]> applicants) throws Exception {
            for (String[] applicant : applicants) {
                for (int i = 0; !send("GET", "/api/v1/onboarding/applications/" + applicant[1], "officer:demo", null, null)
                        .body().contains("\"riskLevel\":\""); i++) {
                    if (i == 2400) {
                        throw new IllegalStateException("application " + applicant[1] + " was never assessed");
                    }
                    Thread.sleep(50);
                }
            }
        }

        void awaitTasks(List<String[]> applicants) throws Exception {
            for (int i = 0; i < 2400; i++) {
                // every page of the officer's review tasks (the demo data has some too)
                StringBuilder tasks = new StringBuilder();
                String cursor = "";
                do {
                    String page = ok(send("GET", "/api/v1/tasks?type=reviewApplication&limit=200" + cursor, "officer:demo", null, null));
                    tasks.append(page);
                    java.util.regex.Matcher next = java.util.regex.Pattern.compile("\"nextCursor\":\"([^\"]+)\"").matcher(page);
                    cursor = next.find() ? "&cursor=" + java.net.URLEncoder.encode(next.group(1), StandardCharsets.UTF_8) : null;
                } while (cursor != null);
                if (applicants.stream().allMatch(a -> tasks.indexOf("\"caseId\":\"" + a[1] + "\"") >= 0)) {
                    return;
                }
                Thread.sleep(50);
            }
            throw new IllegalStateException("not every application reached the review task");
        }

        private HttpResponse<String> sendBytes(String path, String user) throws Exception {
            return client.send(request(path, user).header("Content-Type", "application/pdf")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(PDF)).build(), HttpResponse.BodyHandlers.ofString());
        }

        private HttpResponse<String> send(String method, String path, String user, String body, String type) throws Exception {
            HttpRequest.Builder request = request(path, user)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            if (type != null) {
                request.header("Content-Type", type);
            }
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        private HttpRequest.Builder request(String path, String user) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
            if (user != null) {
                request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8)));
            }
            return request;
        }

        private static String ok(HttpResponse<String> response) {
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(response.statusCode() + " " + response.body());
            }
            return response.body();
        }
    }
}
