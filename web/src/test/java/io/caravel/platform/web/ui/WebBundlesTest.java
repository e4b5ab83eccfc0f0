package io.caravel.platform.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import io.caravel.casework.CaseWorkflow;
import io.caravel.casework.TaskKind;
import io.caravel.listing.ListingWorkflow;
import io.caravel.onboarding.OnboardingWorkflow;

/**
 * Every text of the web pages exists in English and Chinese, and every code a person reads on a case
 * page (task kinds, what they ask, decisions, risk levels and reasons, history actions) has its words.
 */
class WebBundlesTest {

    @Test
    void chineseAndEnglishHaveTheSameKeys() throws IOException {
        Properties en = load("i18n/messages.properties");
        Properties zh = load("i18n/messages_zh.properties");
        assertThat(en).isNotEmpty();
        assertThat(zh.keySet()).isEqualTo(en.keySet());
    }

    @Test
    void everyTaskKindHasItsNameWhatItAsksAndItsDecisionsInWords() throws IOException {
        Properties en = load("i18n/messages.properties");
        for (CaseWorkflow workflow : List.of(new OnboardingWorkflow(), new ListingWorkflow(), new io.caravel.customs.CustomsWorkflow(),
                new io.caravel.dispute.DisputeWorkflow(), new io.caravel.sellerreview.SellerReviewWorkflow(),
                new io.caravel.privacy.DataRequestWorkflow())) {
            assertThat(en).containsKey("caseType." + workflow.caseType());
            for (TaskKind kind : workflow.taskKinds()) {
                assertThat(en).containsKeys("task." + kind.key(), "task." + kind.key() + ".ask");
                kind.outcomes().forEach(o -> assertThat(en).containsKey("decision." + o.code()));
            }
        }
    }

    @Test
    void riskLevelsReasonsAndHistoryActionsHaveWords() throws IOException {
        Properties en = load("i18n/messages.properties");
        for (String level : List.of("LOW", "MEDIUM", "HIGH")) {
            assertThat(en).containsKey("risk." + level);
        }
        for (String reason : List.of("SANCTIONS_HIT", "SANCTIONS_NEAR_MATCH", "CATEGORY_REGULATED", "COUNTRY_HIGH_RISK",
                "COUNTRY_ELEVATED_RISK", "HIGH_VOLUME", "MISSING_DATA", "FLAGGED_BEFORE", "ARMS", "NARCOTICS",
                "PROTECTED_SPECIES", "LITHIUM_BATTERY", "PRICE_ANOMALY", "MAP_VIOLATION", "BRAND_NOT_AUTHORIZED",
                "SANCTIONS_MATCH", "SELLER_RISK_HIGH", "MAP_VIOLATION_LIVE", "MAP_VIOLATIONS_REPEATED", "PRICE_DISPERSION",
                "LATE_SHIPMENT_RATE_HIGH", "CANCELLATION_RATE_HIGH", "TAKE_DOWNS_MANY", "DATA_EXPORT_REQUESTED",
                "DATA_ERASURE_REQUESTED")) {
            assertThat(en).containsKey("reason." + reason);
        }
        for (String action : List.of("APPLICATION_SUBMITTED", "SCREENED", "RISK_ASSESSED", "TASK_DECIDED",
                "LISTING_CHECKED", "LISTING_PUBLISHED", "LISTING_TAKEN_DOWN")) {
            assertThat(en).containsKey("history." + action);
        }
    }

    /** Every part of an audit line's detail the code writes (Detail.of, and, andIf) has its words. */
    @Test
    void everyAuditDetailTheCodeWritesHasWords() throws IOException {
        Properties en = load("i18n/messages.properties");
        Pattern part = Pattern.compile("(?:Detail\\.of|\\.and)\\(\"([A-Z_]+)\"|\\.andIf\\([^,]+,\\s*\"([A-Z_]+)\"");
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("../ejb/src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher found = part.matcher(Files.readString(file));
                while (found.find()) {
                    keys.add(found.group(1) != null ? found.group(1) : found.group(2));
                }
            }
        }
        assertThat(keys).contains("DOCUMENTS_MISSING", "TASK_DECIDED", "FLAGGED_BEFORE");
        keys.forEach(key -> assertThat(en).as("history.detail." + key).containsKey("history.detail." + key));
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = WebBundlesTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
