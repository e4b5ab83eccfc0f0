package io.caravel.bpmn.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every rule of the {@code seller-risk} DMN, evaluated on its own. */
class SellerRiskDecisionTest {

    private static DmnEngine dmn;
    private static DmnDecision decision;

    @BeforeAll
    static void parse() throws Exception {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = SellerRiskDecisionTest.class.getClassLoader()
                .getResourceAsStream("caravel/processes/seller-onboarding/seller-risk.dmn")) {
            decision = dmn.parseDecision("seller-risk", in);
        }
    }

    @Test
    void aCleanApplicantHasNoFactors() {
        assertThat(reasons(applicant())).isEmpty();
    }

    @Test
    void sanctionedAndCallForActionJurisdictionsAreHighRisk() {
        for (String country : List.of("KP", "IR", "MM", "SY", "CU")) {
            assertThat(factors(applicant("country", country))).containsExactly("HIGH:COUNTRY_HIGH_RISK");
        }
    }

    @Test
    void jurisdictionsUnderIncreasedMonitoringAreMediumRisk() {
        assertThat(factors(applicant("country", "RU"))).containsExactly("MEDIUM:COUNTRY_ELEVATED_RISK");
        assertThat(factors(applicant("country", "VE"))).containsExactly("MEDIUM:COUNTRY_ELEVATED_RISK");
    }

    @Test
    void regulatedCategoriesAreMediumRisk() {
        for (String category : List.of("HEALTH", "FOOD", "BEAUTY", "JEWELRY")) {
            assertThat(factors(applicant("mainCategory", category))).containsExactly("MEDIUM:CATEGORY_REGULATED");
        }
        assertThat(reasons(applicant("mainCategory", "TOYS"))).isEmpty();
    }

    @Test
    void aScreeningHitIsHighRiskAndANearMatchMedium() {
        assertThat(factors(applicant("screeningHit", true, "screeningTopScore", 0.93))).containsExactly("HIGH:SANCTIONS_HIT");
        assertThat(factors(applicant("screeningTopScore", 0.8))).containsExactly("MEDIUM:SANCTIONS_NEAR_MATCH");
        assertThat(reasons(applicant("screeningTopScore", 0.7))).isEmpty();
    }

    @Test
    void highVolumeAndMissingDataAreMediumRisk() {
        assertThat(factors(applicant("expectedYearlySalesEur", 5_000_001L))).containsExactly("MEDIUM:HIGH_VOLUME");
        assertThat(reasons(applicant("expectedYearlySalesEur", 5_000_000L))).isEmpty();
        assertThat(factors(applicant("missingFields", 3))).containsExactly("MEDIUM:MISSING_DATA");
        assertThat(reasons(applicant("missingFields", 2))).isEmpty();
    }

    @Test
    void factorsAddUp() {
        assertThat(reasons(applicant("country", "IR", "mainCategory", "FOOD", "missingFields", 4)))
                .containsExactly("COUNTRY_HIGH_RISK", "CATEGORY_REGULATED", "MISSING_DATA");
    }

    private static Map<String, Object> applicant(Object... overrides) {
        Map<String, Object> variables = new HashMap<>(Map.of("country", "DE", "mainCategory", "HOME",
                "screeningHit", false, "screeningTopScore", 0.0, "expectedYearlySalesEur", 250_000L, "missingFields", 0));
        for (int i = 0; i < overrides.length; i += 2) {
            variables.put((String) overrides[i], overrides[i + 1]);
        }
        return variables;
    }

    private static List<String> factors(Map<String, Object> variables) {
        return dmn.evaluateDecisionTable(decision, variables).getResultList().stream()
                .map(r -> r.get("level") + ":" + r.get("reason")).toList();
    }

    private static List<String> reasons(Map<String, Object> variables) {
        return dmn.evaluateDecisionTable(decision, variables).getResultList().stream()
                .map(r -> (String) r.get("reason")).toList();
    }
}
