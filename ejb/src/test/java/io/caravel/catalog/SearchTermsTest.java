package io.caravel.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Search terms in English and Chinese: what a product is indexed under and what a query must match. */
class SearchTermsTest {

    @Test
    void latinWordsAreLowerCasedFoldedAndSingular() {
        assertThat(SearchTerms.forIndex("Lithium Batteries, 2 Packs — Café")).containsExactly("lithium", "battery", "2", "pack", "cafe");
        assertThat(SearchTerms.forQuery("battery")).containsExactly("battery");
        assertThat(SearchTerms.singular("glass")).isEqualTo("glass");
        assertThat(SearchTerms.singular("bus")).isEqualTo("bus");
    }

    @Test
    void chineseIsIndexedByCharactersAndPairsAndQueriedByPairs() {
        assertThat(SearchTerms.forIndex("锂电池")).containsExactlyInAnyOrder("锂", "电", "池", "锂电", "电池");
        assertThat(SearchTerms.forQuery("电池")).containsExactly("电池");
        assertThat(SearchTerms.forQuery("电")).containsExactly("电");
        assertThat(SearchTerms.forIndex("充电宝")).containsAll(SearchTerms.forQuery("充电"));
        assertThat(SearchTerms.forIndex("无线耳机wireless")).contains("耳机", "wireless");
    }

    @Test
    void punctuationAndEmptyTextGiveNoTerms() {
        assertThat(SearchTerms.forQuery("  ,.;  ")).isEmpty();
        assertThat(SearchTerms.forQuery(null)).isEmpty();
    }
}
