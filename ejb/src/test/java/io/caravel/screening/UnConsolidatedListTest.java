package io.caravel.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UnConsolidatedListTest {

    private static SanctionsList parse(String xml) {
        return SanctionsList.load(ListSource.UN_SC, Map.of(UnConsolidatedList.FILE, xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theBundledListLoadsEveryIndividualAndEntityWithItsDateAndVersion() {
        SanctionsList un = ScreeningTestData.un();
        assertThat(un.size()).isEqualTo(730 + 273);
        assertThat(un.source()).isEqualTo(ListSource.UN_SC);
        assertThat(un.version()).matches("UN-SC:[0-9a-f]{12}:1003");
        assertThat(un.published()).contains(Instant.parse("2026-02-27T00:00:09.554Z"));
        assertThat(un.entries()).extracting(SanctionsEntry::type).containsOnly(PartyType.INDIVIDUAL, PartyType.ENTITY);
    }

    @Test
    void anIndividualKeepsItsNamePartsAliasesOriginalScriptBirthAndNationality() {
        SanctionsEntry saddam = ScreeningTestData.un().entries().stream()
                .filter(e -> e.alternateNames().contains("صدام حسين التكريتي")).findFirst().orElseThrow();
        assertThat(saddam.type()).isEqualTo(PartyType.INDIVIDUAL);
        assertThat(saddam.primaryName()).containsIgnoringCase("SADDAM");
        assertThat(saddam.remarks()).contains("UN ref ");
        assertThat(saddam.datesOfBirth()).isNotEmpty();
        assertThat(saddam.nationalities()).contains("Iraq");
        assertThat(saddam.programs()).containsExactly("Iraq");
    }

    @Test
    void partsOfAnEntryAreReadWhereverTheyStand() {
        SanctionsList list = parse("""
                <?xml version="1.0" encoding="UTF-8"?>
                <CONSOLIDATED_LIST dateGenerated="2026-01-02T03:04:05Z">
                  <INDIVIDUALS>
                    <INDIVIDUAL>
                      <DATAID>11</DATAID><FIRST_NAME>JONG UN</FIRST_NAME><SECOND_NAME>KIM</SECOND_NAME>
                      <UN_LIST_TYPE>DPRK</UN_LIST_TYPE><REFERENCE_NUMBER>KPi.999</REFERENCE_NUMBER>
                      <NATIONALITY><VALUE>Democratic People's Republic of Korea</VALUE></NATIONALITY>
                      <INDIVIDUAL_ALIAS><QUALITY>Good</QUALITY><ALIAS_NAME>Kim Jong-un; Kim Jongun</ALIAS_NAME></INDIVIDUAL_ALIAS>
                      <INDIVIDUAL_ADDRESS><COUNTRY>Democratic People's Republic of Korea</COUNTRY></INDIVIDUAL_ADDRESS>
                      <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT</TYPE_OF_DATE><DATE>1984-01-08</DATE></INDIVIDUAL_DATE_OF_BIRTH>
                      <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>APPROXIMATELY</TYPE_OF_DATE><YEAR>1983</YEAR></INDIVIDUAL_DATE_OF_BIRTH>
                    </INDIVIDUAL>
                  </INDIVIDUALS>
                  <ENTITIES>
                    <ENTITY><DATAID>12</DATAID><FIRST_NAME>GREEN PINE ASSOCIATED CORPORATION</FIRST_NAME>
                      <ENTITY_ALIAS><ALIAS_NAME>Chongsong Yonhap</ALIAS_NAME></ENTITY_ALIAS></ENTITY>
                  </ENTITIES>
                </CONSOLIDATED_LIST>
                """);
        SanctionsEntry kim = list.entry(11).orElseThrow();
        assertThat(kim.primaryName()).isEqualTo("JONG UN KIM");
        assertThat(kim.alternateNames()).containsExactly("Kim Jong-un", "Kim Jongun");
        assertThat(kim.countries()).containsExactly("Democratic People's Republic of Korea");
        assertThat(kim.datesOfBirth()).containsExactly("1984-01-08", "circa 1983");
        assertThat(kim.remarks()).startsWith("UN ref KPi.999;");
        SanctionsEntry pine = list.entry(12).orElseThrow();
        assertThat(pine.type()).isEqualTo(PartyType.ENTITY);
        assertThat(pine.alternateNames()).containsExactly("Chongsong Yonhap");
        assertThat(list.published()).contains(Instant.parse("2026-01-02T03:04:05Z"));
    }

    @Test
    void aBadFileIsRefusedWithItsLineAndNothingIsLoaded() {
        assertThatThrownBy(() -> parse("<CONSOLIDATED_LIST>\n<INDIVIDUALS>\n<INDIVIDUAL><DATAID>1</DATAID>\n</CONSOLIDATED_LIST>"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("consolidated.xml at line 4");
        assertThatThrownBy(() -> parse("<LIST/>"))
                .hasMessageContaining("expected the root element CONSOLIDATED_LIST");
        assertThatThrownBy(() -> parse("<CONSOLIDATED_LIST>\n<INDIVIDUALS>\n<INDIVIDUAL><FIRST_NAME>X</FIRST_NAME></INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>"))
                .hasMessageContaining("line 3").hasMessageContaining("without DATAID");
        assertThatThrownBy(() -> parse("<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><DATAID>7</DATAID></INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>"))
                .hasMessageContaining("DATAID 7 has no name");
        assertThatThrownBy(() -> parse("<CONSOLIDATED_LIST><INDIVIDUALS/></CONSOLIDATED_LIST>"))
                .hasMessageContaining("no entries");
        assertThatThrownBy(() -> SanctionsList.load(ListSource.UN_SC, Map.of()))
                .hasMessageContaining("missing: consolidated.xml");
    }

    @Test
    void externalEntitiesAreNeverRead() {
        assertThatThrownBy(() -> parse("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><DATAID>1</DATAID><FIRST_NAME>&e;</FIRST_NAME></INDIVIDUAL>"
                + "</INDIVIDUALS></CONSOLIDATED_LIST>")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anArabicScriptNameFindsItsUnEntry() {
        NameScreener screener = new NameScreener(ScreeningTestData.un());
        List<ScreeningHit> hits = screener.screen("صدام حسين التكريتي", PartyType.INDIVIDUAL);
        assertThat(hits).isNotEmpty();
        assertThat(hits.get(0).list()).isEqualTo(ListSource.UN_SC);
        assertThat(hits.get(0).matchedName()).isEqualTo("صدام حسين التكريتي");
        assertThat(hits.get(0).score()).isEqualTo(1.0);
        assertThat(hits.get(0).listVersion()).isEqualTo(ScreeningTestData.un().version());
    }
}
