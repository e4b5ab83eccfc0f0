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
import io.caravel.platform.search.TextAnalysis;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.QueryBuilder;

/**
 * The Harmonized System nomenclature in memory: looks codes up and suggests codes for a product
 * description. Immutable once built, so one instance serves any number of threads.
 *
 * <p>Suggestions rank the six-digit subheadings (and four-digit headings without subheadings) by the
 * product's words on the search engine the catalog uses (Lucene, BM25: a rare word counts more, and
 * the same English stemming, Chinese analysis and synonyms, so "mobile phone" or "手机" finds the
 * telephones of 8517). A word found in the entry's own description counts fully, one found only in
 * its heading or chapter description counts in part.
 */
public final class HsNomenclature {

    /** The edition of the bundled nomenclature, to be recorded with every classification that uses it. */
    public static final String EDITION = "HS 2022";
    public static final int MAX_SUGGESTIONS = 50;

    static final String NOMENCLATURE_RESOURCE = "caravel/hs/harmonized-system.csv";
    static final String SECTIONS_RESOURCE = "caravel/hs/sections.csv";

    private static final String FIELD = "hsCode";
    private static final String CANDIDATE = "candidate";
    private static final String OWN = "own";
    private static final String HEADING = "heading";
    private static final String CHAPTER = "chapter";
    /** A word in the entry's own description counts fully, in its heading's or chapter's in part. */
    private static final Map<String, Float> FIELDS = Map.of(OWN, 1.0f, HEADING, 0.5f, CHAPTER, 0.25f);
    private static final QueryBuilder QUERIES = new QueryBuilder(TextAnalysis.query());
    private static final org.apache.lucene.analysis.Analyzer PLAIN = TextAnalysis.plain();
    private static final String RESERVED_CHAPTER = "77";
    /** Rows of this pseudo-section (chapter 99, the grand total) are statistical codes, not goods. */
    private static final String STATISTICAL_SECTION = "TOTAL";
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
    private final IndexSearcher searcher;

    private HsNomenclature(Map<String, HsSection> sections, Map<String, Entry> entries) {
        this.sections = Collections.unmodifiableMap(sections);
        this.entries = Collections.unmodifiableMap(entries);
        Set<String> parents = entries.values().stream().map(Entry::parent).collect(Collectors.toSet());
        this.candidates = entries.values().stream()
                .filter(e -> e.level() == HsLevel.SUBHEADING || e.level() == HsLevel.HEADING && !parents.contains(e.code()))
                .toArray(Entry[]::new);
        this.searcher = index(candidates, entries);
    }

    /** An index in memory with one document per candidate: its own description, its heading's and its chapter's. */
    private static IndexSearcher index(Entry[] candidates, Map<String, Entry> entries) {
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(TextAnalysis.index()))) {
            for (int i = 0; i < candidates.length; i++) {
                Entry entry = candidates[i];
                Document document = new Document();
                document.add(new StoredField(CANDIDATE, i));
                document.add(new TextField(OWN, entry.description(), Field.Store.NO));
                if (entry.level() == HsLevel.SUBHEADING) {
                    document.add(new TextField(HEADING, entries.get(entry.parent()).description(), Field.Store.NO));
                }
                document.add(new TextField(CHAPTER, entries.get(entry.chapterCode()).description(), Field.Store.NO));
                writer.addDocument(document);
            }
            writer.forceMerge(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return new IndexSearcher(DirectoryReader.open(directory));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        // the words as written: the analysis reads hyphens, plurals and synonym phrases ("lithium-ion battery")
        String text = words;
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (Map.Entry<String, Float> field : FIELDS.entrySet()) {
            Query matching = QUERIES.createBooleanQuery(field.getKey(), text, Occur.SHOULD);
            if (matching != null) {
                any.add(new BoostQuery(matching, field.getValue()), Occur.SHOULD);
            }
        }
        try {
            TopDocs top = searcher.search(any.build(), limit);
            if (top.scoreDocs.length == 0) {
                return List.of();
            }
            // 1 for the best entry when every word is one the nomenclature uses; unknown words (brands) lower it
            List<String> typed = typed(text);
            double known = typed.isEmpty() ? 1 : (double) typed.stream().filter(this::known).count() / typed.size();
            double best = top.scoreDocs[0].score;
            StoredFields stored = searcher.storedFields();
            List<Suggestion> suggestions = new ArrayList<>(top.scoreDocs.length);
            for (ScoreDoc hit : top.scoreDocs) {
                Entry entry = candidates[stored.document(hit.doc).getField(CANDIDATE).numericValue().intValue()];
                double score = Math.round(hit.score / best * known * 1000) / 1000.0;
                suggestions.add(new Suggestion(entry.code(), entry.description(), Math.max(score, 0.001),
                        sections.get(entry.section()), path(entry)));
            }
            return List.copyOf(suggestions);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The words of a text as the search reads them, without synonyms and stop words. */
    private static List<String> typed(String text) {
        List<String> words = new ArrayList<>();
        try (TokenStream tokens = PLAIN.tokenStream(OWN, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                if (!STOP_WORDS.contains(term.toString())) {
                    words.add(term.toString());
                }
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }

    /** Whether the nomenclature uses a word (or one of its synonyms) anywhere. */
    private boolean known(String word) {
        try {
            for (String field : FIELDS.keySet()) {
                Query query = QUERIES.createBooleanQuery(field, word, Occur.SHOULD);
                if (query != null && searcher.count(query) > 0) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
}
