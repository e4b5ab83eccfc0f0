package io.caravel.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caravel.platform.CaravelException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdentifierCheckTest {

    private static final SanctionsEntry BOUT = ScreeningTestData.ofac().entry(8279).orElseThrow();

    private static SanctionsEntry person(String remarks) {
        return new SanctionsEntry(1, "DOE, John", PartyType.INDIVIDUAL, List.of(), List.of(), List.of(), remarks);
    }

    private static List<String> codes(Identifiers party, SanctionsEntry entry) {
        return IdentifierCheck.adjustments(party, entry).stream().map(IdentifierCheck.Adjustment::code).toList();
    }

    @Test
    void theListsWaysOfWritingABirthAreRead() {
        assertThat(BOUT.datesOfBirth()).containsExactly("13 Jan 1967", "13 Jan 1970");
        assertThat(IdentifierCheck.years(List.of("13 Jan 1967", "1970"))).containsExactlyInAnyOrder(1967, 1970);
        assertThat(IdentifierCheck.years(List.of("1968 to 1970"))).containsExactlyInAnyOrder(1968, 1969, 1970);
        assertThat(IdentifierCheck.years(List.of("circa 1971"))).containsExactlyInAnyOrder(1970, 1971, 1972);
        assertThat(IdentifierCheck.fullDate("13 Jan 1967")).isEqualTo(LocalDate.of(1967, 1, 13));
        assertThat(IdentifierCheck.fullDate("1984-01-08")).isEqualTo(LocalDate.of(1984, 1, 8));
        assertThat(IdentifierCheck.fullDate("1967")).isNull();
    }

    @Test
    void countriesAreKnownByTheNamesListsUse() {
        assertThat(IdentifierCheck.country("Iraq")).isEqualTo("IQ");
        assertThat(IdentifierCheck.country("Korea, North")).isEqualTo("KP");
        assertThat(IdentifierCheck.country("Democratic People's Republic of Korea")).isEqualTo("KP");
        assertThat(IdentifierCheck.country("Democratic Republic of the Congo")).isEqualTo("CD");
        assertThat(IdentifierCheck.country("Russia")).isEqualTo("RU");
        assertThat(IdentifierCheck.country("Atlantis")).isNull();
    }

    @Test
    void aDateOfBirthRaisesOrLowersTheScoreAndSaysWhy() {
        assertThat(codes(new Identifiers(LocalDate.of(1967, 1, 13), null, null), BOUT)).containsExactly("DOB_SAME");
        assertThat(codes(new Identifiers(null, 1970, null), BOUT)).containsExactly("DOB_YEAR");
        assertThat(codes(new Identifiers(null, 1968, null), BOUT)).as("within a year of a listed one").isEmpty();
        List<IdentifierCheck.Adjustment> other = IdentifierCheck.adjustments(new Identifiers(LocalDate.of(1990, 5, 1), null, null), BOUT);
        assertThat(other).extracting(IdentifierCheck.Adjustment::code).containsExactly("DOB_OTHER");
        assertThat(other.get(0).delta()).isNegative();
        assertThat(other.get(0).detail()).isEqualTo("1990 / 13 Jan 1967; 13 Jan 1970");
        assertThat(codes(new Identifiers(null, 1990, null), person(""))).as("nothing listed to compare").isEmpty();
        assertThat(codes(Identifiers.NONE, BOUT)).isEmpty();
    }

    @Test
    void aNationalityRaisesOrLowersTheScore() {
        SanctionsEntry iraqi = person("DOB 1950; nationality Iraq.");
        assertThat(codes(new Identifiers(null, null, "IQ"), iraqi)).containsExactly("NATIONALITY_SAME");
        assertThat(codes(new Identifiers(null, null, "de"), iraqi)).containsExactly("NATIONALITY_OTHER");
        assertThat(codes(new Identifiers(null, null, "DE"), person("nationality Atlantis."))).as("an unknown listed country").isEmpty();
        SanctionsEntry company = new SanctionsEntry(2, "ACME", PartyType.ENTITY, List.of(), List.of(), List.of("Iraq"), "");
        assertThat(codes(new Identifiers(null, 1950, "DE"), company)).as("only persons have a birth and nationality").isEmpty();
    }

    @Test
    void aDiscountedHitStaysWithItsReason() {
        ScreeningHit hit = new ScreeningHit(ListSource.OFAC_SDN, 8279, "BOUT, Viktor Anatolijevitch", "BOUT, Viktor Anatolijevitch",
                false, 0.95, PartyType.INDIVIDUAL, List.of("DRCONGO"), "OFAC-SDN:x:1", null);
        ScreeningHit other = hit.adjusted(IdentifierCheck.adjustments(new Identifiers(null, 1990, null), BOUT), 0.88);
        assertThat(other.finalScore()).isEqualTo(0.8);
        assertThat(other.discounted()).isTrue();
        assertThat(other.score()).isEqualTo(0.95);
        ScreeningHit same = hit.adjusted(IdentifierCheck.adjustments(new Identifiers(LocalDate.of(1967, 1, 13), null, null), BOUT), 0.88);
        assertThat(same.finalScore()).isEqualTo(1.0);
        assertThat(same.discounted()).isFalse();
        assertThat(IdentifierCheck.Adjustment.parse(IdentifierCheck.Adjustment.format(other.adjustments()))).isEqualTo(other.adjustments());
    }

    @Test
    void typedIdentifiersAreCheckedWithTheFieldNamed() {
        assertThat(Identifiers.parse("1970", "de")).isEqualTo(new Identifiers(null, 1970, "DE"));
        assertThat(Identifiers.parse("1970-01-31", " ")).isEqualTo(new Identifiers(LocalDate.of(1970, 1, 31), null, null));
        assertThatThrownBy(() -> Identifiers.parse("31.01.1970", null)).isInstanceOf(CaravelException.class)
                .satisfies(e -> assertThat(((CaravelException) e).fieldErrors().get(0).field()).isEqualTo("dateOfBirth"));
        assertThatThrownBy(() -> Identifiers.parse("1700", null)).isInstanceOf(CaravelException.class);
        assertThatThrownBy(() -> Identifiers.parse(null, "XX")).isInstanceOf(CaravelException.class)
                .satisfies(e -> assertThat(((CaravelException) e).fieldErrors().get(0).field()).isEqualTo("nationality"));
    }
}
