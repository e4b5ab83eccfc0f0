package io.caravel.hs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caravel.platform.CaravelException;
import io.caravel.platform.ProblemType;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HsNomenclatureTest {

    private static final HsNomenclature HS = HsNomenclature.bundled();

    @Test
    void loadsEveryChapterHeadingAndSubheadingButTheStatisticalOnes() {
        // 6,940 rows: 97 chapters, 1,229 headings, 5,613 subheadings, less chapter 99 (3 rows) and the total
        assertThat(HS.size()).isEqualTo(97 - 1 + 1229 - 1 + 5613 - 1);
        assertThatThrownBy(() -> HS.classify("99")).satisfies(e -> assertNotFound(e, "99"));
    }

    @Test
    void classifiesChapterHeadingAndSubheading() {
        Classification chapter = HS.classify("85");
        assertThat(chapter.level()).isEqualTo(HsLevel.CHAPTER);
        assertThat(chapter.hsCode()).isEqualTo("85");
        assertThat(chapter.description()).startsWith("Electrical machinery and equipment");
        assertThat(chapter.path()).extracting(HsNode::code).containsExactly("85");

        Classification heading = HS.classify("6109");
        assertThat(heading.level()).isEqualTo(HsLevel.HEADING);
        assertThat(heading.description()).isEqualTo("T-shirts, singlets and other vests; knitted or crocheted");
        assertThat(heading.section().numeral()).isEqualTo("XI");

        Classification subheading = HS.classify("010121");
        assertThat(subheading.level()).isEqualTo(HsLevel.SUBHEADING);
        assertThat(subheading.code()).isEqualTo("010121");
        assertThat(subheading.chapter()).isEqualTo(new HsNode("01", "Animals; live"));
        assertThat(subheading.section()).isEqualTo(new HsSection("I", "live animals; animal products"));
    }

    @Test
    void givesThePathFromSectionToSubheading() {
        Classification battery = HS.classify("850760");

        assertThat(battery.section().numeral()).isEqualTo("XVI");
        assertThat(battery.section().name()).startsWith("Machinery and mechanical appliances");
        assertThat(battery.path()).extracting(HsNode::code).containsExactly("85", "8507", "850760");
        assertThat(battery.chapter().code()).isEqualTo("85");
        assertThat(battery.path().get(1).description()).startsWith("Electric accumulators");
        assertThat(battery.description()).contains("lithium-ion");
        assertThat(battery.edition()).isEqualTo("HS 2022");
    }

    @Test
    void acceptsDotsAndSpaces() {
        assertThat(HS.classify("8507.60").code()).isEqualTo("850760");
        assertThat(HS.classify(" 8507 60 ").code()).isEqualTo("850760");
        assertThat(HS.classify("8507.60.00").code()).isEqualTo("85076000");
    }

    @Test
    void acceptsNationalTariffLinesUnderAKnownSubheading() {
        Classification eu = HS.classify("8507 60 00");
        assertThat(eu.code()).isEqualTo("85076000");
        assertThat(eu.hsCode()).isEqualTo("850760");
        assertThat(eu.level()).isEqualTo(HsLevel.NATIONAL);
        assertThat(eu.description()).isEqualTo(HS.classify("850760").description());
        assertThat(eu.path()).extracting(HsNode::code).containsExactly("85", "8507", "850760");

        Classification us = HS.classify("6109.10.0012");
        assertThat(us.code()).isEqualTo("6109100012");
        assertThat(us.hsCode()).isEqualTo("610910");
        assertThat(us.level()).isEqualTo(HsLevel.NATIONAL);
    }

    @Test
    void refusesNationalTariffLinesUnderAnUnknownSubheading() {
        assertThatThrownBy(() -> HS.classify("85077000")).satisfies(e -> assertNotFound(e, "85077000"));
        assertThatThrownBy(() -> HS.classify("8507700010")).satisfies(e -> assertNotFound(e, "8507700010"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "8", "850", "85076", "8507600", "850760000", "85076000001", "8507-60", "85O7",
            "８５０７", "8507,60"})
    void refusesMalformedCodes(String code) {
        assertThatThrownBy(() -> HS.classify(code)).satisfies(e -> assertInvalid(e, "hsCode", "error.hs.format"));
    }

    @Test
    void refusesNoCode() {
        assertThatThrownBy(() -> HS.classify(null)).satisfies(e -> assertInvalid(e, "hsCode", "error.hs.format"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"77", "7701", "770100", "77.01.00.00"})
    void refusesTheReservedChapter77(String code) {
        assertThatThrownBy(() -> HS.classify(code)).satisfies(e -> assertInvalid(e, "hsCode", "error.hs.reserved"));
    }

    @Test
    void refusesUnknownCodes() {
        assertThatThrownBy(() -> HS.classify("8599")).satisfies(e -> assertNotFound(e, "8599"));
        assertThatThrownBy(() -> HS.classify("850799")).satisfies(e -> assertNotFound(e, "850799"));
        assertThatThrownBy(() -> HS.classify("00")).satisfies(e -> assertNotFound(e, "00"));
    }

    @Test
    void suggestsLithiumIonBatteries() {
        assertThat(codes(HS.suggest("lithium ion battery", 3))).contains("850760");
        assertThat(codes(HS.suggest("Lithium-ion batteries", 3))).contains("850760");
    }

    @Test
    void suggestsCottonTShirts() {
        assertThat(codes(HS.suggest("cotton t-shirt", 5))).anyMatch(code -> code.startsWith("6109"));
        assertThat(codes(HS.suggest("cotton t-shirt", 5)).get(0)).isEqualTo("610910");
    }

    @Test
    void suggestsRunningShoes() {
        assertThat(codes(HS.suggest("running shoes", 5))).anyMatch(code -> code.startsWith("64"));
        // "shoe" is in three descriptions; the one that says it four times (sports footwear) comes first
        assertThat(codes(HS.suggest("running shoes", 5)).get(0)).isEqualTo("640411");
    }

    @Test
    void suggestsLeatherHandbags() {
        assertThat(codes(HS.suggest("leather handbag", 5))).anyMatch(code -> code.startsWith("4202"));
        assertThat(codes(HS.suggest("leather handbag", 5)).get(0)).isEqualTo("420221");
    }

    @Test
    void suggestionsCarryDescriptionScoreAndPath() {
        List<Suggestion> suggestions = HS.suggest("leather handbag", 10);

        assertThat(suggestions).hasSize(10);
        assertThat(suggestions).extracting(Suggestion::score).isSortedAccordingTo((a, b) -> Double.compare(b, a))
                .allMatch(score -> score > 0 && score <= 1);
        Suggestion best = suggestions.get(0);
        assertThat(best.description()).contains("handbags").contains("leather");
        assertThat(best.section().numeral()).isEqualTo("VIII");
        assertThat(best.path()).extracting(HsNode::code).containsExactly("42", "4202", best.code());
        assertThat(suggestions).extracting(Suggestion::code).allMatch(code -> code.length() == 6);
    }

    @Test
    void synonymsFindTheNomenclaturesWords() {
        // "mobile" alone would find mobile cranes; the synonyms make it a telephone for cellular networks
        assertThat(codes(HS.suggest("mobile phone", 3)).get(0)).startsWith("8517");
        assertThat(codes(HS.suggest("手机", 3)).get(0)).startsWith("8517");
        assertThat(codes(HS.suggest("power bank", 3))).anyMatch(code -> code.startsWith("8507"));
        // a rechargeable lithium-ion battery is an accumulator (850760), not a primary lithium cell (850650)
        assertThat(codes(HS.suggest("lithium-ion battery", 3)).get(0)).isEqualTo("850760");
        assertThat(codes(HS.suggest("锂电池", 3)).get(0)).isEqualTo("850760");
    }

    @Test
    void wordsOfTheHeadingAndChapterCountToo() {
        // "electrical" is only in the description of chapter 85, not in those of 8507 or 850760
        List<Suggestion> suggestions = HS.suggest("electrical machinery lithium-ion", 1);
        assertThat(suggestions).extracting(Suggestion::code).containsExactly("850760");
    }

    @Test
    void unknownWordsLowerTheScoreButNotTheRanking() {
        List<Suggestion> plain = HS.suggest("leather handbag", 5);
        List<Suggestion> branded = HS.suggest("Zorblax leather handbag", 5);

        assertThat(codes(branded)).isEqualTo(codes(plain));
        assertThat(branded.get(0).score()).isLessThan(plain.get(0).score());
        assertThat(HS.suggest("zorblax", 5)).isEmpty();
    }

    @Test
    void refusesAnEmptyDescription() {
        for (String words : new String[] {null, "", "   ", "the and of", "!!!"}) {
            assertThatThrownBy(() -> HS.suggest(words, 10)).satisfies(e -> assertInvalid(e, "q", "error.hs.query"));
        }
    }

    @Test
    void refusesALimitOutOfRange() {
        assertThatThrownBy(() -> HS.suggest("shoes", 0)).satisfies(e -> assertInvalid(e, "limit", "error.limit"));
        assertThatThrownBy(() -> HS.suggest("shoes", 51)).satisfies(e -> assertInvalid(e, "limit", "error.limit"));
        assertThat(HS.suggest("shoes", 50)).hasSizeLessThanOrEqualTo(50);
    }

    @Test
    void makesPluralsSingular() {
        assertThat(HsNomenclature.singular("batteries")).isEqualTo("battery");
        assertThat(HsNomenclature.singular("shoes")).isEqualTo("shoe");
        assertThat(HsNomenclature.singular("boxes")).isEqualTo("box");
        assertThat(HsNomenclature.singular("watches")).isEqualTo("watch");
        assertThat(HsNomenclature.singular("glasses")).isEqualTo("glass");
        assertThat(HsNomenclature.singular("glass")).isEqualTo("glass");
        assertThat(HsNomenclature.singular("gas")).isEqualTo("gas");
        assertThat(HsNomenclature.singular("asparagus")).isEqualTo("asparagus");
        assertThat(HsNomenclature.terms("T-shirts, of the cotton; n.e.c.")).containsExactly("shirt", "tshirt", "cotton");
    }

    @Test
    void loadsFromCsvWithAByteOrderMark() throws IOException {
        String sections = "\uFEFFsection,name\nI,live animals; animal products\n";
        String codes = """
                section,hscode,description,parent,level
                I,01,Animals; live,TOTAL,2
                I,0101,"Horses, asses, mules and hinnies; live",01,4
                I,010121,"Horses; live, pure-bred breeding animals",0101,6
                TOTAL,99,Commodities not specified according to kind,TOTAL,2
                """;
        HsNomenclature small = HsNomenclature.load(new StringReader(codes), new StringReader(sections));

        assertThat(small.size()).isEqualTo(3);
        assertThat(small.classify("0101.21").section()).isEqualTo(new HsSection("I", "live animals; animal products"));
        assertThat(codes(small.suggest("horse", 5))).containsExactly("010121");
    }

    @Test
    void refusesACodeUnderAnUnknownParent() {
        String sections = "section,name\nI,live animals\n";
        String codes = "section,hscode,description,parent,level\nI,01,Animals; live,TOTAL,2\nI,020110,Meat,0201,6\n";

        assertThatThrownBy(() -> HsNomenclature.load(new StringReader(codes), new StringReader(sections)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("020110");
    }

    private static List<String> codes(List<Suggestion> suggestions) {
        return suggestions.stream().map(Suggestion::code).toList();
    }

    private static void assertInvalid(Throwable thrown, String field, String messageKey) {
        assertThat(thrown).isInstanceOf(CaravelException.class);
        CaravelException e = (CaravelException) thrown;
        assertThat(e.type()).isEqualTo(ProblemType.VALIDATION);
        assertThat(e.fieldErrors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo(field);
            assertThat(error.messageKey()).isEqualTo(messageKey);
        });
    }

    private static void assertNotFound(Throwable thrown, String code) {
        assertThat(thrown).isInstanceOf(CaravelException.class);
        CaravelException e = (CaravelException) thrown;
        assertThat(e.type()).isEqualTo(ProblemType.NOT_FOUND);
        assertThat(e.arguments()).containsExactly("hs-code", code);
    }
}
