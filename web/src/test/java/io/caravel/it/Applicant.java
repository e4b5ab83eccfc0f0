package io.caravel.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.UUID;

/** A seller registered through the API and its application, as the integration tests drive them. */
final class Applicant {

    static final String APPS = "/api/v1/onboarding/applications/";
    static final byte[] PDF = "%PDF-1.4\n% test document\n".getBytes();


    final String user;
    final String id;
    private final Api api;

    Applicant(Api api, String user, String id) {
        this.api = api;
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

    /** Registers a new seller in a country; its draft application is empty but for the company. */
    static Applicant register(Api api, String country) {
        String user = "seller-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response created = api.post("/api/v1/onboarding/registrations", null, "{\"companyName\": \"New Seller " + user
                + "\", \"country\": \"" + country + "\", \"operatingModel\": \"MARKETPLACE\", \"username\": \"" + user
                + "\", \"password\": \"a long seller password\", \"displayName\": \"Owner " + user + "\", \"email\": \""
                + user + "@example.com\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return new Applicant(api, user + ":a long seller password", created.json().getString("id"));
    }

    /** A seller registered in DE whose complete application with both documents was submitted. */
    static Applicant submitted(Api api, String company, String category, String director) {
        Applicant applicant = register(api, "DE");
        applicant.save(company, category, director);
        applicant.uploadRequiredDocuments();
        assertThat(applicant.submit().getString("status")).isEqualTo("IN_REVIEW");
        return applicant;
    }

    /** The case id of a demo application waiting in the officer's inbox, by its company's name. */
    static String demoCase(Api api, String company) throws InterruptedException {
        for (int i = 0; i < 120; i++) {
            for (JsonObject task : api.get("/api/v1/tasks?type=reviewApplication&limit=200", "officer").json()
                    .getJsonArray("items").getValuesAs(JsonObject.class)) {
                if (task.getString("caseTitle", "").startsWith(company)) {
                    return task.getString("caseId");
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no demo case for " + company);
    }

    /** The id of the task of this type on the case, as the user's inbox lists it, waiting until it is there. */
    static String awaitTask(Api api, String type, String caseId, String user) throws InterruptedException {
        for (int i = 0; i < 120; i++) {
            Api.Response tasks = api.get("/api/v1/tasks?type=" + type + "&limit=200", user);
            for (JsonObject task : tasks.json().getJsonArray("items").getValuesAs(JsonObject.class)) {
                if (caseId.equals(task.getString("caseId", null))) {
                    return task.getString("id");
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no " + type + " task for " + caseId);
    }
}
