package io.caravel.it;

import static io.caravel.it.PlatformIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Seller onboarding through the REST API on Payara Micro: registration, the application, documents,
 * the workflow with sanctions screening and the DMN risk decision, the compliance inbox, four-eyes,
 * claim races and tenant isolation.
 */
@ExtendWith(ArquillianExtension.class)
class OnboardingIT {

    private static final String APPS = "/api/v1/onboarding/applications/";
    private static final byte[] PDF = "%PDF-1.4\n% test document\n".getBytes();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.caravel();
    }

    @ArquillianResource
    private URL base;

    private Api api;

    @BeforeEach
    void client() {
        api = new Api(base.toString());
    }

    @Test
    void aCleanApplicantIsApprovedAutomatically() throws Exception {
        Applicant applicant = submitted("Clean Trading GmbH", "HOME", "Erika Mustermann");
        JsonObject approved = applicant.awaitStatus("APPROVED");
        assertThat(approved.getString("riskLevel")).isEqualTo("LOW");
        assertThat(approved.getBoolean("screeningHit")).isFalse();
        assertThat(approved.getString("screeningListVersion")).startsWith("OFAC-SDN:");
        assertThat(api.get(APPS + applicant.id + "/history", applicant.user).body())
                .contains("APPLICATION_SUBMITTED", "SCREENED", "RISK_ASSESSED", "APPLICATION_APPROVED");
        assertThat(approved.getJsonArray("otherCategories").getString(0)).isEqualTo("TOYS");
        assertThat(api.get("/api/v1/notifications", applicant.user).body())
                .contains("\"kind\":\"APPROVED\"", "\"subjectId\":\"" + applicant.id + "\"");
        assertThat(api.get("/api/v1/notifications", "seller-b").body()).doesNotContain(applicant.id);
        assertProblem(api.get("/api/v1/notifications", "officer"), 403, "forbidden");
    }

    @Test
    void aListedDirectorStopsAtAReviewThatShowsTheEntryAndNeedsFourEyes() throws Exception {
        Applicant applicant = submitted("Harbour Logistics GmbH", "HOME", "Manuel Antonio Norriega");
        String review = awaitTask("reviewApplication", applicant.id);

        JsonObject match = api.get(APPS + applicant.id + "/screening-matches", "officer").structure().asJsonArray().getJsonObject(0);
        assertThat(match.getJsonNumber("entNum").longValue()).isEqualTo(1572);
        assertThat(match.getString("listedName")).isEqualTo("NORIEGA, Manuel Antonio");
        assertThat(match.getString("screenedName")).isEqualTo("Manuel Antonio Norriega");
        assertThat(api.get(APPS + applicant.id, "officer").json().getString("riskLevel")).isEqualTo("HIGH");

        assertThat(api.post("/api/v1/tasks/" + review + "/claim", "lead", "").status()).isEqualTo(200);
        assertThat(api.post("/api/v1/tasks/" + review + "/complete", "lead",
                "{\"decision\": \"APPROVE\", \"reason\": \"different person: date of birth differs\"}").status()).isEqualTo(204);
        String second = awaitTask("leadApproval", applicant.id);
        assertThat(api.post("/api/v1/tasks/" + second + "/claim", "lead", "").status()).isEqualTo(200);
        assertProblem(api.post("/api/v1/tasks/" + second + "/complete", "lead", "{\"decision\": \"APPROVE\"}"), 403, "forbidden");
        assertThat(api.post("/api/v1/tasks/" + second + "/unclaim", "lead", "").status()).isEqualTo(200);

        String lead2 = "lead2-" + UUID.randomUUID().toString().substring(0, 6);
        api.post("/api/v1/admin/users", "admin", "{\"username\": \"" + lead2 + "\", \"password\": \"second pair of eyes\","
                + " \"displayName\": \"Second Lead\", \"roles\": [\"compliance-lead\"]}");
        String lead2User = lead2 + ":second pair of eyes";
        assertThat(api.post("/api/v1/tasks/" + second + "/claim", lead2User, "").status()).isEqualTo(200);
        assertThat(api.post("/api/v1/tasks/" + second + "/complete", lead2User, "{\"decision\": \"APPROVE\"}").status())
                .isEqualTo(204);
        applicant.awaitStatus("APPROVED");
    }

    @Test
    void anAlternateNameOfAListedCompanyIsAHitToo() throws Exception {
        Applicant applicant = submitted("National Bank of Cuba", "HOME", "Erika Mustermann");
        awaitTask("reviewApplication", applicant.id);
        JsonObject match = api.get(APPS + applicant.id + "/screening-matches", "officer").structure().asJsonArray().getJsonObject(0);
        assertThat(match.getJsonNumber("entNum").longValue()).isEqualTo(306);
        assertThat(match.getBoolean("alternate")).isTrue();
    }

    @Test
    void twoOfficersClaimingAtOnceGetOneSuccessAndOneConflict() throws Exception {
        Applicant applicant = submitted("Pharma Direct GmbH", "HEALTH", "Erika Mustermann");
        String task = awaitTask("reviewApplication", applicant.id);

        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Integer>> claims = new ArrayList<>();
        for (String user : List.of("officer", "lead")) {
            Callable<Integer> claim = () -> {
                go.await();
                return api.post("/api/v1/tasks/" + task + "/claim", user, "").status();
            };
            claims.add(pool.submit(claim));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> claim : claims) {
            statuses.add(claim.get());
        }
        pool.shutdown();
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
    }

    @Test
    void reviewTasksAreDueInTwoDaysAndFilterByDueDate() throws Exception {
        Applicant applicant = submitted("Beauty Export GmbH", "BEAUTY", "Erika Mustermann");
        String task = awaitTask("reviewApplication", applicant.id);
        JsonObject view = api.get("/api/v1/tasks/" + task, "officer").json();
        assertThat(java.time.Duration.between(java.time.Instant.parse(view.getString("created")),
                java.time.Instant.parse(view.getString("due"))).toHours()).isEqualTo(48);
        assertThat(view.getBoolean("overdue")).isFalse();
        assertThat(view.getString("caseTitle")).isEqualTo("Beauty Export GmbH");
        assertThat(api.get("/api/v1/tasks?limit=200&dueBefore=2000-01-01", "officer").body()).doesNotContain(task);
        assertThat(api.get("/api/v1/tasks?limit=200&dueBefore=2999-01-01T00:00:00Z", "officer").body()).contains(task);
        assertProblem(api.get("/api/v1/tasks?dueBefore=tomorrow", "officer"), 400, "validation");
    }

    @Test
    void theSellerAnswersARequestForInformation() throws Exception {
        Applicant applicant = submitted("Fresh Food Export GmbH", "FOOD", "Erika Mustermann");
        String task = awaitTask("reviewApplication", applicant.id);
        api.post("/api/v1/tasks/" + task + "/claim", "officer", "");
        assertProblem(api.post("/api/v1/tasks/" + task + "/complete", "officer", "{\"decision\": \"REQUEST_INFO\"}"),
                400, "validation");
        api.post("/api/v1/tasks/" + task + "/complete", "officer",
                "{\"decision\": \"REQUEST_INFO\", \"questions\": \"Please upload your food safety licence.\"}");
        JsonObject asked = applicant.awaitStatus("INFORMATION_REQUESTED");
        assertThat(asked.getString("questions")).isEqualTo("Please upload your food safety licence.");
        assertThat(api.get("/api/v1/notifications", applicant.user).body()).contains("\"kind\":\"INFORMATION_REQUESTED\"",
                "Please upload your food safety licence.");

        assertThat(api.post(APPS + applicant.id + "/answer", applicant.user, "{\"answer\": \"Uploaded as OTHER.\"}").status())
                .isEqualTo(200);
        awaitTask("reviewApplication", applicant.id);
        assertThat(api.get(APPS + applicant.id, applicant.user).json().getString("status")).isEqualTo("IN_REVIEW");
    }

    @Test
    void anotherSellerCannotSeeOrChangeTheApplication() {
        Applicant applicant = register("CN");
        applicant.save("Shenzhen Gadgets Co., Ltd.", "ELECTRONICS", "Li Wei");
        String document = applicant.upload("BUSINESS_LICENCE", PDF).json().getString("id");
        assertProblem(api.get(APPS + applicant.id, "seller-b"), 404, "not-found");
        assertProblem(api.get(APPS + applicant.id + "/documents", "seller-b"), 404, "not-found");
        assertProblem(api.get(APPS + applicant.id + "/documents/" + document, "seller-b"), 404, "not-found");
        assertProblem(api.send("PUT", APPS + applicant.id, "seller-b", "{}"), 404, "not-found");
        assertProblem(api.post(APPS + applicant.id + "/submit", "seller-b", ""), 404, "not-found");
        assertThat(api.get(APPS + applicant.id + "/documents/" + document, applicant.user).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/onboarding/applications", "seller-b").body()).doesNotContain(applicant.id);
        assertProblem(api.get("/api/v1/tasks", "seller-a"), 403, "forbidden");
    }

    @Test
    void badUploadsAndIncompleteApplicationsAreRefusedClearly() {
        Applicant applicant = register("DE");
        assertProblem(applicant.upload("BUSINESS_LICENCE", "just some text".getBytes()), 415, "unsupported-media-type");
        assertProblem(applicant.upload("BUSINESS_LICENCE", new byte[5 * 1024 * 1024 + 10]), 413, "payload-too-large");
        assertProblem(applicant.upload("PASSPORT_SCAN", PDF), 400, "validation");
        Api.Response incomplete = api.post(APPS + applicant.id + "/submit", applicant.user, "");
        assertProblem(incomplete, 400, "validation");
        assertThat(incomplete.body()).contains("registrationNumber", "bankAccount", "parties");
        assertProblem(api.send("PUT", APPS + applicant.id, applicant.user, "{\"country\": \"Germany\"}"), 400, "validation");
        assertProblem(api.send("PUT", APPS + applicant.id, applicant.user, "{}", "If-Match", "\"999\""), 412,
                "precondition-failed");
    }

    /** A seller registered in DE whose complete application with both documents was submitted. */
    private Applicant submitted(String company, String category, String director) {
        Applicant applicant = register("DE");
        applicant.save(company, category, director);
        applicant.uploadRequiredDocuments();
        assertThat(applicant.submit().getString("status")).isEqualTo("IN_REVIEW");
        return applicant;
    }

    private Applicant register(String country) {
        String user = "seller-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response created = api.post("/api/v1/onboarding/registrations", null, "{\"companyName\": \"New Seller " + user
                + "\", \"country\": \"" + country + "\", \"operatingModel\": \"MARKETPLACE\", \"username\": \"" + user
                + "\", \"password\": \"a long seller password\", \"displayName\": \"Owner " + user + "\", \"email\": \""
                + user + "@example.com\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return new Applicant(user + ":a long seller password", created.json().getString("id"));
    }

    private String awaitTask(String type, String caseId) throws InterruptedException {
        for (int i = 0; i < 120; i++) {
            Api.Response tasks = api.get("/api/v1/tasks?type=" + type + "&limit=200", "lead");
            for (JsonObject task : tasks.json().getJsonArray("items").getValuesAs(JsonObject.class)) {
                if (caseId.equals(task.getString("caseId", null))) {
                    return task.getString("id");
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no " + type + " task for " + caseId);
    }

    /** A registered seller and its application. */
    private final class Applicant {
        final String user;
        final String id;

        Applicant(String user, String id) {
            this.user = user;
            this.id = id;
        }

        void save(String company, String category, String director) {
            Api.Response saved = api.send("PUT", APPS + id, user, "{\"legalName\": \"" + company + "\", \"country\": \"DE\","
                    + " \"registrationNumber\": \"HRB 12345\", \"taxId\": \"DE123456789\", \"address\": \"Hauptstr. 1, Berlin\","
                    + " \"contactEmail\": \"ops@example.com\", \"contactPhone\": \"+49 30 1234567\","
                    + " \"operatingModels\": [\"MARKETPLACE\"], \"mainCategory\": \"" + category + "\","
                    + " \"otherCategories\": [\"TOYS\"],"
                    + " \"expectedYearlySalesEur\": 250000, \"expectedYearlyOrders\": 4000,"
                    + " \"bankAccount\": \"DE89 3704 0044 0532 0130 00\", \"tradingName\": \"" + company + "\","
                    + " \"parties\": [{\"role\": \"DIRECTOR\", \"name\": \"" + director + "\", \"dateOfBirth\": \"1970-01-01\","
                    + " \"nationality\": \"DE\"}, {\"role\": \"BENEFICIAL_OWNER\", \"name\": \"" + director
                    + "\", \"dateOfBirth\": \"1970-01-01\", \"nationality\": \"DE\", \"sharePercent\": 100}]}");
            assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
            assertThat(saved.json().getString("bankAccountMasked")).isEqualTo("DE89 **** 3000");
        }

        Api.Response upload(String kind, byte[] content) {
            return api.sendBytes(APPS + id + "/documents?kind=" + kind + "&fileName=doc.pdf", user, content);
        }

        void uploadRequiredDocuments() {
            assertThat(upload("BUSINESS_LICENCE", PDF).status()).isEqualTo(201);
            assertThat(upload("REPRESENTATIVE_ID", PDF).status()).isEqualTo(201);
        }

        JsonObject submit() {
            Api.Response submitted = api.post(APPS + id + "/submit", user, "");
            assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
            return submitted.json();
        }

        JsonObject awaitStatus(String status) throws InterruptedException {
            JsonObject application = null;
            for (int i = 0; i < 120; i++) {
                application = api.get(APPS + id, user).json();
                if (status.equals(application.getString("status"))) {
                    return application;
                }
                Thread.sleep(500);
            }
            throw new AssertionError("application never reached " + status + ": " + application);
        }
    }
}
