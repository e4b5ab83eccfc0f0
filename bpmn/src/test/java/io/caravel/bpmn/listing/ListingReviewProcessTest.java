package io.caravel.bpmn.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.claim;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import io.caravel.bpmn.TestEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of {@code listing-review} on an in-memory engine. The checks delegate is a stand-in that answers
 * the verdicts a test queues and, like the real one, sets {@code flaggedBefore} when an earlier round of checks
 * flagged the listing (or the test says an earlier review did); the other delegates record that they ran.
 */
@Deployment(resources = "caravel/processes/listing-review/listing-review.bpmn")
class ListingReviewProcessTest {

    private static final Map<Object, Object> BEANS = TestEngine.BEANS;
    private static final ProcessEngine ENGINE = TestEngine.ENGINE;

    @RegisterExtension
    final ProcessEngineExtension extension = ProcessEngineExtension.builder().useProcessEngine(ENGINE).build();

    private final List<String> verdicts = new ArrayList<>();
    private final List<String> calls = new ArrayList<>();
    /** Verdicts the checks gave so far in this test. */
    private final List<String> checked = new ArrayList<>();
    /** Whether an earlier review of the listing (another process instance) rejected, flagged or sent it back. */
    private boolean flaggedInAnEarlierReview;

    @BeforeEach
    void delegates() {
        ClockUtil.reset();
        BEANS.put("listingChecks", (JavaDelegate) e -> {
            String verdict = verdicts.remove(0);
            boolean flaggedBefore = flaggedInAnEarlierReview || checked.stream().anyMatch(v -> !v.equals("CLEAN"));
            checked.add(verdict);
            e.setVariable("verdict", verdict);
            e.setVariable("flaggedBefore", flaggedBefore);
            e.setVariable("riskLevel", switch (verdict) {
                case "PROHIBITED" -> "HIGH";
                case "REVIEW" -> "MEDIUM";
                default -> flaggedBefore ? "MEDIUM" : "LOW";
            });
            e.setVariable("riskReasons", switch (verdict) {
                case "PROHIBITED" -> "ARMS";
                case "REVIEW" -> "PRICE_ANOMALY";
                default -> flaggedBefore ? "FLAGGED_BEFORE" : "";
            });
            calls.add("checks");
        });
        for (String name : List.of("listingPublication", "listingRejection", "listingChangeRequest", "listingChangesExpired")) {
            BEANS.put(name, (JavaDelegate) e -> calls.add(name));
        }
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aCleanNeverFlaggedListingIsPublishedWithoutAPerson() {
        ProcessInstance instance = start("CLEAN");
        execute(job());
        assertThat(instance).isEnded().hasPassed("publishListing").hasNotPassed("reviewListing");
        assertThat(calls).containsExactly("checks", "listingPublication");
    }

    @Test
    void aCleanListingThatWasFlaggedBeforeWaitsForAnOfficer() {
        flaggedInAnEarlierReview = true;
        ProcessInstance instance = start("CLEAN");
        execute(job());
        assertThat(instance).isWaitingAt("reviewListing").hasNotPassed("publishListing");
        assertThat(runtimeService().getVariable(instance.getId(), "flaggedBefore")).isEqualTo(true);
        assertThat(runtimeService().getVariable(instance.getId(), "riskReasons")).isEqualTo("FLAGGED_BEFORE");
        assertThat(calls).containsExactly("checks");

        claim(task(), "officer");
        complete(task(), withVariables("decision", "PUBLISH"));
        assertThat(instance).isEnded().hasPassed("publishListing");
    }

    @Test
    void aProhibitedListingIsRejectedAutomatically() {
        ProcessInstance instance = start("PROHIBITED");
        execute(job());
        assertThat(instance).isEnded().hasPassed("rejectListing").hasNotPassed("reviewListing");
        assertThat(calls).containsExactly("checks", "listingRejection");
    }

    @Test
    void aFlaggedListingWaitsForAnOfficerWithADueDate() {
        ProcessInstance instance = start("REVIEW");
        execute(job());
        assertThat(instance).isWaitingAt("reviewListing");
        assertThat(task()).hasCandidateGroup("compliance-officer");
        assertThat(task().getDueDate()).isAfter(new Date(ClockUtil.getCurrentTime().getTime() + Duration.ofDays(2).minusMinutes(1).toMillis()));
        claim(task(), "officer");
        complete(task(), withVariables("decision", "PUBLISH"));
        assertThat(instance).isEnded().hasPassed("publishListing");
        assertThat(runtimeService().createProcessInstanceQuery().count()).isZero();
        assertThat(calls).containsExactly("checks", "listingPublication");
    }

    @Test
    void theOfficerMayRejectAFlaggedListing() {
        ProcessInstance instance = start("REVIEW");
        execute(job());
        claim(task(), "officer");
        complete(task(), withVariables("decision", "REJECT", "decisionReason", "counterfeit"));
        assertThat(instance).isEnded().hasPassed("rejectListing");
        assertThat(calls).containsExactly("checks", "listingRejection");
    }

    @Test
    void changesRequiredWaitForTheSellerAndTheCleanEditIsReviewedAgainNotPublishedAutomatically() {
        ProcessInstance instance = start("REVIEW", "CLEAN");
        execute(job());
        claim(task(), "officer");
        complete(task(), withVariables("decision", "CHANGES_REQUIRED", "questions", "add the battery declaration"));
        assertThat(instance).isWaitingAt("awaitChanges");
        assertThat(calls).containsExactly("checks", "listingChangeRequest");

        runtimeService().createMessageCorrelation("ListingResubmitted").processInstanceId(instance.getId())
                .setVariable("revision", 2).correlate();
        assertThat(instance).isWaitingAt("runChecks");
        execute(job());
        assertThat(instance).isWaitingAt("reviewListing");
        assertThat(runtimeService().getVariable(instance.getId(), "flaggedBefore")).isEqualTo(true);
        assertThat(calls).containsExactly("checks", "listingChangeRequest", "checks");

        claim(task(), "officer");
        complete(task(), withVariables("decision", "PUBLISH"));
        assertThat(instance).isEnded().hasPassed("publishListing");
        assertThat(calls).containsExactly("checks", "listingChangeRequest", "checks", "listingPublication");
    }

    @Test
    void anEditThatIsStillProhibitedIsRejectedWithoutAnOfficer() {
        ProcessInstance instance = start("REVIEW", "PROHIBITED");
        execute(job());
        claim(task(), "officer");
        complete(task(), withVariables("decision", "CHANGES_REQUIRED", "questions", "is this a replica weapon?"));
        runtimeService().createMessageCorrelation("ListingResubmitted").processInstanceId(instance.getId())
                .setVariable("revision", 2).correlate();
        execute(job());
        assertThat(instance).isEnded().hasPassed("rejectListing");
        assertThat(calls).containsExactly("checks", "listingChangeRequest", "checks", "listingRejection");
    }

    @Test
    void changesNotMadeInTimeCloseTheReview() {
        ProcessInstance instance = start("REVIEW");
        execute(job());
        claim(task(), "officer");
        complete(task(), withVariables("decision", "CHANGES_REQUIRED", "questions", "fix the HS code"));
        assertThat(instance).isWaitingAt("awaitChanges");
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + Duration.ofDays(31).toMillis()));
        execute(job());
        assertThat(instance).isEnded().hasPassed("closeUnchanged");
        assertThat(calls).containsExactly("checks", "listingChangeRequest", "listingChangesExpired");
    }

    private ProcessInstance start(String... verdictsInOrder) {
        verdicts.addAll(List.of(verdictsInOrder));
        Map<String, Object> variables = new HashMap<>();
        variables.put("caseType", "listing");
        variables.put("caseId", "listing-1");
        variables.put("caseTitle", "Ceramic tea set");
        variables.put("sellerId", "seller-1");
        variables.put("caseDue", new Date(ClockUtil.getCurrentTime().getTime() + Duration.ofDays(3).toMillis()));
        variables.put("revision", 1);
        variables.put("reviewDue", "P2D");
        variables.put("changesDue", "P30D");
        ProcessInstance instance = runtimeService().startProcessInstanceByKey("listing-review", "listing-1", variables);
        assertThat(instance).isWaitingAt("runChecks");
        return instance;
    }
}
