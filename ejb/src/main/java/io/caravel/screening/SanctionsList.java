package io.caravel.screening;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The OFAC Specially Designated Nationals (SDN) list as loaded from its official CSV files, immutable.
 *
 * <p>A directory holds {@code sdn.csv} (one row per entry), {@code alt.csv} (alternate names) and
 * {@code add.csv} (addresses), without header rows; {@code -0-} marks an empty field and a trailing
 * end-of-file character (0x1A) is ignored. Alternate names and addresses of an {@code ent_num} that
 * {@code sdn.csv} does not list are ignored.
 */
public final class SanctionsList {

    static final String SDN_FILE = "sdn.csv";
    static final String ALT_FILE = "alt.csv";
    static final String ADD_FILE = "add.csv";
    /** Where the bundled snapshot lies on the classpath (see its README.md for the source). */
    static final String BUNDLED = "/caravel/sanctions/ofac/";
    private static final String EMPTY = "-0-";
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setIgnoreSurroundingSpaces(true)
            .setIgnoreEmptyLines(true)
            .get();

    private final Map<Long, SanctionsEntry> entries;
    private final List<SanctionsEntry> entryList;
    private final String version;

    private SanctionsList(Map<Long, SanctionsEntry> entries, String version) {
        this.entries = entries;
        this.entryList = List.copyOf(entries.values());
        this.version = version;
    }

