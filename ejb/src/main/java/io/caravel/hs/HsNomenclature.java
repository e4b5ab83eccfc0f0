package io.caravel.hs;

import io.caravel.platform.CaravelException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The Harmonized System nomenclature in memory: looks codes up and suggests codes for a product
 * description. Immutable once built, so one instance serves any number of threads.
 *
 * <p>Suggestions rank the six-digit subheadings (and four-digit headings without subheadings) by the
 * product's words. Each word counts by how rare it is in the nomenclature (inverse document
 * frequency); a word found in the entry's own description counts fully, one found only in its
 * heading or chapter description counts in part.
 */
public final class HsNomenclature {

    /** The edition of the bundled nomenclature, to be recorded with every classification that uses it. */
    public static final String EDITION = "HS 2022";
    public static final int MAX_SUGGESTIONS = 50;

    static final String NOMENCLATURE_RESOURCE = "caravel/hs/harmonized-system.csv";
    static final String SECTIONS_RESOURCE = "caravel/hs/sections.csv";

    private static final String FIELD = "hsCode";
    private static final String RESERVED_CHAPTER = "77";
    /** Rows of this pseudo-section (chapter 99, the grand total) are statistical codes, not goods. */
    private static final String STATISTICAL_SECTION = "TOTAL";
    private static final float OWN_WEIGHT = 1.0f;
    private static final float HEADING_WEIGHT = 0.5f;
    private static final float CHAPTER_WEIGHT = 0.25f;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:-[\\p{L}\\p{N}]+)*");
    private static final Set<String> STOP_WORDS = Set.of("a", "an", "and", "or", "the", "of", "for", "in", "on",
            "with", "without", "by", "to", "from", "at", "as", "its", "their", "thereof", "therefor", "such", "other",
            "than", "not", "whether", "be", "being", "is", "are", "including", "no", "nec");
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setIgnoreSurroundingSpaces(true)
            .get();

    private final Map<String, HsSection> sections;
    private final Map<String, Entry> entries;
    private final Entry[] candidates;
    private final int[] candidateLength;
    private final Map<String, Postings> index;
    private final double unknownWordWeight;

    private HsNomenclature(Map<String, HsSection> sections, Map<String, Entry> entries) {
        this.sections = Collections.unmodifiableMap(sections);
        this.entries = Collections.unmodifiableMap(entries);
        Set<String> parents = entries.values().stream().map(Entry::parent).collect(Collectors.toSet());
        this.candidates = entries.values().stream()
                .filter(e -> e.level() == HsLevel.SUBHEADING || e.level() == HsLevel.HEADING && !parents.contains(e.code()))
                .toArray(Entry[]::new);
        this.candidateLength = new int[candidates.length];
        Map<String, Map<Integer, Hit>> hits = new HashMap<>();
        for (int i = 0; i < candidates.length; i++) {
            Entry entry = candidates[i];
            List<String> own = words(entry.description());
            candidateLength[i] = own.size();
            for (String term : own) {
                hits.computeIfAbsent(term, t -> new HashMap<>()).computeIfAbsent(i, c -> new Hit(OWN_WEIGHT)).mentions++;
            }
            if (entry.level() == HsLevel.SUBHEADING) {
                addTerms(hits, i, terms(entries.get(entry.parent()).description()), HEADING_WEIGHT);
            }
            addTerms(hits, i, terms(entries.get(entry.chapterCode()).description()), CHAPTER_WEIGHT);
        }
        Map<String, Postings> built = new HashMap<>();
        hits.forEach((term, byCandidate) -> built.put(term, Postings.of(byCandidate, idf(byCandidate.size()))));
        this.index = Collections.unmodifiableMap(built);
        this.unknownWordWeight = idf(1);
    }

    /** The nomenclature shipped with Caravel (HS 2022). */
    public static HsNomenclature bundled() {
        try (Reader nomenclature = resource(NOMENCLATURE_RESOURCE); Reader sections = resource(SECTIONS_RESOURCE)) {
            return load(nomenclature, sections);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the bundled HS nomenclature", e);
        }
    }

    /** Builds the nomenclature from the codes CSV (section, hscode, description, parent, level) and the sections CSV. */
    public static HsNomenclature load(Reader nomenclature, Reader sectionNames) throws IOException {
        Map<String, HsSection> sections = new LinkedHashMap<>();
        parse(sectionNames, row -> sections.put(row.get("section"), new HsSection(row.get("section"), row.get("name"))));
        Map<String, Entry> entries = new LinkedHashMap<>();
        parse(nomenclature, row -> {
            String section = row.get("section");
            if (STATISTICAL_SECTION.equals(section)) {
                return;
            }
            String code = row.get("hscode");
            HsLevel level = switch (code.length()) {
                case 2 -> HsLevel.CHAPTER;
                case 4 -> HsLevel.HEADING;
                case 6 -> HsLevel.SUBHEADING;
                default -> throw new IllegalArgumentException("HS code of unexpected length in line "
                        + row.getRecordNumber() + ": " + code);
            };
            if (!code.chars().allMatch(c -> c >= '0' && c <= '9') || !sections.containsKey(section)) {
                throw new IllegalArgumentException("Malformed HS row " + row.getRecordNumber() + ": " + row);
            }
            entries.put(code, new Entry(code, row.get("description"), section, row.get("parent"), level));
        });
        for (Entry entry : entries.values()) {
            if (entry.level() != HsLevel.CHAPTER && !entries.containsKey(entry.parent())) {
                throw new IllegalArgumentException("HS code " + entry.code() + " names an unknown parent " + entry.parent());
            }
        }
        return new HsNomenclature(sections, entries);
    }

    /** The number of chapters, headings and subheadings. */
    public int size() {
        return entries.size();
    }

    /**
     * What a code means. Accepts digits with optional dots and spaces; 2, 4 and 6 digits are looked up
     * as they are, 8 and 10 digits (national tariff lines) by their six-digit subheading.
     */
    public Classification classify(String code) {
        String digits = digits(code);
        if (digits.length() < 2 || digits.length() > 10 || digits.length() % 2 != 0) {
            throw CaravelException.invalid(FIELD, "error.hs.format");
        }
        if (digits.startsWith(RESERVED_CHAPTER)) {
            throw CaravelException.invalid(FIELD, "error.hs.reserved");
        }
        Entry entry = entries.get(digits.length() > 6 ? digits.substring(0, 6) : digits);
        if (entry == null) {
            throw CaravelException.notFound("hs-code", digits);
        }
        HsLevel level = digits.length() > 6 ? HsLevel.NATIONAL : entry.level();
        return new Classification(digits, entry.code(), level, entry.description(), EDITION,
                sections.get(entry.section()), path(entry));
    }

    /** The codes that best fit a product description, best first; at most {@code limit} (1 to 50). */
    public List<Suggestion> suggest(String words, int limit) {
        if (limit < 1 || limit > MAX_SUGGESTIONS) {
            throw CaravelException.invalid("limit", "error.limit", 1, MAX_SUGGESTIONS);
        }
        Set<String> query = words == null ? Set.of() : terms(words);
        if (query.isEmpty()) {
            throw CaravelException.invalid("q", "error.hs.query");
        }
        double[] scores = new double[candidates.length];
        int[] mentions = new int[candidates.length];
        List<Integer> found = new ArrayList<>();
        double total = 0;
        for (String term : query) {
            Postings postings = index.get(term);
            if (postings == null) {
                total += unknownWordWeight;
                continue;
            }
            total += postings.idf();
            for (int i = 0; i < postings.candidates().length; i++) {
                int candidate = postings.candidates()[i];
                if (scores[candidate] == 0) {
                    found.add(candidate);
                }
                scores[candidate] += postings.idf() * postings.weights()[i];
                mentions[candidate] += postings.mentions()[i];
            }
        }
        // equal scores: the description that mentions the words more often, then the shorter one, first
        found.sort(Comparator.<Integer>comparingDouble(i -> -scores[i])
                .thenComparingInt(i -> -mentions[i])
                .thenComparingInt(i -> candidateLength[i])
                .thenComparing(i -> candidates[i].code()));
        List<Suggestion> suggestions = new ArrayList<>(Math.min(limit, found.size()));
        for (int i : found.subList(0, Math.min(limit, found.size()))) {
            Entry entry = candidates[i];
            double score = Math.round(scores[i] / total * 1000) / 1000.0;
            suggestions.add(new Suggestion(entry.code(), entry.description(), score, sections.get(entry.section()),
                    path(entry)));
        }
        return List.copyOf(suggestions);
    }

    /** The distinct words of a text as the index knows them: lower case, no stop words, plurals made singular. */
    static Set<String> terms(String text) {
        return new LinkedHashSet<>(words(text));
    }

    /** Every word of a text as the index knows it, repeats included; "t-shirts" gives shirt and tshirt. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher matcher = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (matcher.find()) {
            String word = matcher.group();
            if (word.indexOf('-') >= 0) {
                for (String part : word.split("-")) {
                    addWord(words, part);
                }
                word = word.replace("-", "");
            }
            addWord(words, word);
        }
        return words;
    }

    /** Naive English singular: batteries → battery, boxes → box, shoes → shoe; glass and gas stay. */
    static String singular(String word) {
        int length = word.length();
        if (length > 4 && word.endsWith("ies")) {
            return word.substring(0, length - 3) + "y";
        }
        if (length > 4 && (word.endsWith("sses") || word.endsWith("ches") || word.endsWith("shes") || word.endsWith("xes"))) {
            return word.substring(0, length - 2);
        }
        if (length > 3 && word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us") && !word.endsWith("is")) {
            return word.substring(0, length - 1);
        }
        return word;
    }

    private static void addWord(List<String> words, String word) {
        if (word.length() < 2 || STOP_WORDS.contains(word)) {
            return;
        }
        String term = singular(word);
        if (!STOP_WORDS.contains(term)) {
            words.add(term);
        }
    }

    private static void addTerms(Map<String, Map<Integer, Hit>> hits, int candidate, Set<String> terms, float weight) {
        for (String term : terms) {
            Hit hit = hits.computeIfAbsent(term, t -> new HashMap<>()).computeIfAbsent(candidate, c -> new Hit(weight));
            hit.weight = Math.max(hit.weight, weight);
        }
    }

    private double idf(int documentFrequency) {
        return Math.log(1 + (double) candidates.length / documentFrequency);
    }

    private List<HsNode> path(Entry entry) {
        List<HsNode> path = new ArrayList<>(3);
        for (Entry step = entry; step != null; step = step.level() == HsLevel.CHAPTER ? null : entries.get(step.parent())) {
            path.add(0, new HsNode(step.code(), step.description()));
        }
        return path;
    }

    private static String digits(String code) {
        if (code == null) {
            throw CaravelException.invalid(FIELD, "error.hs.format");
        }
        StringBuilder digits = new StringBuilder(code.length());
        for (char c : code.strip().toCharArray()) {
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c != '.' && c != ' ') {
                throw CaravelException.invalid(FIELD, "error.hs.format");
            }
        }
        return digits.toString();
    }

    private static Reader resource(String name) {
        InputStream in = HsNomenclature.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("The HS nomenclature resource " + name + " is missing");
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    private static void parse(Reader reader, Consumer<CSVRecord> consumer) throws IOException {
        StringWriter text = new StringWriter();
        reader.transferTo(text);
        String content = text.toString();
        if (content.startsWith("\uFEFF")) {
            content = content.substring(1);
        }
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(content)).setFormat(FORMAT).get()) {
            for (CSVRecord row : parser) {
                consumer.accept(row);
            }
        }
    }

    private record Entry(String code, String description, String section, String parent, HsLevel level) {

        String chapterCode() {
            return code.substring(0, 2);
        }
    }

    /** How a term occurs in one candidate while the index is built: its best weight and its own mentions. */
    private static final class Hit {
        float weight;
        int mentions;

        Hit(float weight) {
            this.weight = weight;
        }
    }

    /** The candidates a term occurs in, with its weight (own text, heading, chapter) and own mentions in each. */
    private record Postings(double idf, int[] candidates, float[] weights, int[] mentions) {

        static Postings of(Map<Integer, Hit> byCandidate, double idf) {
            int[] candidates = byCandidate.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
            float[] weights = new float[candidates.length];
            int[] mentions = new int[candidates.length];
            for (int i = 0; i < candidates.length; i++) {
                Hit hit = byCandidate.get(candidates[i]);
                weights[i] = hit.weight;
                mentions[i] = hit.mentions;
            }
            return new Postings(idf, candidates, weights, mentions);
        }
    }
}
