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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Seller onboarding through the REST API on Payara Micro: registration, the application, documents,
 * the workflow with sanctions screening and the DMN risk decision, the compliance inbox, four-eyes,
 * claim races and tenant isolation.
 */
@SharedServer.Use
class OnboardingIT {

    private static final String APPS = Applicant.APPS;
    private static final byte[] PDF = Applicant.PDF;


    @SharedServer.Base
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
        JsonObject staffView = api.get(APPS + applicant.id, "officer").json();
        assertThat(staffView.getString("riskLevel")).isEqualTo("LOW");
        assertThat(staffView.getBoolean("screeningHit")).isFalse();
        assertThat(staffView.getString("screeningListVersion")).startsWith("OFAC-SDN:");
        // the seller sees its own steps and the outcome, never how it was screened or assessed
        assertThat(approved.containsKey("riskLevel") || approved.containsKey("screeningHit")).isFalse();
        String sellerHistory = api.get(APPS + applicant.id + "/history", applicant.user).body();
        assertThat(sellerHistory).contains("APPLICATION_SUBMITTED", "APPLICATION_APPROVED");
        assertThat(sellerHistory).doesNotContain("SCREENED", "RISK_ASSESSED", "OFAC");
        assertThat(api.get(APPS + applicant.id + "/history", "officer").body()).contains("SCREENED", "RISK_ASSESSED");
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
        String hit = match.getString("id");
        assertProblem(api.post(APPS + applicant.id + "/screening-matches/" + hit + "/disposition", "lead",
                "{\"disposition\": \"FALSE_POSITIVE\"}"), 400, "validation");
        assertProblem(api.post(APPS + applicant.id + "/screening-matches/" + hit + "/disposition", applicant.user,
                "{\"disposition\": \"FALSE_POSITIVE\", \"reason\": \"mine\"}"), 403, "forbidden");
        JsonObject verdict = api.post(APPS + applicant.id + "/screening-matches/" + hit + "/disposition", "lead",
                "{\"disposition\": \"FALSE_POSITIVE\", \"reason\": \"other date of birth (1934 on the list)\"}").json();
        assertThat(verdict.getString("disposition")).isEqualTo("FALSE_POSITIVE");
        assertThat(verdict.getString("disposedBy")).isEqualTo("lead");

        // lead reviews: the case now waits for a second approval, which is never offered to lead
        Api.Response reviewed = api.post("/api/v1/tasks/" + review + "/complete", "lead",
                "{\"decision\": \"APPROVE\", \"note\": \"different person: date of birth differs\"}");
        assertThat(reviewed.status()).isEqualTo(200);
        assertThat(reviewed.json().getJsonArray("waitingAt").getJsonObject(0).getString("activityId")).isEqualTo("leadApproval");
        String lead2 = "lead2-" + UUID.randomUUID().toString().substring(0, 6);
        api.post("/api/v1/admin/users", "admin", "{\"username\": \"" + lead2 + "\", \"password\": \"second pair of eyes\","
                + " \"displayName\": \"Second Lead\", \"roles\": [\"compliance-lead\"]}");
        String lead2User = lead2 + ":second pair of eyes";
        String second = awaitTask("leadApproval", applicant.id, lead2User);
        assertThat(api.get("/api/v1/tasks?type=leadApproval&limit=200", "lead").body()).doesNotContain(applicant.id);
        assertProblem(api.get("/api/v1/tasks/" + second, "lead"), 403, "forbidden");
        assertProblem(api.post("/api/v1/tasks/" + second + "/claim", "lead", ""), 403, "forbidden");

