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
import java.time.Instant;
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
 * One release of a sanctions list ({@link ListSource}) as loaded from its publisher's files, immutable:
 * the OFAC Specially Designated Nationals (SDN) CSV set, or the UN Security Council Consolidated List
 * XML ({@link UnConsolidatedList}).
 *
 * <p>For OFAC, a directory holds {@code sdn.csv} (one row per entry), {@code alt.csv} (alternate names) and
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
    /** Where the bundled snapshot of the UN list lies on the classpath. */
    static final String BUNDLED_UN = "/caravel/sanctions/un/";
    private static final String EMPTY = "-0-";
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setIgnoreSurroundingSpaces(true)
            .setIgnoreEmptyLines(true)
            .get();

    private final ListSource source;
    private final Map<Long, SanctionsEntry> entries;
    private final List<SanctionsEntry> entryList;
    private final String checksum;
    private final String version;
    private final Instant published;

    private SanctionsList(ListSource source, Map<Long, SanctionsEntry> entries, String checksum, Instant published) {
        this.source = source;
        this.entries = entries;
        this.entryList = List.copyOf(entries.values());
        this.checksum = checksum;
        this.version = source.code() + ":" + checksum.substring(0, 12) + ":" + entries.size();
        this.published = published;
    }

    /**
     * Loads a release from its files by name ({@link ListSource#files()}): all of them must be there,
     * every row must be well formed, or nothing is loaded.
     *
     * @throws IllegalArgumentException naming the file (and line) that is missing or malformed
     */
    public static SanctionsList load(ListSource source, Map<String, byte[]> files) {
        for (String file : source.files()) {
            if (files.get(file) == null) {
                throw new IllegalArgumentException("Sanctions list file missing: " + file + " (a release of "
                        + source.code() + " consists of " + String.join(", ", source.files()) + ")");
            }
        }
        return switch (source) {
            case OFAC_SDN -> load(files.get(SDN_FILE), files.get(ALT_FILE), files.get(ADD_FILE), SDN_FILE);
            case UN_SC -> UnConsolidatedList.parse(files.get(UnConsolidatedList.FILE));
        };
    }

    /** The files of the release bundled with Caravel (see the README beside them for the source), by name. */
    public static Map<String, byte[]> bundledFiles(ListSource source) {
        String folder = source == ListSource.OFAC_SDN ? BUNDLED : BUNDLED_UN;
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String file : source.files()) {
            files.put(file, resource(folder, file));
        }
        return files;
    }

    /** Builds a list from parsed entries; {@code contents} are the files the checksum is taken of. */
    static SanctionsList of(ListSource source, List<SanctionsEntry> parsed, Instant published, byte[]... contents) {
        Map<Long, SanctionsEntry> entries = new LinkedHashMap<>();
        parsed.stream().sorted((a, b) -> Long.compare(a.entNum(), b.entNum())).forEach(e -> entries.put(e.entNum(), e));
        return new SanctionsList(source, Collections.unmodifiableMap(entries), digest(contents), published);
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
        return load(ListSource.OFAC_SDN, bundledFiles(ListSource.OFAC_SDN));
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

        return of(ListSource.OFAC_SDN, builders.values().stream().map(EntryBuilder::build).toList(), null, sdn, alt, add);
    }

    /**
     * A stable identifier of the loaded content, {@code <list code>:<first 12 hex digits of the
     * checksum>:<entry count>} (e.g. {@code OFAC-SDN:3f9a…:8976}); the same files always give the same version.
     */
    public String version() {
        return version;
    }

    /** Which list this is a release of. */
    public ListSource source() {
        return source;
    }

    /** The SHA-256 of the release's files, in the order of {@link ListSource#files()}, as hex. */
    public String checksum() {
        return checksum;
    }

    /** When the publisher generated the release, where its files say (the UN list does; OFAC's CSV set does not). */
    public Optional<Instant> published() {
        return Optional.ofNullable(published);
    }

    /**
     * What changed from an earlier release to this one: entries added, removed, and changed (any name,
     * type, program, country or remark differs), each list ordered by the entry's number; empty for
     * the first release ({@code earlier} null), which has nothing to differ from.
     */
    public Delta since(SanctionsList earlier) {
        if (earlier == null) {
            return new Delta(List.of(), List.of(), List.of());
        }
        List<SanctionsEntry> added = new ArrayList<>();
        List<SanctionsEntry> changed = new ArrayList<>();
        for (SanctionsEntry entry : entryList) {
            SanctionsEntry before = earlier.entries.get(entry.entNum());
            if (before == null) {
                added.add(entry);
            } else if (!before.equals(entry)) {
                changed.add(entry);
            }
        }
        List<SanctionsEntry> removed = earlier.entryList.stream().filter(e -> !entries.containsKey(e.entNum())).toList();
        return new Delta(added, removed, changed);
    }

    /** Entries added, removed and changed between two releases. */
    public record Delta(List<SanctionsEntry> added, List<SanctionsEntry> removed, List<SanctionsEntry> changed) {
        public Delta {
            added = List.copyOf(added);
            removed = List.copyOf(removed);
            changed = List.copyOf(changed);
        }
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

    private static byte[] resource(String folder, String file) {
        try (var in = SanctionsList.class.getResourceAsStream(folder + file)) {
            if (in == null) {
                throw new IllegalStateException("The bundled sanctions list lacks " + folder + file);
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

    static String digest(byte[]... contents) {
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
