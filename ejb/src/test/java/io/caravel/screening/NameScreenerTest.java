package io.caravel.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class NameScreenerTest {

    private final SanctionsList list = ScreeningTestData.ofac();
    private final NameScreener screener = ScreeningTestData.ofacScreener();

    @Test
    void findsAnExactPrimaryName() {
        List<ScreeningHit> hits = screener.screen("NORIEGA, Manuel Antonio", PartyType.INDIVIDUAL);

        assertThat(hits).isNotEmpty();
        ScreeningHit top = hits.get(0);
        assertThat(top.entNum()).isEqualTo(1572);
        assertThat(top.score()).isEqualTo(1.0);
        assertThat(top.listedName()).isEqualTo("NORIEGA, Manuel Antonio");
        assertThat(top.matchedName()).isEqualTo("NORIEGA, Manuel Antonio");
        assertThat(top.alternate()).isFalse();
        assertThat(top.partyType()).isEqualTo(PartyType.INDIVIDUAL);
        assertThat(top.programs()).containsExactly("CUBA");
        assertThat(top.listVersion()).isEqualTo(list.version()).isEqualTo(screener.listVersion());
    }

    @Test
    void reportsTheAlternateNameThatMatched() {
        ScreeningHit top = screener.screen("National Bank of Cuba", PartyType.ENTITY).get(0);

        assertThat(top.entNum()).isEqualTo(306);
        assertThat(top.score()).isEqualTo(1.0);
        assertThat(top.listedName()).isEqualTo("BANCO NACIONAL DE CUBA");
        assertThat(top.matchedName()).isEqualTo("NATIONAL BANK OF CUBA");
        assertThat(top.alternate()).isTrue();
    }

    @ParameterizedTest(name = "\"{0}\" finds entry {1}")
    @CsvSource(delimiter = '|', value = {
            // spelling variants
            "Manuel Antonio Noriaga          | 1572",
            "Ayman al-Zawahri                | 2676",
            "Khalid Sheikh Mohamed           | 6928",
            "Hizbollah                       | 4697",
            "Manuel Antonio Noriéga          | 1572",
            // word order: First Last against LAST, First
            "Manuel Antonio Noriega          | 1572",
            "Ayman Al Zawahiri               | 2676",
            // a missing middle name
            "Manuel Noriega                  | 1572",
            // legal forms written otherwise or left out
            "Zulekha General Trading L.L.C.  | 10604",
            "Zulekha General Trading         | 10604",
            "Anglo Caribbean Company Limited | 173",
            "Banco Nacional de Cuba S.A.     | 306",
            // particles written together
            "Ayman Alzawahiri                | 2676",
            "Usama Binladin                  | 6365",
            // a dropped middle name, a name's syllables written joined or apart, at the default threshold too
            "Viktor Bout                     | 8279",
            "Viktor Anatolyevich Bout        | 8279",
            "Kim Jongun                      | 20157",
            "Jongun Kim                      | 20157"})
    void findsVariantsOfListedNamesAbove085(String name, long entNum) {
        List<ScreeningHit> hits = screener.screen(name, null, 0.85, 10);

        assertThat(hits).extracting(ScreeningHit::entNum).contains(entNum);
        assertThat(hits.get(0).entNum()).as("best hit").isEqualTo(entNum);
        assertThat(hits.get(0).score()).isGreaterThanOrEqualTo(0.85);
    }

    @Test
    void findsPersonsByTheirShortFormsAtTheDefaultThreshold() {
        assertThat(screener.screen("Viktor Bout", PartyType.INDIVIDUAL)).extracting(ScreeningHit::entNum).first().isEqualTo(8279L);
        assertThat(screener.screen("Kim Jongun", PartyType.INDIVIDUAL)).extracting(ScreeningHit::entNum).contains(20157L);
        assertThat(screener.screen("Kim Jongun", PartyType.ENTITY)).as("person forms are a person's")
                .extracting(ScreeningHit::entNum).doesNotContain(20157L);
        assertThat(NameNormalizer.personForms("KIM, Jong Un")).containsExactly(List.of("kim", "jongun"));
        assertThat(NameNormalizer.personForms("BOUT, Viktor Anatolijevitch")).containsExactly(List.of("bout", "viktor"));
        assertThat(NameNormalizer.personForms("Viktor Anatolyevich Bout")).containsExactly(List.of("viktor", "bout"));
        assertThat(NameNormalizer.personForms("Manuel Noriega")).isEmpty();
    }

    @Test
    void everyHitExplainsWhichFormsAndWordsMatched() {
        Explanation bout = screener.screen("Viktor Bout", PartyType.INDIVIDUAL).get(0).explanation();
        assertThat(bout.queryForm()).isEqualTo(NameForm.WRITTEN);
        assertThat(bout.listedForm()).isEqualTo(NameForm.WITHOUT_MIDDLE_NAMES);
        assertThat(bout.pairs()).extracting(Explanation.WordPair::query, Explanation.WordPair::listed)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("viktor", "viktor"), org.assertj.core.groups.Tuple.tuple("bout", "bout"));
        assertThat(bout.unmatchedQuery()).isEmpty();
        assertThat(Explanation.parse(Explanation.format(bout))).as("kept with a case as text").isEqualTo(bout);

        Explanation kim = screener.screen("Kim Jongun", PartyType.INDIVIDUAL).stream().filter(h -> h.entNum() == 20157)
                .findFirst().orElseThrow().explanation();
        assertThat(kim.listedForm()).isEqualTo(NameForm.SYLLABLES_JOINED);

        Explanation noriega = screener.screen("Manuel Antonio Norriega", PartyType.INDIVIDUAL).get(0).explanation();
        assertThat(noriega.pairs()).anySatisfy(p -> {
            assertThat(p.query()).isEqualTo("norriega");
            assertThat(p.listed()).isEqualTo("noriega");
            assertThat(p.similarity()).isBetween(0.85, 0.99);
        });

        Explanation longer = screener.screen("Manuel Antonio Noriega Moreno", PartyType.INDIVIDUAL, 0.8, 5).get(0).explanation();
        assertThat(longer.unmatchedQuery()).contains("moreno");
    }

    @Test
    void aNameInAnotherScriptIsComparedInLatinLetters() {
        assertThat(NameNormalizer.transliteration("Виктор Бут")).isEqualTo("Viktor But");
        assertThat(NameNormalizer.transliteration("Viktor Bout")).isNull();
        ScreeningHit bout = screener.screen("Виктор Бут", PartyType.INDIVIDUAL).get(0);
        assertThat(bout.entNum()).isEqualTo(8279);
        assertThat(bout.explanation().queryForm()).isEqualTo(NameForm.TRANSLITERATED);
        assertThat(screener.screen("Мануэль Норьега", null)).extracting(ScreeningHit::entNum).contains(1572L);
    }

    @ParameterizedTest(name = "\"{0}\" has no hit")
    @ValueSource(strings = {"John Smith", "Jennifer Wilson", "Golden Dragon Trading Co., Ltd.",
            "Blue Ocean Logistics GmbH", "Sakura Tanaka", "Hamburg Harbor Coffee Roasters", "华为技术有限公司"})
    void clearlyDifferentNamesDoNotHit(String name) {
        assertThat(screener.screen(name, null, 0.85, 10)).isEmpty();
    }

    @Test
    void scoresNamesSharingOneWordLow() {
        assertThat(NameScreener.score("Mohammed Ali", "Mohammed Hassan")).isLessThan(0.75);
        assertThat(NameScreener.score("Ali", "ALI, Mohammed Hassan")).isLessThan(0.85);
        assertThat(NameScreener.score("Mohammed Ali", "ALAMIN, Mohamed")).as("ali is not the start of alamin")
                .isLessThan(0.75);
        assertThat(NameScreener.score("Maria Garcia", "GARCIA RODRIGUEZ, Martha")).isLessThan(0.88);
        assertThat(NameScreener.score("Mohamed Ali", "ALI, Mohammed")).isGreaterThan(0.95);
        assertThat(NameScreener.score("Al Zumar", "ALZUMAR")).isEqualTo(1.0);
        assertThat(NameScreener.score("NORIEGA, Manuel Antonio", "Manuel Antonio Noriega")).isEqualTo(1.0);
        assertThat(NameScreener.score("Manuel Noriega", "NORIEGA, Manuel Antonio")).isCloseTo(0.892, within(0.001));
    }

    @Test
    void comparesIndividualsWithIndividualsAndOthersWithOthers() {
        assertThat(entNums(screener.screen("National Bank of Cuba", PartyType.INDIVIDUAL, 0.8, 50))).doesNotContain(306L);
        assertThat(entNums(screener.screen("NORIEGA, Manuel Antonio", PartyType.ENTITY, 0.8, 50))).doesNotContain(1572L);
        assertThat(entNums(screener.screen("NORIEGA, Manuel Antonio", null, 0.8, 50))).contains(1572L);
        assertThat(screener.screen("Usama bin Laden", PartyType.INDIVIDUAL, 0.8, 50))
                .allMatch(h -> h.partyType() == PartyType.INDIVIDUAL);
        List<ScreeningHit> entities = screener.screen("Usama bin Laden", PartyType.ENTITY, 0.8, 50);
        assertThat(entities).isNotEmpty().noneMatch(h -> h.partyType() == PartyType.INDIVIDUAL);
        // a listed ship or aircraft matches a query of its type or of none, never a company's name
        assertThat(entNums(screener.screen("Sand Swan", PartyType.ENTITY, 0.9, 5))).doesNotContain(4243L);
        assertThat(entNums(screener.screen("Sand Swan", PartyType.VESSEL, 0.9, 5))).contains(4243L);
        assertThat(entNums(screener.screen("Sand Swan", null, 0.9, 5))).contains(4243L);
        assertThat(entNums(screener.screen("EP-GOM", PartyType.AIRCRAFT, 0.9, 5))).contains(15431L);
        assertThat(entNums(screener.screen("EP-GOM", PartyType.ENTITY, 0.9, 5))).doesNotContain(15431L);
        assertThat(screener.screen("Bright Star", PartyType.ENTITY, 0.5, 50))
                .noneMatch(h -> h.partyType() == PartyType.VESSEL || h.partyType() == PartyType.AIRCRAFT);
        // a ship's name is still compared with the companies that may stand for it
        assertThat(screener.screen("National Bank of Cuba", PartyType.VESSEL, 0.8, 50)).extracting(ScreeningHit::entNum)
                .contains(306L);
    }

    @Test
    void ranksByScoreThenEntNumAndStopsAtTheLimit() {
        List<ScreeningHit> all = screener.screen("Mohammed Ali", null, 0.8, 1000);
        assertThat(all).hasSizeGreaterThan(5);
        assertThat(all).isSortedAccordingTo(Comparator.comparingDouble(ScreeningHit::score).reversed()
                .thenComparingLong(ScreeningHit::entNum));
        assertThat(all).allMatch(h -> h.score() >= 0.8 && h.score() <= 1.0);
        assertThat(all).allMatch(h -> Math.abs(h.score() * 1000 - Math.round(h.score() * 1000)) < 1e-6,
                "scores have 3 decimals");
        assertThat(all).extracting(ScreeningHit::entNum).doesNotHaveDuplicates();

        assertThat(screener.screen("Mohammed Ali", null, 0.8, 3)).containsExactlyElementsOf(all.subList(0, 3));
        assertThat(screener.screen("Mohammed Ali", null, 0.8, 1)).containsExactly(all.get(0));
        double third = all.get(2).score();
        assertThat(screener.screen("Mohammed Ali", null, third, 1000))
                .containsExactlyElementsOf(all.stream().filter(h -> h.score() >= third).toList());
    }

    @Test
    void thresholdOneKeepsOnlyExactNames() {
        assertThat(screener.screen("HIZBALLAH", null, 1.0, 10)).extracting(ScreeningHit::entNum).containsExactly(4697L);
        assertThat(screener.screen("Hizbollah", null, 1.0, 10)).isEmpty();
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        assertThat(NameScreener.DEFAULT_THRESHOLD).isEqualTo(0.88);
        assertThat(screener.screen("Mohammed Ali", null)).hasSizeLessThanOrEqualTo(NameScreener.DEFAULT_LIMIT)
                .allMatch(h -> h.score() >= NameScreener.DEFAULT_THRESHOLD);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "\t\n"})
    void refusesAMissingName(String name) {
        assertThatThrownBy(() -> screener.screen(name, null, 0.85, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("name to screen must not be null or blank");
    }

    @Test
    void refusesANameWithoutLetters() {
        assertThatThrownBy(() -> screener.screen("?? -- !!", null, 0.85, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no letters or digits").hasMessageContaining("?? -- !!");
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.01, 1.01, Double.NaN, Double.POSITIVE_INFINITY})
    void refusesAThresholdOutside0To1(double threshold) {
        assertThatThrownBy(() -> screener.screen("Manuel Noriega", null, threshold, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("threshold must be between 0 and 1");
        assertThatThrownBy(() -> screener.screenExhaustive("Manuel Noriega", null, threshold, 10))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesALimitBelowOne() {
        assertThatThrownBy(() -> screener.screen("Manuel Noriega", null, 0.85, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("limit must be at least 1, was 0");
    }

    @Test
    void screensOnASmallList() {
        NameScreener mini = new NameScreener(SanctionsList.load(ScreeningTestData.fixture("mini")));

        ScreeningHit hit = mini.screen("Alfa Trading Company", PartyType.ENTITY).get(0);
        assertThat(hit.entNum()).isEqualTo(10);
        assertThat(hit.matchedName()).isEqualTo("ALFA TRADING");
        assertThat(hit.alternate()).isTrue();
        assertThat(hit.score()).isEqualTo(1.0);
        assertThat(hit.programs()).containsExactly("SDGT", "IRAN");
        assertThat(mini.screen("Carlos Alberto Bravo", PartyType.INDIVIDUAL).get(0).entNum()).isEqualTo(20);
        assertThat(mini.screen("Orphan Name", null)).isEmpty();
    }

    @Test
    void givesTheSameAnswersFromSeveralThreads() throws Exception {
        List<String> names = List.of("Manuel Noriega", "Mohammed Ali", "National Bank of Cuba", "Hizbollah",
                "Khalid Sheikh Mohamed", "Usama bin Laden", "Zulekha General Trading", "Maria Garcia");
        List<List<ScreeningHit>> expected = names.stream().map(n -> screener.screen(n, null, 0.8, 20)).toList();
        NameScreener fresh = new NameScreener(list); // empty caches, filled concurrently
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<List<ScreeningHit>>>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                runs.add(pool.submit(() -> {
                    List<List<ScreeningHit>> results = new ArrayList<>();
                    for (int round = 0; round < 5; round++) {
                        for (String name : names) {
                            results.add(fresh.screen(name, null, 0.8, 20));
                        }
                    }
                    return results;
                }));
            }
            for (Future<List<List<ScreeningHit>>> run : runs) {
                List<List<ScreeningHit>> results = run.get();
                for (int i = 0; i < results.size(); i++) {
                    assertThat(results.get(i)).isEqualTo(expected.get(i % names.size()));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Long> entNums(List<ScreeningHit> hits) {
        return hits.stream().map(ScreeningHit::entNum).toList();
    }
}