        assertThat(api.post("/api/v1/tasks/" + second + "/claim", lead2User, "").status()).isEqualTo(200);
        assertThat(api.post("/api/v1/tasks/" + second + "/complete", lead2User, "{\"decision\": \"APPROVE\"}").status())
                .isEqualTo(200);
        applicant.awaitStatus("APPROVED");
    }

    @Test
    void aRejectionTellsTheSellerTheMessageAndNeverTheInternalNote() throws Exception {
        Applicant applicant = submitted("Sunrise Freight GmbH", "HOME", "Manuel Antonio Norriega");
        String review = awaitTask("reviewApplication", applicant.id);
        api.post("/api/v1/tasks/" + review + "/claim", "officer", "");
        assertThat(api.get("/api/v1/tasks/" + review + "/form", "officer").body())
                .contains("APPLICATION_NOT_ACCEPTED", "\"noteRequired\":true");
        assertProblem(api.post("/api/v1/tasks/" + review + "/complete", "officer",
                "{\"decision\": \"REJECT\", \"messageTemplate\": \"APPLICATION_NOT_ACCEPTED\"}"), 400, "validation");
        assertThat(api.post("/api/v1/tasks/" + review + "/complete", "officer",
                "{\"decision\": \"REJECT\", \"note\": \"true match to OFAC SDN 1572\","
                        + " \"messageTemplate\": \"APPLICATION_NOT_ACCEPTED\"}").status()).isEqualTo(200);
        JsonObject rejected = applicant.awaitStatus("REJECTED");
        assertThat(rejected.getString("decisionMessage")).startsWith("We are unable to offer you a seller account").contains("很抱歉");
        String seen = rejected + api.get(APPS + applicant.id + "/history", applicant.user).body()
                + api.get("/api/v1/notifications", applicant.user).body();
        assertThat(seen).doesNotContain("SDN", "1572", "true match", "NORIEGA", "officer");
        assertProblem(api.get(APPS + applicant.id + "/screening-matches", applicant.user), 403, "forbidden");
        assertThat(api.get(APPS + applicant.id + "/history", "officer").body()).contains("true match to OFAC SDN 1572");
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
        assertThat(view.getString("riskLevel")).isEqualTo("MEDIUM");
        assertThat(api.get("/api/v1/tasks?limit=200&risk=MEDIUM", "officer").body()).contains(task);
        assertThat(api.get("/api/v1/tasks?limit=200&risk=HIGH", "officer").body()).doesNotContain(task);
        assertThat(api.get("/api/v1/tasks?limit=200&type=reviewApplication&risk=medium", "officer").body()).contains(task);
        assertProblem(api.get("/api/v1/tasks?risk=SEVERE", "officer"), 400, "validation");
        assertProblem(api.get("/api/v1/tasks?type=approveEverything", "officer"), 400, "validation");
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
                "{\"decision\": \"REQUEST_INFO\", \"message\": \"Please upload your food safety licence.\"}");
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
    void aMissingDocumentIsAskedForAndSendingTheApplicationAgainResumesTheReview() throws Exception {
        Applicant applicant = submittedWithoutTheRepresentativeId("Missing Paper GmbH");
        JsonObject asked = applicant.awaitStatus("INFORMATION_REQUESTED");
        assertThat(asked.getString("questions")).contains("identity document of your legal representative")
                .doesNotContain("REPRESENTATIVE_ID");
        // nothing new yet: sending it back without an answer or a document says what is missing
        assertProblem(api.post(APPS + applicant.id + "/submit", applicant.user, ""), 400, "validation");

        assertThat(applicant.upload("REPRESENTATIVE_ID", PDF).status()).isEqualTo(201);
        assertThat(api.post(APPS + applicant.id + "/submit", applicant.user, "").json().getString("status"))
                .isEqualTo("IN_REVIEW");
        applicant.awaitStatus("APPROVED");
    }

    @Test
    void theRiskIsAssessedOnTheApplicationAsTheSellerChangedItWhileAnswering() throws Exception {
        Applicant applicant = submittedWithoutTheRepresentativeId("Changing Trade GmbH");
        applicant.awaitStatus("INFORMATION_REQUESTED");
        // while information is asked for, the seller may change the application: now it sells food (regulated)
        applicant.save("Changing Trade GmbH", "FOOD", "Erika Mustermann");
        assertThat(applicant.upload("REPRESENTATIVE_ID", PDF).status()).isEqualTo(201);
        applicant.submit();

        // assessed as it is now, not as it was first submitted (a home-goods seller would have been approved)
        awaitTask("reviewApplication", applicant.id);
        JsonObject staffView = api.get(APPS + applicant.id, "officer").json();
        assertThat(staffView.getString("status")).isEqualTo("IN_REVIEW");
        assertThat(staffView.getString("riskLevel")).isEqualTo("MEDIUM");
        assertThat(staffView.getString("riskReasons")).contains("CATEGORY_REGULATED");
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
        // as a multipart/form-data form: the part "file", its file name kept; a form without it, a broken one, too much
        String documents = APPS + applicant.id + "/documents?kind=BUSINESS_LICENCE";
        Api.Response form = api.sendBytes(documents, applicant.user, FORM_TYPE, form("file", "licence scan.pdf", PDF));
        assertThat(form.status()).as(form.toString()).isEqualTo(201);
        assertThat(form.json().getString("fileName")).isEqualTo("licence scan.pdf");
        Api.Response noFile = api.sendBytes(documents, applicant.user, FORM_TYPE, form("document", "a.pdf", PDF));
        assertProblem(noFile, 400, "validation");
        assertThat(noFile.body()).contains("\"file\"");
        assertProblem(api.sendBytes(documents, applicant.user, FORM_TYPE, "no form at all".getBytes()), 400, "malformed-request");
        assertProblem(api.sendBytes(documents, applicant.user, FORM_TYPE, form("file", "big.pdf", new byte[6 * 1024 * 1024])),
                413, "payload-too-large");
        assertProblem(api.sendBytes(documents, applicant.user, FORM_TYPE, form("file", "notes.txt", "just text".getBytes())),
                415, "unsupported-media-type");
        Api.Response incomplete = api.post(APPS + applicant.id + "/submit", applicant.user, "");
        assertProblem(incomplete, 400, "validation");
        assertThat(incomplete.body()).contains("registrationNumber", "bankAccount", "parties");
        assertProblem(api.send("PUT", APPS + applicant.id, applicant.user, "{\"country\": \"Germany\"}"), 400, "validation");
        assertProblem(api.send("PUT", APPS + applicant.id, applicant.user, "{}", "If-Match", "\"999\""), 412,
                "precondition-failed");
    }

    private static final String BOUNDARY = "caravel-it-boundary";
    private static final String FORM_TYPE = "multipart/form-data; boundary=" + BOUNDARY;

    /** A multipart/form-data body with one file part. */
    private static byte[] form(String part, String fileName, byte[] content) {
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    private Applicant submitted(String company, String category, String director) {
        return Applicant.submitted(api, company, category, director);
    }

    private Applicant register(String country) {
        return Applicant.register(api, country);
    }

    /** A home-goods seller's complete application, submitted with only its business licence. */
    private Applicant submittedWithoutTheRepresentativeId(String company) {
        Applicant applicant = register("DE");
        applicant.save(company, "HOME", "Erika Mustermann");
        assertThat(applicant.upload("BUSINESS_LICENCE", PDF).status()).isEqualTo(201);
        applicant.submit();
        return applicant;
    }

    private String awaitTask(String type, String caseId) throws InterruptedException {
        return Applicant.awaitTask(api, type, caseId, "lead");
    }

    private String awaitTask(String type, String caseId, String user) throws InterruptedException {
        return Applicant.awaitTask(api, type, caseId, user);
    }
}
