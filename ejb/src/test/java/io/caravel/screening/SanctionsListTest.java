package io.caravel.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SanctionsListTest {

    @TempDir
    Path temp;

    @Test
    void loadsEveryRowOfTheOfacFiles() throws IOException {
        SanctionsList list = ScreeningTestData.ofac();
        Path dir = ScreeningTestData.ofacDirectory();

        assertThat(list.size()).isEqualTo(rows(dir.resolve("sdn.csv")).size()).isEqualTo(8976);
        assertThat(list.entries()).hasSize(list.size());
        // 11,910 alt.csv rows; 4 repeat the primary name and 2 repeat an alternate of the same entry
        long alternates = list.entries().stream().mapToLong(e -> e.alternateNames().size()).sum();
        assertThat(rows(dir.resolve("alt.csv"))).hasSize(11_910);
        assertThat(alternates).isEqualTo(11_904);
        Map<PartyType, Long> byType = list.entries().stream()
                .collect(Collectors.groupingBy(SanctionsEntry::type, Collectors.counting()));
        assertThat(byType).containsEntry(PartyType.INDIVIDUAL, count(dir, ",\"individual\","))
                .containsEntry(PartyType.VESSEL, count(dir, ",\"vessel\","))
                .containsEntry(PartyType.AIRCRAFT, count(dir, ",\"aircraft\","));
        assertThat(byType.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(list.size());
        assertThat(list.entries()).isSortedAccordingTo((a, b) -> Long.compare(a.entNum(), b.entNum()));
    }

    @Test
    void readsAnEntityWithAlternateNamesAddressesAndRemarks() {
        SanctionsEntry bank = ScreeningTestData.ofac().entry(306).orElseThrow();

        assertThat(bank.primaryName()).isEqualTo("BANCO NACIONAL DE CUBA");
        assertThat(bank.type()).isEqualTo(PartyType.ENTITY);
        assertThat(bank.programs()).containsExactly("CUBA");
        assertThat(bank.alternateNames()).contains("NATIONAL BANK OF CUBA");
        assertThat(bank.countries()).contains("Switzerland", "Spain", "Japan", "Panama").doesNotHaveDuplicates();
        assertThat(bank.remarks()).isEqualTo("a.k.a. 'BNC'.");
    }

    @Test
    void datesOfBirthAndNationalitiesAreReadFromTheRemarks() {
        SanctionsEntry listed = ScreeningTestData.ofac().entry(6944).orElseThrow();
        assertThat(listed.datesOfBirth()).containsExactly("1969", "1963", "11 Feb 1964");
        assertThat(listed.nationalities()).containsExactly("Saudi Arabia");
        assertThat(ScreeningTestData.ofac().entry(1572).orElseThrow().datesOfBirth()).isEmpty();
    }

    @Test
    void readsIndividualsAndSeveralPrograms() {
        SanctionsList list = ScreeningTestData.ofac();

        SanctionsEntry noriega = list.entry(1572).orElseThrow();
        assertThat(noriega.primaryName()).isEqualTo("NORIEGA, Manuel Antonio");
        assertThat(noriega.type()).isEqualTo(PartyType.INDIVIDUAL);
        assertThat(noriega.countries()).containsExactly("Panama");
        assertThat(noriega.remarks()).isEmpty();
        assertThat(list.entry(4697).orElseThrow().programs()).containsExactly("FTO", "SDGT", "SYRIA");
        assertThat(list.entry(4243).orElseThrow().type()).isEqualTo(PartyType.VESSEL);
        assertThat(list.entry(15431).orElseThrow().type()).isEqualTo(PartyType.AIRCRAFT);
        assertThat(list.entry(-1)).isEmpty();
        assertThat(list.entry(999_999_999)).isEmpty();
    }

    @Test
    void versionNamesTheContentAndIsStable() throws IOException {
        SanctionsList list = ScreeningTestData.ofac();
        SanctionsList again = SanctionsList.load(ScreeningTestData.ofacDirectory());

        assertThat(list.version()).matches("OFAC-SDN:[0-9a-f]{12}:8976").isEqualTo(again.version());

        Path copy = copyOf(ScreeningTestData.ofacDirectory());
        assertThat(SanctionsList.load(copy).version()).isEqualTo(list.version());
        Files.writeString(copy.resolve("alt.csv"), "306,999999,\"aka\",\"BNC\",-0- \r\n", StandardOpenOption.APPEND);
        SanctionsList changed = SanctionsList.load(copy);
        assertThat(changed.version()).isNotEqualTo(list.version()).endsWith(":8976");
        assertThat(changed.entry(306).orElseThrow().alternateNames()).contains("BNC");
    }

    @Test
    void readsTheQuirksOfTheCsvLayout() {
        SanctionsList mini = SanctionsList.load(ScreeningTestData.fixture("mini"));

        assertThat(mini.size()).isEqualTo(4);
        SanctionsEntry alpha = mini.entry(10).orElseThrow();
        assertThat(alpha.primaryName()).isEqualTo("ALPHA TRADING CO., LTD.");
        assertThat(alpha.type()).isEqualTo(PartyType.ENTITY);
        assertThat(alpha.programs()).containsExactly("SDGT", "IRAN");
        assertThat(alpha.alternateNames()).containsExactly("ALPHA TRADE", "ALFA TRADING");
        assertThat(alpha.countries()).containsExactly("United Arab Emirates", "Iran");
        assertThat(alpha.remarks()).isEqualTo("Remark, with a comma.");
        SanctionsEntry bravo = mini.entry(20).orElseThrow();
        assertThat(bravo.countries()).isEmpty();
        assertThat(bravo.remarks()).isEmpty();
        assertThat(mini.entry(30).orElseThrow().type()).isEqualTo(PartyType.VESSEL);
        assertThat(mini.entry(40).orElseThrow().type()).isEqualTo(PartyType.AIRCRAFT);
        assertThat(mini.entry(99)).as("alternate name of an unknown entry is ignored").isEmpty();
    }

    @Test
    void readsWindows1252Files() {
        SanctionsList list = SanctionsList.load(ScreeningTestData.fixture("windows-1252"));

        assertThat(list.entry(7).orElseThrow().primaryName()).isEqualTo("MÜLLER, José");
        assertThat(list.entry(7).orElseThrow().countries()).containsExactly("Switzerland");
    }

    @Test
    void entriesAreImmutable() {
        SanctionsEntry bank = ScreeningTestData.ofac().entry(306).orElseThrow();

        assertThatThrownBy(() -> bank.alternateNames().add("X")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ScreeningTestData.ofac().entries().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void refusesAMissingDirectoryOrFile() throws IOException {
        Path missing = temp.resolve("nowhere");
        assertThatThrownBy(() -> SanctionsList.load(missing))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("directory not found").hasMessageContaining("nowhere");
        assertThatThrownBy(() -> SanctionsList.load(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be null");

        Path partial = copyOf(ScreeningTestData.fixture("mini"));
        Files.delete(partial.resolve("alt.csv"));
        assertThatThrownBy(() -> SanctionsList.load(partial))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("file missing").hasMessageContaining("alt.csv");
    }

    @Test
    void refusesMalformedFilesNamingFileAndLine() throws IOException {
        assertMalformed("sdn.csv", s -> s.replace("\"SDNT\",-0- ,", "\"SDNT\","),
                "sdn.csv", "line 2", "expected 12 columns, found 11");
        assertMalformed("sdn.csv", s -> s.replace("30,\"CHARLIE", "3O,\"CHARLIE"), "sdn.csv", "line 3", "'3O'");
        assertMalformed("sdn.csv", s -> s.replace("30,\"CHARLIE", "20,\"CHARLIE"), "sdn.csv", "duplicate ent_num 20");
        assertMalformed("sdn.csv", s -> s.replace("\"vessel\"", "\"submarine\""), "sdn.csv", "submarine");
        assertMalformed("sdn.csv", s -> s.replace("\"CHARLIE STAR\"", "-0- "), "sdn.csv", "empty name");
        assertMalformed("add.csv", s -> s.replace("\"Dubai\",", ""), "add.csv", "line 1", "expected 6 columns");
        assertMalformed("alt.csv", s -> s.replace("\"ALPHA TRADE\"", "\"ALPHA \"TRADE\""), "alt.csv");
        assertMalformed("sdn.csv", s -> "\u001a", "sdn.csv", "no entries");
    }

    private void assertMalformed(String file, Function<String, String> edit, String... messageParts) throws IOException {
        Path copy = copyOf(ScreeningTestData.fixture("mini"));
        Path target = copy.resolve(file);
        Files.writeString(target, edit.apply(Files.readString(target, StandardCharsets.US_ASCII)), StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> SanctionsList.load(copy))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContainingAll(messageParts);
    }

    private Path copyOf(Path directory) throws IOException {
        Path copy = Files.createTempDirectory(temp, "list");
        for (String file : List.of("sdn.csv", "alt.csv", "add.csv")) {
            Files.copy(directory.resolve(file), copy.resolve(file));
        }
        return copy;
    }

    /** Data rows of a list file: lines starting with a digit (the last line is an end-of-file mark). */
    private static List<String> rows(Path file) throws IOException {
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.filter(l -> !l.isEmpty() && Character.isDigit(l.charAt(0))).toList();
        }
    }

    private static long count(Path dir, String typeColumn) throws IOException {
        return rows(dir.resolve("sdn.csv")).stream().filter(l -> l.contains(typeColumn)).count();
    }
}
