package io.caravel.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameNormalizerTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "José Nuñez Ñandú        | jose nunez nandu",
            "MÜLLER, Jürgen          | muller jurgen",
            "Straße Øresund Łódź     | strasse oresund lodz",
            "Ærø Œuvre Þór Ðorđe     | aero oeuvre thor dorde",
            "Nguyễn Văn Thiệu        | nguyen van thieu",
            "ＡＣＭＥ　ＴＲＡＤＩＮＧ    | acme trading"})
    void foldsAccentsCaseAndWidth(String name, String words) {
        assertThat(NameNormalizer.tokens(name)).containsExactly(words.split(" "));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "AL ZAWAHIRI, Dr. Ayman       | al zawahiri dr ayman",
            "AL-ZUMAR; Abbud (Abu Ali)    | al zumar abbud abu ali",
            "O'Neil Mu’ammar              | oneil muammar",
            "J.P. Morgan & Sons           | jp morgan sons",
            "A.Khan                       | a khan",
            "C.I. OKCOFFEE COLOMBIA S.A.S.| ci okcoffee colombia",
            "EP-GOM                       | ep gom"})
    void turnsPunctuationIntoWordBreaksAndJoinsInitials(String name, String words) {
        assertThat(NameNormalizer.tokens(name)).containsExactly(words.split(" "));
    }

    @Test
    void dropsLegalFormsAndNoiseWords() {
        assertThat(NameNormalizer.tokens("ANGLO-CARIBBEAN CO., LTD.")).containsExactly("anglo", "caribbean");
        assertThat(NameNormalizer.tokens("The Acme Company Limited")).containsExactly("acme");
        assertThat(NameNormalizer.tokens("ACME Corp. GmbH AG S.R.L. B.V. PLC Inc")).containsExactly("acme");
        assertThat(NameNormalizer.tokens("FLORBEL OPERADORA DE RESTAURANTES, S.A. DE C.V."))
                .containsExactly("florbel", "operadora", "de", "restaurantes");
        assertThat(NameNormalizer.normalize("Zulekha General Trading L.L.C."))
                .isEqualTo(NameNormalizer.normalize("ZULEKHA GENERAL TRADING LLC"))
                .isEqualTo(NameNormalizer.normalize("Zulekha General Trading"));
        assertThat(NameNormalizer.normalize("Open Joint Stock Company Kalashnikov Concern"))
                .isEqualTo(NameNormalizer.normalize("OJSC Kalashnikov Concern"))
                .isEqualTo(NameNormalizer.normalize("Kalashnikov Concern PJSC"));
    }

    @Test
    void dropsChineseAndJapaneseCompanySuffixes() {
        assertThat(NameNormalizer.tokens("华为技术有限公司")).containsExactly("华为技术");
        assertThat(NameNormalizer.tokens("深圳市腾讯计算机系统股份有限公司")).containsExactly("深圳市腾讯计算机系统");
        assertThat(NameNormalizer.tokens("华为技术 有限公司")).containsExactly("华为技术");
        assertThat(NameNormalizer.tokens("中国石油天然气集团公司")).containsExactly("中国石油天然气集团");
        assertThat(NameNormalizer.tokens("北京某某有限责任公司")).containsExactly("北京某某");
        assertThat(NameNormalizer.tokens("株式会社トヨタ")).containsExactly("トヨタ");
        assertThat(NameNormalizer.normalize("Huawei Technologies Co., Ltd. 华为技术有限公司"))
                .isEqualTo("huawei technologies 华为技术");
    }

    @Test
    void wordOrderDoesNotChangeTheKey() {
        assertThat(NameNormalizer.normalize("NORIEGA, Manuel Antonio"))
                .isEqualTo(NameNormalizer.normalize("Manuel Antonio Noriega"))
                .isEqualTo(NameNormalizer.normalize("antonio  NORIEGA manuel"))
                .isEqualTo("antonio manuel noriega");
        assertThat(NameNormalizer.tokens("NORIEGA, Manuel Antonio")).containsExactly("noriega", "manuel", "antonio");
        assertThat(NameNormalizer.sortedTokens("NORIEGA, Manuel Antonio")).containsExactly("antonio", "manuel", "noriega");
    }

    @Test
    void keepsANameMadeOnlyOfNoiseWords() {
        assertThat(NameNormalizer.tokens("The Company Ltd.")).containsExactly("the", "company", "ltd");
        assertThat(NameNormalizer.tokens("有限公司")).containsExactly("有限公司");
    }

    @Test
    void emptyForNamesWithoutLettersAndRefusesNull() {
        assertThat(NameNormalizer.normalize("")).isEmpty();
        assertThat(NameNormalizer.normalize(" -- ?? ")).isEmpty();
        assertThat(NameNormalizer.tokens("\u200b")).isEmpty();
        assertThatThrownBy(() -> NameNormalizer.normalize(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("name must not be null");
    }

    @Test
    void joinsParticlesInASecondSpelling() {
        assertThat(NameNormalizer.spellings(List.of("al", "zawahiri", "ayman")))
                .containsExactly(List.of("al", "zawahiri", "ayman"), List.of("alzawahiri", "ayman"));
        assertThat(NameNormalizer.spellings(List.of("abd", "al", "aziz"))).last().isEqualTo(List.of("abdalaziz"));
        assertThat(NameNormalizer.spellings(List.of("usama", "bin", "laden"))).last()
                .isEqualTo(List.of("usama", "binladen"));
        assertThat(NameNormalizer.spellings(List.of("manuel", "noriega"))).containsExactly(List.of("manuel", "noriega"));
        assertThat(NameNormalizer.spellings(List.of("hamza", "abu"))).as("a particle at the end stays")
                .containsExactly(List.of("hamza", "abu"));
    }
}
