package io.caravel.bpmn.listing;

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

/** Every rule of the {@code listing-goods} DMN, evaluated on its own. */
class ListingGoodsDecisionTest {

    private static DmnEngine dmn;
    private static DmnDecision decision;

    @BeforeAll
    static void parse() throws Exception {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = ListingGoodsDecisionTest.class.getClassLoader()
                .getResourceAsStream("caravel/processes/listing-review/listing-goods.dmn")) {
            decision = dmn.parseDecision("listing-goods", in);
        }
    }

    @Test
    void ordinaryGoodsMatchNoRule() {
        assertThat(rules("610910", false)).isEmpty();
        assertThat(rules("9503000090", false)).isEmpty();
        assertThat(rules(null, false)).isEmpty();
    }

    @Test
    void armsExplosivesNarcoticsAndIvoryAreProhibited() {
        assertThat(rules("930200", false)).containsExactly("ARMS:PROHIBITED:COMPLIANCE:null");
        assertThat(rules("93", false)).containsExactly("ARMS:PROHIBITED:COMPLIANCE:null");
        assertThat(rules("360410", false)).containsExactly("EXPLOSIVES:PROHIBITED:COMPLIANCE:null");
        assertThat(rules("29397100", false)).containsExactly("NARCOTICS:PROHIBITED:COMPLIANCE:null");
        assertThat(rules("121130", false)).containsExactly("NARCOTICS:PROHIBITED:COMPLIANCE:null");
        assertThat(rules("050710", false)).containsExactly("PROTECTED_SPECIES:PROHIBITED:COMPLIANCE:null");
        assertThat(rules("050790", false)).isEmpty();
    }

    @Test
    void lithiumBatteriesNeedTheDangerousGoodsDeclarationByCodeOrByDeclaration() {
        assertThat(rules("850760", false)).containsExactly("LITHIUM_BATTERY:RESTRICTED:LOGISTICS:DANGEROUS_GOODS_DECLARATION");
        assertThat(rules("8506500000", false)).containsExactly("LITHIUM_BATTERY:RESTRICTED:LOGISTICS:DANGEROUS_GOODS_DECLARATION");
        assertThat(rules("851713", true)).containsExactly("LITHIUM_BATTERY:RESTRICTED:LOGISTICS:DANGEROUS_GOODS_DECLARATION");
        assertThat(rules("850710", false)).isEmpty();
    }

    @Test
    void cosmeticsFoodAndMedicalGoodsNeedTheirDocuments() {
        assertThat(rules("330499", false)).containsExactly("COSMETICS:RESTRICTED:COMPLIANCE:COSMETIC_SAFETY_REPORT");
        assertThat(rules("040690", false)).containsExactly("FOOD:RESTRICTED:COMPLIANCE:FOOD_SAFETY_CERTIFICATE");
        assertThat(rules("190531", false)).containsExactly("FOOD:RESTRICTED:COMPLIANCE:FOOD_SAFETY_CERTIFICATE");
        assertThat(rules("300490", false)).containsExactly("PHARMACEUTICALS:RESTRICTED:COMPLIANCE:MEDICAL_AUTHORISATION");
        assertThat(rules("901890", false)).containsExactly("MEDICAL_DEVICE:RESTRICTED:COMPLIANCE:MEDICAL_AUTHORISATION");
        assertThat(rules("330210", false)).isEmpty();
    }

    @Test
    void rulesAddUp() {
        assertThat(rules("901890", true)).containsExactlyInAnyOrder(
                "LITHIUM_BATTERY:RESTRICTED:LOGISTICS:DANGEROUS_GOODS_DECLARATION",
                "MEDICAL_DEVICE:RESTRICTED:COMPLIANCE:MEDICAL_AUTHORISATION");
    }

    private static List<String> rules(String hsCode, boolean lithium) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("hsCode", hsCode);
        variables.put("lithiumBattery", lithium);
        return dmn.evaluateDecisionTable(decision, variables).getResultList().stream()
                .map(r -> r.get("code") + ":" + r.get("outcome") + ":" + r.get("category") + ":" + r.get("document"))
                .toList();
    }
}