    /**
     * Loads the list from a directory holding {@code sdn.csv}, {@code alt.csv} and {@code add.csv}.
     *
     * @throws IllegalArgumentException when the directory or a file is missing, or a file is malformed
     *                                  (the message names the file and line)
     * @throws UncheckedIOException     when a file cannot be read
     */
    public static SanctionsList load(Path directory) {
        if (directory == null) {
            throw new IllegalArgumentException("Sanctions list directory must not be null");
        }
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("Sanctions list directory not found: " + directory.toAbsolutePath());
        }
        return load(read(directory, SDN_FILE), read(directory, ALT_FILE), read(directory, ADD_FILE),
                directory.resolve(SDN_FILE).toAbsolutePath().toString());
    }

    /** The snapshot of the list the product ships (classpath {@value #BUNDLED}), for demo mode and tests. */
    public static SanctionsList loadBundled() {
        return load(resource(SDN_FILE), resource(ALT_FILE), resource(ADD_FILE), BUNDLED + SDN_FILE);
    }

    private static SanctionsList load(byte[] sdn, byte[] alt, byte[] add, String sdnOrigin) {
        Map<Long, EntryBuilder> builders = new LinkedHashMap<>();
        parse(SDN_FILE, sdn, 12, row -> {
            long entNum = row.entNum();
            String name = row.value(1);
            if (name.isEmpty()) {
                throw row.malformed("empty name");
            }
            PartyType type;
            try {
                type = PartyType.fromOfac(row.value(2));
            } catch (IllegalArgumentException e) {
                throw row.malformed(e.getMessage());
            }
            if (builders.putIfAbsent(entNum, new EntryBuilder(entNum, name, type, programs(row.value(3)),
                    row.value(11))) != null) {
                throw row.malformed("duplicate ent_num " + entNum);
            }
        });
        parse(ALT_FILE, alt, 5, row -> {
            long entNum = row.entNum();
            String name = row.value(3);
            EntryBuilder entry = builders.get(entNum);
            if (entry != null && !name.isEmpty() && !name.equals(entry.primaryName)) {
                entry.alternateNames.add(name);
            }
        });
        parse(ADD_FILE, add, 6, row -> {
            long entNum = row.entNum();
            String country = row.value(4);
            EntryBuilder entry = builders.get(entNum);
            if (entry != null && !country.isEmpty()) {
                entry.countries.add(country);
            }
        });
        if (builders.isEmpty()) {
            throw new IllegalArgumentException("Sanctions list file has no entries: " + sdnOrigin);
        }

        Map<Long, SanctionsEntry> entries = new LinkedHashMap<>();
        builders.values().stream()
                .sorted((a, b) -> Long.compare(a.entNum, b.entNum))
                .forEach(b -> entries.put(b.entNum, b.build()));
        String version = "OFAC-SDN:" + digest(sdn, alt, add).substring(0, 12) + ":" + entries.size();
        return new SanctionsList(Collections.unmodifiableMap(entries), version);
    }

    /**
     * A stable identifier of the loaded content, {@code OFAC-SDN:<first 12 hex digits of the SHA-256
     * of sdn.csv, alt.csv and add.csv>:<entry count>}; the same files always give the same version.
     */
    public String version() {
        return version;
    }

    /** The number of entries (rows of {@code sdn.csv}). */
    public int size() {
        return entries.size();
    }

    /** The entry with this {@code ent_num}, if listed. */
    public Optional<SanctionsEntry> entry(long entNum) {
        return Optional.ofNullable(entries.get(entNum));
    }

    /** All entries, ordered by {@code ent_num}. */
    public List<SanctionsEntry> entries() {
        return entryList;
    }

    @Override
    public String toString() {
        return "SanctionsList[" + version + "]";
    }

    private static byte[] resource(String file) {
        try (var in = SanctionsList.class.getResourceAsStream(BUNDLED + file)) {
            if (in == null) {
                throw new IllegalStateException("The bundled sanctions list lacks " + BUNDLED + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path directory, String file) {
        Path path = directory.resolve(file);
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("Sanctions list file missing: " + path.toAbsolutePath()
                    + " (a list directory holds the OFAC CSV files " + SDN_FILE + ", " + ALT_FILE + " and "
                    + ADD_FILE + ")");
        }
        try {
            return Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("Sanctions list file missing: " + path.toAbsolutePath(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read sanctions list file " + path.toAbsolutePath() + ": "
                    + e.getMessage(), e);
        }
    }

    /** UTF-8 when the bytes are valid UTF-8 (a BOM is skipped), else Windows-1252 as older OFAC files use. */
    private static String decode(byte[] bytes) {
        int offset = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(buffer).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, offset, bytes.length - offset, Charset.forName("windows-1252"));
        }
    }

    private static void parse(String file, byte[] content, int columns, Consumer<Row> consumer) {
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(decode(content)))
                .setFormat(FORMAT).get()) {
            for (CSVRecord record : parser) {
                if (record.size() == 1 && record.get(0).trim().isEmpty()) {
                    continue; // blank line or the 0x1A end-of-file mark
                }
                Row row = new Row(file, record, parser.getCurrentLineNumber());
                if (record.size() != columns) {
                    throw row.malformed("expected " + columns + " columns, found " + record.size());
                }
                consumer.accept(row);
            }
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalArgumentException("Malformed sanctions list file " + file + ": " + e.getMessage(), e);
        }
    }

    private static List<String> programs(String value) {
        if (value.isEmpty()) {
            return List.of();
        }
        // several programs are written "SDGT] [IRGC" inside the one field
        Set<String> programs = new LinkedHashSet<>();
        for (String program : value.split("\\]\\s*\\[")) {
            String trimmed = program.replace("[", "").replace("]", "").trim();
            if (!trimmed.isEmpty()) {
                programs.add(trimmed);
            }
        }
        return List.copyOf(programs);
    }

    private static String digest(byte[]... contents) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (byte[] content : contents) {
                sha.update(content);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** One CSV row with the list's conventions: trimmed values, {@code -0-} as empty. */
    private static final class Row {
        private final String file;
        private final CSVRecord record;
        private final long line;

        Row(String file, CSVRecord record, long line) {
            this.file = file;
            this.record = record;
            this.line = line;
        }

        String value(int column) {
            String value = record.get(column).trim();
            return value.equals(EMPTY) ? "" : value;
        }

        long entNum() {
            String value = value(0);
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw malformed("ent_num '" + value + "' is not a number");
            }
        }

        IllegalArgumentException malformed(String problem) {
            return new IllegalArgumentException("Malformed sanctions list file " + file + " at line "
                    + line + ": " + problem);
        }
    }

    private static final class EntryBuilder {
        final long entNum;
        final String primaryName;
        final PartyType type;
        final List<String> programs;
        final String remarks;
        final Set<String> alternateNames = new LinkedHashSet<>();
        final Set<String> countries = new LinkedHashSet<>();

        EntryBuilder(long entNum, String primaryName, PartyType type, List<String> programs, String remarks) {
            this.entNum = entNum;
            this.primaryName = primaryName;
            this.type = type;
            this.programs = programs;
            this.remarks = remarks;
        }

        SanctionsEntry build() {
            return new SanctionsEntry(entNum, primaryName, type, programs, new ArrayList<>(alternateNames),
                    new ArrayList<>(countries), remarks);
        }
    }
}
