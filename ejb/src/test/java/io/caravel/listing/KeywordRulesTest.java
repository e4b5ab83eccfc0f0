package io.caravel.listing;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravel.risk.RiskCategory;
import org.junit.jupiter.api.Test;

/** The shipped keyword rules: whole Latin words, Chinese anywhere, each with its outcome and category. */
class KeywordRulesTest {

    private final KeywordRules rules = KeywordRules.bundled();

    @Test
    void prohibitedWordsAreFoundInEitherLanguage() {
        assertThat(rules.matching("Pure COCAINE sample")).extracting(KeywordRules.Rule::code).containsExactly("NARCOTICS");
        assertThat(rules.matching("正品手枪模型")).extracting(KeywordRules.Rule::outcome).containsExactly("PROHIBITED");
    }

    @Test
    void weaponsAreFoundByTheirNamesWhateverTheHsCodeSays() {
        assertThat(rules.matching("Precision air rifle with scope")).extracting(KeywordRules.Rule::outcome)
                .containsExactly("PROHIBITED");
        assertThat(rules.matching("Airsoft gun, full metal")).extracting(KeywordRules.Rule::code).containsOnly("ARMS")
                .isNotEmpty();
        assertThat(rules.matching("儿童气枪玩具")).extracting(KeywordRules.Rule::code).containsExactly("ARMS");
        assertThat(rules.matching("Air purifier for rifle clubs")).isEmpty();
    }

    @Test
    void latinKeywordsMatchWholeWordsOnly() {
        assertThat(rules.matching("Heroine action figure")).isEmpty();
        assertThat(rules.matching("ivory-coloured silk")).extracting(KeywordRules.Rule::category)
                .containsExactly(RiskCategory.COMPLIANCE);
        assertThat(rules.matching("ivorycoast map")).isEmpty();
    }

    @Test
    void restrictedWordsNameTheDocumentTheyNeed() {
        assertThat(rules.matching("Lithium power bank")).singleElement()
                .satisfies(r -> assertThat(r.document()).isEqualTo("DANGEROUS_GOODS_DECLARATION"));
        assertThat(rules.matching("plain cotton shirt")).isEmpty();
        assertThat(rules.matching(null)).isEmpty();
    }
}
