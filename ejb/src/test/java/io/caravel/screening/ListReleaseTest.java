package io.caravel.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** A release loaded over another: the delta between OFAC's two bundled releases, and the files an administrator hands over. */
class ListReleaseTest {

    static Map<String, byte[]> previousOfacFiles() throws IOException {
        Path folder = ScreeningTestData.fixture("ofac-previous");
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String file : ListSource.OFAC_SDN.files()) {
            files.put(file, Files.readAllBytes(folder.resolve(file)));
        }
        return files;
    }

    @Test
    void theDeltaNamesEntriesAddedRemovedAndChanged() throws IOException {
        SanctionsList previous = SanctionsList.load(ListSource.OFAC_SDN, previousOfacFiles());
        SanctionsList current = ScreeningTestData.ofac();
        assertThat(previous.size()).isEqualTo(7379);

        SanctionsList.Delta delta = current.since(previous);
        assertThat(delta.added()).isNotEmpty().allMatch(e -> previous.entry(e.entNum()).isEmpty());
        assertThat(delta.removed()).allMatch(e -> current.entry(e.entNum()).isEmpty());
        assertThat(delta.changed()).isNotEmpty()
                .allMatch(e -> !previous.entry(e.entNum()).orElseThrow().equals(e));
        assertThat(previous.size() + delta.added().size() - delta.removed().size()).isEqualTo(current.size());
        assertThat(delta.added()).extracting(SanctionsEntry::entNum).isSorted();

        assertThat(current.since(current).added()).isEmpty();
        assertThat(current.since(current).changed()).isEmpty();
        assertThat(current.since(null).added()).as("the first release has nothing to differ from").isEmpty();
        assertThat(previous.checksum()).hasSize(64).isNotEqualTo(current.checksum());
        Map<String, byte[]> files = previousOfacFiles();
        assertThat(SanctionsList.digest(files.get("sdn.csv"), files.get("alt.csv"), files.get("add.csv")))
                .as("a release's checksum without parsing it, as start-up compares it").isEqualTo(previous.checksum());
    }

    @Test
    void ofacFilesComeAsAZipInAnyFolderOrOneByOne() throws IOException {
        Map<String, byte[]> files = previousOfacFiles();
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                out.putNextEntry(new ZipEntry("sdn_2024/" + file.getKey().toUpperCase()));
                out.write(file.getValue());
            }
            out.putNextEntry(new ZipEntry("sdn_comments.csv"));
            out.write("ignored".getBytes());
        }
        Map<String, byte[]> unzipped = ReleaseFiles.ofBody(ListSource.OFAC_SDN, zip.toByteArray());
        assertThat(unzipped.keySet()).containsExactlyInAnyOrder("sdn.csv", "alt.csv", "add.csv");
        assertThat(SanctionsList.load(ListSource.OFAC_SDN, unzipped).checksum())
                .isEqualTo(SanctionsList.load(ListSource.OFAC_SDN, files).checksum());
        assertThat(ReleaseFiles.of(ListSource.OFAC_SDN, files).keySet()).containsExactly("sdn.csv", "alt.csv", "add.csv");

        assertThatThrownBy(() -> ReleaseFiles.ofBody(ListSource.OFAC_SDN, files.get("sdn.csv")))
                .hasMessageContaining("ZIP archive of sdn.csv, alt.csv, add.csv");
        Map<String, byte[]> incomplete = new LinkedHashMap<>(files);
        incomplete.remove("alt.csv");
        assertThatThrownBy(() -> SanctionsList.load(ListSource.OFAC_SDN, incomplete)).hasMessageContaining("missing: alt.csv");
        assertThat(ReleaseFiles.ofBody(ListSource.UN_SC, "<x/>".getBytes())).containsKey("consolidated.xml");
    }
}
