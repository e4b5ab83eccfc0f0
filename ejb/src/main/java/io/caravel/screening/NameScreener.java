package io.caravel.screening;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * Screens a party name against every primary and alternate name of a {@link SanctionsList} and
 * returns the list entries whose names are similar enough to need a human decision. Immutable and
 * thread-safe; build one per loaded list and share it.
 *
 * <h2>Score</h2>
 * Both names are normalized by {@link NameNormalizer} into words (accents, case, punctuation, legal
 * forms and noise words removed). With {@code JW} the Jaro-Winkler similarity of commons-text:
 * <ol>
 *   <li><b>Word pairs.</b> Every query word {@code q} is compared with every listed word {@code c}:
 *       {@code s(q, c) = JW(q, c) · L(|q|, |c|)}, where the length factor
 *       {@code L(a, b) = 1 - 0.5 · max(0, |a - b| - 1) / max(a, b)} keeps a short word from passing
 *       for the start of a long one ("ali" and "alamin": JW 0.87, s 0.72) and costs nothing for one
 *       letter more or less ("mohamed" and "mohammed": 0.975). A pair counts only if
 *       {@code s ≥ 0.85} ({@link #WORD_FLOOR}), so "ali" and "hassan" (0.50) are not half a match.
 *       Pairs are taken greedily, best first, each word at most once (one-to-one).</li>
 *   <li><b>Coverage of each side.</b> {@code Cq = Σ s·|q| / Σ|q|} over the query words,
 *       {@code Cl = Σ s·|c| / Σ|c|} over the listed words (word lengths as weights, so "al" or
 *       "bin" weigh less than a family name); a word without a partner contributes 0.</li>
 *   <li><b>Word score</b> {@code W = 0.75·max(Cq, Cl) + 0.25·min(Cq, Cl)}: a name that covers the
 *       other but has one word more (a middle name: "Manuel Noriega" against "NORIEGA, Manuel
 *       Antonio", score 0.892) stays high, while two people sharing one common word ("Mohammed Ali"
 *       against "Mohammed Hassan", 0.693) or a lone word of a longer name ("Ali" against "ALI,
 *       Mohammed Hassan", 0.795) do not.</li>
 *   <li><b>Whole-name score</b> {@code S = JW(sorted(query), sorted(listed))}: Jaro-Winkler of the
 *       words sorted and joined by single spaces (word order no longer matters).</li>
 *   <li><b>Score</b> {@code = 0.9·W + 0.1·S}, in 0..1, rounded to 3 decimals; 0 when no word pair
 *       counts ({@code W = 0}), so a hit always shares at least one similar word with the name.</li>
 *   <li><b>Spellings.</b> Names with particles ({@code al, bin, abu, abd, de, van, ...}) are also
 *       compared with each particle joined to the next word ({@link NameNormalizer#spellings}), so
 *       "Al Zumar" and "ALZUMAR" score 1.0; the best spelling pair counts.</li>
 *   <li><b>Scripts.</b> A name written in another script than Latin is also compared in its ICU4J
 *       transliteration ({@link NameNormalizer#transliteration}), on both sides, so "Виктор Бут" meets
 *       "BOUT, Viktor" and the UN list's Arabic names meet queries in either script.</li>
 *   <li><b>Person forms.</b> A person's name (and a query of a person or of no type) is also compared
 *       in shorter forms ({@link NameNormalizer#personForms}): adjacent short given-name parts joined,
 *       so "Kim Jongun" meets "KIM, Jong Un", and without middle names, so "Viktor Bout" meets "BOUT,
 *       Viktor Anatolijevitch"; the best form counts.</li>
 * </ol>
 * An entry is reported with its best-scoring name (the primary name when an alternate ties).
 * The weights, the floor and {@link #DEFAULT_THRESHOLD} come from the benchmark in the {@code bench}
 * module, which measures precision and recall on variants of listed names and on names not listed.
 *
 * <h2>Types</h2>
 * {@code INDIVIDUAL} is compared with individuals only, {@code ENTITY} with entities only; {@code VESSEL}
 * and {@code AIRCRAFT} with entries of that type and with entities (companies own and name ships and
 * aircraft, and lists are not consistent in which type they use); {@code null} with everything. So a
 * company's name ("Bright Star") never alerts on a listed ship ("BRIGHT"), while a ship's name is
 * still compared with the companies that may stand for it ({@link #compared}).
 *
 * <h2>Speed without losing matches</h2>
 * Names are normalized and indexed once, at construction: a vocabulary of the distinct listed words,
 * ordered by length and then alphabetically, and for each word the names that use it. A query word
 * is compared (by commons-text) only with vocabulary words whose upper bound of {@code s} reaches
 * {@link #WORD_FLOOR}: Jaro's matching characters are at most the characters both words have (a
 * 64-bit character mask per word, plus counts of repeated characters) and at most what a greedy match
 * within the Jaro window finds, transpositions are taken as none, the Winkler bonus is at most the
 * common prefix, and the length factor follows from the lengths (whole length groups are skipped, and
 * where only a common prefix could lift a word over the floor, only the words with that prefix are
 * visited). The similar words of a word of the vocabulary are kept once found (memory bounded by the
 * vocabulary), so common words are looked up once per screener. Every name reached through a similar
 * word gets an upper bound of its score from the pairs found (each side's coverage as if every pair
 * found were used, {@code S} as 1); only names whose bound reaches the threshold are scored in full.
 * A name that no query word reaches has no counting pair and scores 0. So {@code screen} returns
 * exactly what {@link #screenExhaustive}, the brute-force reference that scores every name, returns,
 * for every threshold; a test checks it on a sample of variants.
 */
public final class NameScreener {

    /**
     * Suggested threshold, from the benchmark (module {@code bench}): on variants of listed names and
     * names not listed, about 98.5% of variants found while about 1% of unlisted names alert.
     */
    public static final double DEFAULT_THRESHOLD = 0.88;
    /** Default number of hits returned. */
    public static final int DEFAULT_LIMIT = 10;

    /** A word pair with a lower similarity does not count as matching. */
    static final double WORD_FLOOR = 0.85;
    /** Weight of the word score W; the whole-name score S gets the rest. */
    static final double WORD_WEIGHT = 0.90;
    /** Share of similarity two words lose per letter of length difference beyond one (see lengthFactor). */
    static final double LENGTH_PENALTY = 0.5;
    /** Weight of the better-covered side in W. */
    static final double COVERAGE_BALANCE = 0.75;

    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();
    private static final double EPSILON = 1e-9;

    private final String version;
    private final ListSource source;
    private final SanctionsEntry[] entries;

    // names (primary and alternate), by name id
    private final int[] nameEntry;
    private final boolean[] nameAlternate;
    private final PartyType[] nameType;
    private final String[] nameText;
    private final NameForm[] nameForm;
    private final int[][] nameWords;   // vocabulary ids, written order
    private final int[] nameLength;    // sum of word lengths
    private final String[] nameKey;    // sorted words joined by spaces

    // vocabulary, ids ordered by word length
    private final String[] vocabulary;
    private final int[] wordLength;
    private final long[] wordMask;
    private final long[] wordRepeat;  // mask bits set by two or more characters
    private final char[] wordFirst;
    private final int[][] postings;    // name ids using the word, once per occurrence
    private final int[] lengthStart;   // ids of length L are lengthStart[L] .. lengthStart[L + 1] - 1
    private final Map<String, Integer> vocabularyIds;
    private final AtomicReferenceArray<Neighbours> neighbourCache;

    private final ConcurrentLinkedQueue<Scratch> scratchPool = new ConcurrentLinkedQueue<>();

    /** Normalizes and indexes every name of the list. */
    public NameScreener(SanctionsList list) {
        Objects.requireNonNull(list, "list");
        this.version = list.version();
        this.source = list.source();
        this.entries = list.entries().toArray(SanctionsEntry[]::new);

        List<String> texts = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        List<Boolean> alternates = new ArrayList<>();
        List<List<String>> words = new ArrayList<>();
        List<NameForm> forms = new ArrayList<>();
        Map<String, Integer> firstSeen = new HashMap<>();
        for (int e = 0; e < entries.length; e++) {
            SanctionsEntry entry = entries[e];
            List<String> names = new ArrayList<>();
            names.add(entry.primaryName());
            names.addAll(entry.alternateNames());
            for (int k = 0; k < names.size(); k++) {
                List<String> written = NameNormalizer.tokens(names.get(k));
                if (written.isEmpty()) {
                    continue; // no letters or digits: nothing to compare
                }
                for (List<String> spelling : NameNormalizer.forms(names.get(k), entry.type() == PartyType.INDIVIDUAL)) {
                    forms.add(NameForm.of(written, spelling));
                    texts.add(names.get(k));
                    owners.add(e);
                    alternates.add(k > 0);
                    words.add(spelling);
                    spelling.forEach(t -> firstSeen.putIfAbsent(t, firstSeen.size()));
                }
            }
        }

        String[] vocab = firstSeen.keySet().toArray(String[]::new);
        Arrays.sort(vocab, Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder()));
        Map<String, Integer> ids = new HashMap<>(vocab.length * 2);
        for (int i = 0; i < vocab.length; i++) {
            ids.put(vocab[i], i);
        }
        int maxLength = vocab.length == 0 ? 0 : vocab[vocab.length - 1].length();
        this.vocabularyIds = Map.copyOf(ids);
        this.neighbourCache = new AtomicReferenceArray<>(vocab.length);
        this.vocabulary = vocab;
        this.wordLength = new int[vocab.length];
        this.wordMask = new long[vocab.length];
        this.wordRepeat = new long[vocab.length];
        this.wordFirst = new char[vocab.length];
        this.lengthStart = new int[maxLength + 2];
        for (int i = 0; i < vocab.length; i++) {
            wordLength[i] = vocab[i].length();
            wordMask[i] = mask(vocab[i]);
            wordRepeat[i] = repeatMask(bitCounts(vocab[i]));
            wordFirst[i] = vocab[i].charAt(0);
        }
        for (int length = 0, i = 0; length <= maxLength + 1; length++) {
            while (i < vocab.length && wordLength[i] < length) {
                i++;
            }
            lengthStart[length] = i;
        }

        int names = texts.size();
        this.nameText = texts.toArray(String[]::new);
        this.nameForm = forms.toArray(NameForm[]::new);
        this.nameEntry = new int[names];
        this.nameAlternate = new boolean[names];
        this.nameType = new PartyType[names];
        this.nameWords = new int[names][];
        this.nameLength = new int[names];
        this.nameKey = new String[names];
        int[] postingCount = new int[vocab.length];
        for (int n = 0; n < names; n++) {
            nameEntry[n] = owners.get(n);
            nameAlternate[n] = alternates.get(n);
            nameType[n] = entries[nameEntry[n]].type();
            List<String> tokens = words.get(n);
            nameWords[n] = new int[tokens.size()];
            for (int k = 0; k < tokens.size(); k++) {
                int id = ids.get(tokens.get(k));
                nameWords[n][k] = id;
                nameLength[n] += wordLength[id];
                postingCount[id]++;
            }
            nameKey[n] = sortedKey(tokens);
        }
        this.postings = new int[vocab.length][];
        for (int i = 0; i < vocab.length; i++) {
            postings[i] = new int[postingCount[i]];
        }
        int[] fill = new int[vocab.length];
        for (int n = 0; n < names; n++) {
            for (int id : nameWords[n]) {
                postings[id][fill[id]++] = n;
            }
        }
    }

    /** Screens with {@link #DEFAULT_THRESHOLD} and {@link #DEFAULT_LIMIT}. */
    public List<ScreeningHit> screen(String name, PartyType type) {
        return screen(name, type, DEFAULT_THRESHOLD, DEFAULT_LIMIT);
    }

    /**
     * The list entries whose best name scores at least {@code threshold} against {@code name}, best
     * first (score descending, then {@code ent_num}), at most {@code limit}.
     *
     * @param name      the party's name, in any word order ("LAST, First" or "First Last")
     * @param type      the party's type, which selects the entries compared (see class comment);
     *                  {@code null} compares with all entries
     * @param threshold minimum score, 0..1
     * @param limit     maximum number of hits, at least 1
     * @throws IllegalArgumentException when the name is null, blank or has no letters or digits, the
     *                                  threshold is outside 0..1, or the limit is below 1
     */
    public List<ScreeningHit> screen(String name, PartyType type, double threshold, int limit) {
        List<Query> spellings = prepare(name, threshold, limit);
        Scratch scratch = scratchPool.poll();
        if (scratch == null) {
            scratch = new Scratch(nameText.length);
        }
        try {
            Map<Integer, Best> best = new HashMap<>();
            for (Query query : spellings) {
                blocked(query, type, threshold, scratch, best);
            }
            for (Query query : personForms(name, type)) {
                blocked(query, PartyType.INDIVIDUAL, threshold, scratch, best);
            }
            return hits(best, threshold, limit);
        } finally {
            scratchPool.offer(scratch);
        }
    }

    /**
     * The same result as {@link #screen(String, PartyType, double, int)}, computed by scoring every
     * name of the list without the index: the reference that tests and the benchmark compare with.
     * Slow (milliseconds per name); not for production use.
     */
    public List<ScreeningHit> screenExhaustive(String name, PartyType type, double threshold, int limit) {
        Map<Integer, Best> best = new HashMap<>();
        for (Query query : prepare(name, threshold, limit)) {
            exhaustive(query, type, best);
        }
        for (Query query : personForms(name, type)) {
            exhaustive(query, PartyType.INDIVIDUAL, best);
        }
        return hits(best, threshold, limit);
    }

    /** {@link SanctionsList#version()} of the list this screener was built from. */
    public String listVersion() {
        return version;
    }

    /**
     * The number of names indexed: every primary and alternate name, and a second spelling of those
     * with particles ({@link NameNormalizer#spellings}).
     */
    public int nameCount() {
        return nameText.length;
    }

    /**
     * The score of two names as this screener computes it, 0..1 rounded to 3 decimals, without the
     * list; for explaining a hit and for tests.
     *
     * @throws IllegalArgumentException when either name is null or has no letters or digits
     */
    public static double score(String name, String listedName) {
        double best = 0;
        for (List<String> a : NameNormalizer.spellings(requireWords(name))) {
            for (List<String> b : NameNormalizer.spellings(requireWords(listedName))) {
                best = Math.max(best, score(a, b));
            }
        }
        return best;
    }

    private static double score(List<String> a, List<String> b) {
        double[][] similarity = new double[a.size()][b.size()];
        for (int i = 0; i < a.size(); i++) {
            for (int j = 0; j < b.size(); j++) {
                similarity[i][j] = wordSimilarity(a.get(i), b.get(j));
            }
        }
        int[] aLengths = a.stream().mapToInt(String::length).toArray();
        int[] bLengths = b.stream().mapToInt(String::length).toArray();
        double words = wordScore(similarity, aLengths, sum(aLengths), bLengths, sum(bLengths));
        return words == 0 ? 0 : round(combine(words, JARO_WINKLER.apply(sortedKey(a), sortedKey(b))));
    }

    // ---------------------------------------------------------------------------------------------

    private List<Query> prepare(String name, double threshold, int limit) {
        if (Double.isNaN(threshold) || threshold < 0 || threshold > 1) {
            throw new IllegalArgumentException("threshold must be between 0 and 1, was " + threshold);
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        List<String> written = requireWords(name);
        List<List<String>> forms = new ArrayList<>(NameNormalizer.spellings(written));
        String latin = NameNormalizer.transliteration(name);
        if (latin != null) {
            NameNormalizer.spellings(NameNormalizer.tokens(latin)).stream().filter(f -> !f.isEmpty() && !forms.contains(f))
                    .forEach(forms::add);
        }
        return forms.stream().map(words -> new Query(written, words)).toList();
    }

    /** The shorter forms of a person's name, compared with listed persons only: for a query of a person or of no type. */
    private static List<Query> personForms(String name, PartyType type) {
        if (type != null && type != PartyType.INDIVIDUAL) {
            return List.of();
        }
        List<String> written = NameNormalizer.tokens(name);
        List<List<String>> plain = NameNormalizer.forms(name, false);
        return NameNormalizer.forms(name, true).stream().filter(form -> !plain.contains(form))
                .map(form -> new Query(written, form)).toList();
    }

    private static List<String> requireWords(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name to screen must not be null or blank");
        }
        List<String> words = NameNormalizer.tokens(name);
        if (words.isEmpty()) {
            throw new IllegalArgumentException("name to screen has no letters or digits: '" + name + "'");
        }
        return words;
    }

    private void blocked(Query query, PartyType type, double threshold, Scratch scratch, Map<Integer, Best> best) {
        int words = query.words.length;
        Neighbours[] neighbours = new Neighbours[words];
        Map<String, Neighbours> byWord = new HashMap<>();
        for (int q = 0; q < words; q++) {
            neighbours[q] = byWord.computeIfAbsent(query.words[q], this::cachedNeighbours);
        }

        // upper bounds of each side's coverage, for every name some query word reaches
        int epoch = scratch.next();
        scratch.touchedCount = 0;
        for (int q = 0; q < words; q++) {
            int mark = scratch.next();
            Neighbours nb = neighbours[q];
            for (int k = 0; k < nb.bySimilarity.length; k++) {
                int word = nb.bySimilarity[k];
                double similarity = nb.similarityDesc[k];
                double listedWeight = wordLength[word] * similarity;
                double queryWeight = query.lengths[q] * similarity;
                for (int n : postings[word]) {
                    if (!compared(type, nameType[n])) {
                        continue;
                    }
                    if (scratch.seen[n] != epoch) {
                        scratch.seen[n] = epoch;
                        scratch.queryCover[n] = 0;
                        scratch.listedCover[n] = 0;
                        scratch.touched[scratch.touchedCount++] = n;
                    }
                    if (scratch.queryMark[n] != mark) { // the first visit per query word is its best pair
                        scratch.queryMark[n] = mark;
                        scratch.queryCover[n] += queryWeight;
                    }
                    scratch.listedCover[n] += listedWeight;
                }
            }
        }

        double cutoff = threshold - 0.0005 - EPSILON; // scores are rounded before the comparison
        for (int t = 0; t < scratch.touchedCount; t++) {
            int n = scratch.touched[t];
            double queryBound = Math.min(1, scratch.queryCover[n] / query.total);
            double listedBound = Math.min(1, scratch.listedCover[n] / nameLength[n]);
            double bound = combine(balance(queryBound, listedBound), 1);
            if (bound < cutoff) {
                continue;
            }
            double[][] similarity = new double[words][nameWords[n].length];
            for (int q = 0; q < words; q++) {
                for (int c = 0; c < nameWords[n].length; c++) {
                    similarity[q][c] = neighbours[q].similarity(nameWords[n][c]);
                }
            }
            offer(best, n, scoreName(query, n, similarity), query);
        }
    }

    /** Why a name scored: the forms, and the word pairs as the score took them (greedy, best first, each word once). */
    private Explanation explain(Query query, int n) {
        String[] listed = new String[nameWords[n].length];
        for (int c = 0; c < listed.length; c++) {
            listed[c] = vocabulary[nameWords[n][c]];
        }
        boolean[] queryUsed = new boolean[query.words.length];
        boolean[] listedUsed = new boolean[listed.length];
        List<Explanation.WordPair> pairs = new ArrayList<>();
        while (true) {
            int bestQ = -1;
            int bestC = -1;
            double best = 0;
            for (int q = 0; q < query.words.length; q++) {
                for (int c = 0; c < listed.length && !queryUsed[q]; c++) {
                    double similarity = listedUsed[c] ? 0 : wordSimilarity(query.words[q], listed[c]);
                    if (similarity > best) {
                        best = similarity;
                        bestQ = q;
                        bestC = c;
                    }
                }
            }
            if (bestQ < 0) {
                break;
            }
            queryUsed[bestQ] = true;
            listedUsed[bestC] = true;
            pairs.add(new Explanation.WordPair(query.words[bestQ], listed[bestC], round(best)));
        }
        List<String> unmatchedQuery = new ArrayList<>();
        for (int q = 0; q < queryUsed.length; q++) {
            if (!queryUsed[q]) {
                unmatchedQuery.add(query.words[q]);
            }
        }
        List<String> unmatchedListed = new ArrayList<>();
        for (int c = 0; c < listedUsed.length; c++) {
            if (!listedUsed[c]) {
                unmatchedListed.add(listed[c]);
            }
        }
        return new Explanation(query.form, nameForm[n], pairs, unmatchedQuery, unmatchedListed);
    }

    /** Whether a query of {@code query}'s type is compared with a listed entry of type {@code listed} (see the class comment). */
    static boolean compared(PartyType query, PartyType listed) {
        if (query == null || query == listed) {
            return true;
        }
        return (query == PartyType.VESSEL || query == PartyType.AIRCRAFT) && listed == PartyType.ENTITY;
    }

    private void exhaustive(Query query, PartyType type, Map<Integer, Best> best) {
        for (int n = 0; n < nameText.length; n++) {
            if (!compared(type, nameType[n])) {
                continue;
            }
            double[][] similarity = new double[query.words.length][nameWords[n].length];
            for (int q = 0; q < query.words.length; q++) {
                for (int c = 0; c < nameWords[n].length; c++) {
                    similarity[q][c] = wordSimilarity(query.words[q], vocabulary[nameWords[n][c]]);
                }
            }
            offer(best, n, scoreName(query, n, similarity), query);
        }
    }

    private double scoreName(Query query, int n, double[][] similarity) {
        int[] lengths = new int[nameWords[n].length];
        for (int c = 0; c < lengths.length; c++) {
            lengths[c] = wordLength[nameWords[n][c]];
        }
        double words = wordScore(similarity, query.lengths, query.total, lengths, nameLength[n]);
        if (words == 0) {
            return 0; // no word pair counts: not a match, whatever the whole-name similarity
        }
        return combine(words, JARO_WINKLER.apply(query.key, nameKey[n]));
    }

    private void offer(Map<Integer, Best> best, int name, double score, Query query) {
        if (score <= 0) {
            return;
        }
        Best current = best.get(nameEntry[name]);
        if (current == null || score > current.score || (score == current.score && preferred(name, current.name))) {
            best.put(nameEntry[name], new Best(name, score, query));
        }
    }

    /** On a tie within an entry: the primary name, then the first listed; independent of visiting order. */
    private boolean preferred(int name, int other) {
        if (nameAlternate[name] != nameAlternate[other]) {
            return !nameAlternate[name];
        }
        return name < other;
    }

    private List<ScreeningHit> hits(Map<Integer, Best> best, double threshold, int limit) {
        List<ScreeningHit> hits = new ArrayList<>();
        for (Map.Entry<Integer, Best> e : best.entrySet()) {
            double score = round(e.getValue().score);
            if (score >= threshold) {
                SanctionsEntry entry = entries[e.getKey()];
                int n = e.getValue().name;
                hits.add(new ScreeningHit(source, entry.entNum(), entry.primaryName(), nameText[n], nameAlternate[n], score,
                        entry.type(), entry.programs(), version, explain(e.getValue().query, n)));
            }
        }
        hits.sort(Comparator.comparingDouble(ScreeningHit::score).reversed()
                .thenComparingLong(ScreeningHit::entNum));
        return hits.size() > limit ? List.copyOf(hits.subList(0, limit)) : List.copyOf(hits);
    }

    /**
     * {@link #neighbours(String)}, kept for words of the list's own vocabulary (bounded by its size,
     * so the memory is too); other words are looked up every time.
     */
    private Neighbours cachedNeighbours(String word) {
        Integer id = vocabularyIds.get(word);
        if (id == null) {
            return neighbours(word);
        }
        Neighbours cached = neighbourCache.get(id);
        if (cached == null) {
            cached = neighbours(word);
            neighbourCache.set(id, cached); // a race computes the same value twice, harmlessly
        }
        return cached;
    }

    /** The vocabulary words whose similarity with {@code word} reaches {@link #WORD_FLOOR}. */
    private Neighbours neighbours(String word) {
        int a = word.length();
        char first = word.charAt(0);
        long maskA = mask(word);
        int[] countA = bitCounts(word);
        long repeatA = repeatMask(countA);
        int repeats = a - Long.bitCount(maskA); // characters beyond the first on each mask bit
        int[] needed = new int[5];
        int[] found = new int[16];
        double[] similarities = new double[16];
        int count = 0;
        for (int length = 1; length < lengthStart.length - 1; length++) {
            // needed[p]: common characters a word of this length needs to reach the floor when it shares
            // a prefix of p letters (Jaro with no transposition, full Winkler bonus, length factor)
            int m = Math.min(a, length);
            double factor = lengthFactor(a, length);
            for (int p = 0; p <= 4; p++) {
                needed[p] = Integer.MAX_VALUE;
                if (p <= m) {
                    for (int matches = 1; matches <= m; matches++) {
                        double jaro = jaro(matches, a, length);
                        if ((jaro + 0.1 * p * (1 - jaro)) * factor + EPSILON >= WORD_FLOOR) {
                            needed[p] = matches;
                            break;
                        }
                    }
                }
            }
            int prefixNeeded = 0;
            while (prefixNeeded <= 4 && needed[prefixNeeded] == Integer.MAX_VALUE) {
                prefixNeeded++;
            }
            if (prefixNeeded > 4) {
                continue; // no word of this length can reach the floor
            }
            int leastNeeded = needed[Math.min(4, m)];
            int from = lengthStart[length];
            int to = lengthStart[length + 1];
            String prefix = null;
            if (prefixNeeded > 0) {
                prefix = word.substring(0, prefixNeeded);
                from = lowerBound(prefix, from, to);
            }
            for (int id = from; id < to; id++) {
                if (prefix != null && !vocabulary[id].startsWith(prefix)) {
                    break; // words are sorted within a length: the prefix range has ended
                }
                // Jaro's matching characters are at most the characters both words have, per mask bit:
                // first a quick bound (every repeated character of the query word counted as common)
                boolean sameFirst = wordFirst[id] == first;
                int common = Long.bitCount(maskA & wordMask[id]);
                if (common + repeats < (sameFirst ? leastNeeded : needed[0])) {
                    continue;
                }
                long repeated = repeatA & wordRepeat[id];
                while (repeated != 0) {
                    common += countA[Long.numberOfTrailingZeros(repeated)] - 1;
                    repeated &= repeated - 1;
                }
                String other = vocabulary[id];
                int prefixNeededHere = needed[sameFirst ? commonPrefix(word, other) : 0];
                if (common < prefixNeededHere || jaroMatches(word, other) < prefixNeededHere) {
                    continue;
                }
                double similarity = wordSimilarity(word, other);
                if (similarity > 0) {
                    if (count == found.length) {
                        found = Arrays.copyOf(found, count * 2);
                        similarities = Arrays.copyOf(similarities, count * 2);
                    }
                    found[count] = id;
                    similarities[count] = similarity;
                    count++;
                }
            }
        }
        return new Neighbours(Arrays.copyOf(found, count), Arrays.copyOf(similarities, count));
    }

    /** The first vocabulary id in {@code [from, to)} whose word is not before {@code prefix}. */
    private int lowerBound(String prefix, int from, int to) {
        int low = from;
        int high = to;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (vocabulary[mid].compareTo(prefix) < 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    // ---------------------------------------------------------------------------------------------
    // the score formula (see the class comment)

    /**
     * Similarity of two normalized words: Jaro-Winkler times the length factor, or 0 below
     * {@link #WORD_FLOOR}.
     */
    static double wordSimilarity(String queryWord, String listedWord) {
        double similarity = JARO_WINKLER.apply(queryWord, listedWord)
                * lengthFactor(queryWord.length(), listedWord.length());
        return similarity >= WORD_FLOOR ? similarity : 0;
    }

    /**
     * {@code 1 - 0.5 * max(0, |a - b| - 1) / max(a, b)}: words whose lengths differ by two letters or
     * more lose some similarity, so a short word is not taken for the start of a long one ("ali" and
     * "alamin": Jaro-Winkler 0.87, here 0.72), while one letter more or less costs nothing
     * ("mohamed", "mohammed").
     */
    static double lengthFactor(int a, int b) {
        int difference = Math.abs(a - b) - 1;
        return difference <= 0 ? 1 : 1 - LENGTH_PENALTY * difference / Math.max(a, b);
    }

    /** W: one-to-one best pairs, coverage of each side weighted by word length, then balanced. */
    static double wordScore(double[][] similarity, int[] queryLengths, int queryTotal, int[] listedLengths,
                            int listedTotal) {
        int rows = queryLengths.length;
        int columns = listedLengths.length;
        boolean[] queryUsed = new boolean[rows];
        boolean[] listedUsed = new boolean[columns];
        double queryCover = 0;
        double listedCover = 0;
        while (true) {
            // the best pair of words not used yet; ties go to the first in written order
            int bestQ = -1;
            int bestC = -1;
            double best = 0;
            for (int q = 0; q < rows; q++) {
                if (queryUsed[q]) {
                    continue;
                }
                for (int c = 0; c < columns; c++) {
                    if (!listedUsed[c] && similarity[q][c] > best) {
                        best = similarity[q][c];
                        bestQ = q;
                        bestC = c;
                    }
                }
            }
            if (bestQ < 0) {
                break;
            }
            queryUsed[bestQ] = true;
            listedUsed[bestC] = true;
            queryCover += best * queryLengths[bestQ];
            listedCover += best * listedLengths[bestC];
        }
        return balance(queryCover / queryTotal, listedCover / listedTotal);
    }

    private static double balance(double queryCover, double listedCover) {
        return COVERAGE_BALANCE * Math.max(queryCover, listedCover)
                + (1 - COVERAGE_BALANCE) * Math.min(queryCover, listedCover);
    }

    private static double combine(double wordScore, double wholeName) {
        return WORD_WEIGHT * wordScore + (1 - WORD_WEIGHT) * wholeName;
    }

    static double round(double score) {
        return Math.round(score * 1000) / 1000.0;
    }

    // ---------------------------------------------------------------------------------------------

    private static double jaro(int matches, int a, int b) {
        return ((double) matches / a + (double) matches / b + 1) / 3;
    }

    /**
     * The most characters Jaro can match between two words: for each character of the shorter word
     * (in order) the first unused equal character of the longer one within the Jaro window. Taking
     * the first free position, in order, matches as many as possible, so no Jaro implementation
     * finds more. Words longer than 64 get the trivial bound.
     */
    static int jaroMatches(String a, String b) {
        String shorter = a.length() <= b.length() ? a : b;
        String longer = shorter == a ? b : a;
        if (longer.length() > 64) {
            return shorter.length();
        }
        int range = Math.max(longer.length() / 2 - 1, 0);
        long used = 0;
        int matches = 0;
        for (int i = 0; i < shorter.length(); i++) {
            char ch = shorter.charAt(i);
            for (int x = Math.max(i - range, 0), end = Math.min(i + range + 1, longer.length()); x < end; x++) {
                if ((used & (1L << x)) == 0 && longer.charAt(x) == ch) {
                    used |= 1L << x;
                    matches++;
                    break;
                }
            }
        }
        return matches;
    }

    private static int commonPrefix(String a, String b) {
        int max = Math.min(4, Math.min(a.length(), b.length()));
        int i = 0;
        while (i < max && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }

    /** One bit per character: a-z, 0-9, anything else hashed onto the remaining 28 bits. */
    static long mask(String word) {
        long mask = 0;
        for (int i = 0; i < word.length(); i++) {
            mask |= 1L << bit(word.charAt(i));
        }
        return mask;
    }

    /** How many characters of the word fall on each mask bit. */
    private static int[] bitCounts(String word) {
        int[] counts = new int[64];
        for (int i = 0; i < word.length(); i++) {
            counts[bit(word.charAt(i))]++;
        }
        return counts;
    }

    private static long repeatMask(int[] bitCounts) {
        long mask = 0;
        for (int bit = 0; bit < 64; bit++) {
            if (bitCounts[bit] > 1) {
                mask |= 1L << bit;
            }
        }
        return mask;
    }

    private static int bit(char ch) {
        if (ch >= 'a' && ch <= 'z') {
            return ch - 'a';
        }
        if (ch >= '0' && ch <= '9') {
            return 26 + ch - '0';
        }
        return 36 + Math.floorMod(ch * 31, 28);
    }

    private static String sortedKey(List<String> words) {
        String[] sorted = words.toArray(String[]::new);
        Arrays.sort(sorted);
        return String.join(" ", sorted);
    }

    private static int sum(int[] values) {
        int total = 0;
        for (int value : values) {
            total += value;
        }
        return total;
    }

    /** One spelling of a query name, normalized once. */
    private static final class Query {
        final String[] words;
        final int[] lengths;
        final int total;
        final String key;
        final NameForm form;

        Query(List<String> written, List<String> words) {
            this.form = NameForm.of(written, words);
            this.words = words.toArray(String[]::new);
            this.lengths = words.stream().mapToInt(String::length).toArray();
            this.total = sum(lengths);
            this.key = sortedKey(words);
        }
    }

    /** The vocabulary words similar to one query word: by similarity for bounds, by id for look-ups. */
    private static final class Neighbours {
        final int[] bySimilarity;
        final double[] similarityDesc;
        final int[] byId;
        final double[] similarityById;

        Neighbours(int[] ids, double[] similarities) {
            this.byId = ids; // found in id order
            this.similarityById = similarities;
            Integer[] order = new Integer[ids.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (x, y) -> Double.compare(similarities[y], similarities[x]));
            this.bySimilarity = new int[ids.length];
            this.similarityDesc = new double[ids.length];
            for (int i = 0; i < order.length; i++) {
                bySimilarity[i] = ids[order[i]];
                similarityDesc[i] = similarities[order[i]];
            }
        }

        double similarity(int id) {
            int at = Arrays.binarySearch(byId, id);
            return at >= 0 ? similarityById[at] : 0;
        }
    }

    private record Best(int name, double score, Query query) {
    }

    /** Per-call working memory, pooled so concurrent calls do not share it. */
    private static final class Scratch {
        final int[] seen;
        final int[] queryMark;
        final double[] queryCover;
        final double[] listedCover;
        final int[] touched;
        int touchedCount;
        private int counter;

        Scratch(int names) {
            seen = new int[names];
            queryMark = new int[names];
            queryCover = new double[names];
            listedCover = new double[names];
            touched = new int[names];
        }

        /** A number never stored in {@code seen} or {@code queryMark} before. */
        int next() {
            if (counter == Integer.MAX_VALUE) {
                Arrays.fill(seen, 0);
                Arrays.fill(queryMark, 0);
                counter = 0;
            }
            return ++counter;
        }
    }
}
