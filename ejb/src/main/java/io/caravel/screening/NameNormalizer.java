package io.caravel.screening;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a party name into the tokens that name matching compares, so that spelling conventions of
 * the sanctions list and of the screened party do not decide a match.
 *
 * <p>Steps, in order:
 * <ol>
 *   <li>Unicode NFKD, then combining marks (accents, diacritics) are dropped and the few letters
 *       that do not decompose are spelled out ({@code ß → ss}, {@code ø → o}, {@code æ → ae},
 *       {@code ł → l}, ...); full-width forms become ASCII.</li>
 *   <li>Lower case ({@link Locale#ROOT}).</li>
 *   <li>Apostrophes are removed ({@code O'Neil → oneil}); a full stop between two single letters
 *       is removed, so initialisms join ({@code L.L.C. → llc}, {@code S.A. → sa}); every other
 *       character that is not a letter or digit separates words.</li>
 *   <li>Company legal forms and noise words are dropped wherever they stand: {@code llc, ltd,
 *       limited, inc, co, corp, corporation, company, gmbh, ag, sa, srl, bv, plc, jsc, ojsc, pjsc,
 *       the} and a few more ({@link #NOISE_WORDS}), multi-word forms such as {@code s.a. de c.v.}
 *       or {@code joint stock company}, and Chinese/Japanese forms glued to the end of a word
 *       ({@code 有限公司, 股份有限公司, 公司, 株式会社, ...}). When nothing but noise is left
 *       ("The Company Ltd"), the words are kept as they are.</li>
 *   <li>For the comparison key, the words are sorted, so "NORIEGA, Manuel" and "Manuel Noriega"
 *       give the same key.</li>
 * </ol>
 */
public final class NameNormalizer {

    /** Single words dropped as company legal forms or noise. */
    static final Set<String> NOISE_WORDS = Set.of(
            "the", "llc", "ltd", "limited", "inc", "incorporated", "co", "corp", "corporation", "company",
            "gmbh", "ag", "sa", "sas", "sarl", "srl", "spa", "bv", "nv", "plc", "llp", "jsc", "ojsc", "cjsc",
            "pjsc", "ooo", "oao", "zao", "pao", "ltda", "pte", "pvt", "pty", "fze", "fzco", "fzc");

    /**
     * Particles that names write apart or joined ("Al Zawahiri", "Alzawahiri"; "Bin Laden",
     * "Binladen"; "De la Cruz", "Delacruz"): {@link #spellings} joins them to the next word.
     */
    static final Set<String> PARTICLES = Set.of(
            "al", "el", "ul", "ud", "ad", "ar", "as", "ash", "at", "az", "an", "bin", "ben", "ibn", "bint",
            "abu", "abd", "abdul", "abdel", "de", "del", "della", "da", "di", "du", "la", "le", "van", "von",
            "der", "mac", "mc");

    /** Multi-word legal forms, dropped before the single words; longest first at each position. */
    private static final List<String[]> NOISE_PHRASES = List.of(
            "open joint stock company", "closed joint stock company", "public joint stock company",
            "joint stock company", "limited liability company", "limited liability partnership",
            "s de rl de cv", "sapi de cv", "sab de cv", "sa de cv", "s de rl", "de cv").stream()
            .map(phrase -> phrase.split(" "))
            .sorted(Comparator.comparingInt((String[] words) -> words.length).reversed())
            .toList();

    /** Legal forms written without a space at the end (or start) of a Chinese or Japanese name. */
    private static final List<String> CJK_LEGAL_FORMS = List.of(
            "股份有限公司", "有限责任公司", "有限責任公司", "股份公司", "有限公司", "公司",
            "株式会社", "有限会社", "合同会社");

    /** Letters that NFKD does not split into a base letter and a mark. */
    private static final Map<Character, String> SPELLED_OUT = Map.ofEntries(
            Map.entry('ß', "ss"), Map.entry('æ', "ae"), Map.entry('Æ', "ae"), Map.entry('œ', "oe"),
            Map.entry('Œ', "oe"), Map.entry('ø', "o"), Map.entry('Ø', "o"), Map.entry('đ', "d"),
            Map.entry('Đ', "d"), Map.entry('ł', "l"), Map.entry('Ł', "l"), Map.entry('ı', "i"),
            Map.entry('þ', "th"), Map.entry('Þ', "th"), Map.entry('ð', "d"), Map.entry('Ð', "d"),
            Map.entry('ħ', "h"), Map.entry('Ħ', "h"));

    private NameNormalizer() {
    }

    /**
     * The comparison key of a name: its normalized words, sorted and joined by single spaces
     * ({@code "NORIEGA, Manuel Antonio" → "antonio manuel noriega"}). Empty when the name has no
     * letters or digits.
     *
     * @throws IllegalArgumentException when {@code name} is null
     */
    public static String normalize(String name) {
        return String.join(" ", sortedTokens(name));
    }

    /**
     * The normalized words of a name in their written order, legal forms and noise words removed
     * ({@code "Anglo-Caribbean Co., Ltd." → [anglo, caribbean]}).
     *
     * @throws IllegalArgumentException when {@code name} is null
     */
    public static List<String> tokens(String name) {
        if (name == null) {
            throw new IllegalArgumentException("name must not be null");
        }
        List<String> words = words(name);
        List<String> kept = dropNoise(words);
        return List.copyOf(kept.isEmpty() ? words : kept);
    }

    /** The normalized words of a name, sorted, so that word order does not matter. */
    public static List<String> sortedTokens(String name) {
        String[] tokens = tokens(name).toArray(String[]::new);
        Arrays.sort(tokens);
        return List.of(tokens);
    }

    /**
     * The spellings a name is compared in: its {@link #tokens words}, and when it has particles
     * ({@code al, bin, abu, abd, de, la, van, ...}) followed by a word, a second spelling with each
     * particle joined to the word after it: {@code [al, zawahiri, ayman] → [alzawahiri, ayman]},
     * {@code [abd, al, aziz] → [abdalaziz]}. Comparing both spellings of both names lets
     * "Al-Zawahiri" meet "Alzawahiri" whichever way either side writes it.
     */
    public static List<List<String>> spellings(List<String> tokens) {
        List<String> joined = new ArrayList<>(tokens.size());
        StringBuilder pending = new StringBuilder();
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            if (PARTICLES.contains(token) && i < tokens.size() - 1) {
                pending.append(token);
            } else {
                joined.add(pending + token);
                pending.setLength(0);
            }
        }
        return joined.size() == tokens.size() ? List.of(List.copyOf(tokens)) : List.of(List.copyOf(tokens),
                List.copyOf(joined));
    }

    /** Names parts this short may be one syllable of a name written apart or joined ("Jong Un", "Jongun"). */
    static final int SYLLABLE = 4;

    /**
     * Further forms a person's name is compared in, beyond its {@link #spellings}: each pair of adjacent
     * short given-name parts joined ({@code "KIM, Jong Un" → [kim, jongun]}, at most two such forms), and
     * the name without middle names ({@code "BOUT, Viktor Anatolijevitch" → [bout, viktor]}; without a
     * comma the first and last word: {@code "Viktor Anatolyevich Bout" → [viktor, bout]}) when those are
     * longer than a syllable. Names written
     * "FAMILY, Given" keep the family part whole. Empty when there is no further form.
     *
     * @throws IllegalArgumentException when {@code name} is null
     */
    public static List<List<String>> personForms(String name) {
        List<String> tokens = tokens(name);
        int comma = name.indexOf(',');
        List<String> family = comma > 0 ? tokens(name.substring(0, comma)) : List.of();
        List<String> given = comma > 0 ? tokens(name.substring(comma + 1)) : tokens;
        if (family.size() + given.size() != tokens.size()) {
            family = List.of();
            given = tokens;
        }
        List<List<String>> forms = new ArrayList<>();
        for (int i = 0; i + 1 < given.size() && forms.size() < 2; i++) {
            if (given.get(i).length() <= SYLLABLE && given.get(i + 1).length() <= SYLLABLE) {
                List<String> joined = new ArrayList<>(family);
                joined.addAll(given.subList(0, i));
                joined.add(given.get(i) + given.get(i + 1));
                joined.addAll(given.subList(i + 2, given.size()));
                forms.add(List.copyOf(joined));
            }
        }
        if (!family.isEmpty() && given.size() >= 2 && longWords(given.subList(1, given.size()))) {
            List<String> shortened = new ArrayList<>(family);
            shortened.add(given.get(0));
            forms.add(List.copyOf(shortened));
        } else if (family.isEmpty() && tokens.size() >= 3 && longWords(tokens.subList(1, tokens.size() - 1))) {
            forms.add(List.of(tokens.get(0), tokens.get(tokens.size() - 1)));
        }
        return forms;
    }

    /** Middle names are dropped only when they are words, not syllables of a given name ("Jong" of "Jong Un"). */
    private static boolean longWords(List<String> words) {
        return words.stream().allMatch(w -> w.length() > SYLLABLE);
    }

    /**
     * Every form a name is compared in: its {@link #spellings}, those of its {@link #transliteration} when
     * it is written in another script than Latin, and for a person (or a name of unknown type) those of
     * the {@link #personForms} of both, without repeats.
     */
    public static List<List<String>> forms(String name, boolean person) {
        java.util.LinkedHashSet<List<String>> forms = new java.util.LinkedHashSet<>(spellings(tokens(name)));
        String latin = transliteration(name);
        if (latin != null) {
            forms.addAll(spellings(tokens(latin)));
        }
        if (person) {
            for (String written : latin == null ? List.of(name) : List.of(name, latin)) {
                for (List<String> form : personForms(written)) {
                    forms.addAll(spellings(form));
                }
            }
        }
        forms.removeIf(List::isEmpty);
        return List.copyOf(forms);
    }

    /** ICU's transliteration of any script to Latin, then to plain ASCII letters; not thread-safe, so used under a lock. */
    private static final com.ibm.icu.text.Transliterator TO_LATIN =
            com.ibm.icu.text.Transliterator.getInstance("Any-Latin; Latin-ASCII");

    /**
     * A name written in another script than Latin (Cyrillic, Greek, Arabic, Hebrew, Chinese, Korean,
     * ...) in Latin letters, by ICU4J ({@code "Виктор Бут" → "Viktor But"}, {@code "김정은" → "gimjeong-eun"}),
     * so that it meets the Latin forms lists give; null for a name with Latin letters only.
     */
    public static String transliteration(String name) {
        if (name == null || name.codePoints().filter(Character::isLetter)
                .allMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN)) {
            return null;
        }
        synchronized (TO_LATIN) {
            return TO_LATIN.transliterate(name);
        }
    }

    /** Folds, lower-cases and splits into words; nothing is dropped yet. */
    private static List<String> words(String name) {
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFKD);
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int run = 0; // letters/digits since the last separator, to tell initials ("L.") from words ("Dr.")
        for (int i = 0; i < decomposed.length(); ) {
            int cp = decomposed.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                    || type == Character.ENCLOSING_MARK || type == Character.FORMAT) {
                continue; // accents and zero-width characters
            }
            String spelled = cp <= 0xFFFF ? SPELLED_OUT.get((char) cp) : null;
            if (spelled != null) {
                word.append(spelled);
                run++;
            } else if (Character.isLetterOrDigit(cp)) {
                word.append(Character.toChars(Character.toLowerCase(cp)));
                run++;
            } else if (isApostrophe(cp)) {
                // O'Neil, Mu'ammar: the apostrophe does not separate words
            } else if (cp == '.' && run == 1 && initialFollows(decomposed, i)) {
                // L.L.C., S.A., J.P.: an initial joins the next initial ("A.Khan" stays two words)
                run = 0;
            } else {
                endWord(words, word);
                run = 0;
            }
        }
        endWord(words, word);
        return words;
    }

    /** Whether the text at {@code index} is a single letter or digit standing alone ("C." or "C"). */
    private static boolean initialFollows(String text, int index) {
        return index < text.length() && Character.isLetterOrDigit(text.charAt(index))
                && (index + 1 >= text.length() || !Character.isLetterOrDigit(text.charAt(index + 1)));
    }

    private static boolean isApostrophe(int cp) {
        return cp == '\'' || cp == '\u2019' || cp == '\u2018' || cp == '`' || cp == '\u02BC' || cp == '\u02BB';
    }

    private static void endWord(List<String> words, StringBuilder word) {
        if (word.length() > 0) {
            words.add(word.toString());
            word.setLength(0);
        }
    }

    private static List<String> dropNoise(List<String> words) {
        List<String> kept = new ArrayList<>(words.size());
        for (int i = 0; i < words.size(); ) {
            int phrase = noisePhraseLength(words, i);
            if (phrase > 0) {
                i += phrase;
                continue;
            }
            String word = stripCjkLegalForm(words.get(i));
            if (!word.isEmpty() && !NOISE_WORDS.contains(word)) {
                kept.add(word);
            }
            i++;
        }
        return kept;
    }

    private static int noisePhraseLength(List<String> words, int start) {
        for (String[] phrase : NOISE_PHRASES) {
            if (start + phrase.length <= words.size()) {
                boolean same = true;
                for (int k = 0; k < phrase.length && same; k++) {
                    same = phrase[k].equals(words.get(start + k));
                }
                if (same) {
                    return phrase.length;
                }
            }
        }
        return 0;
    }

    /** Removes legal forms glued to a CJK word: {@code 华为技术有限公司 → 华为技术}; a bare form gives "". */
    private static String stripCjkLegalForm(String word) {
        String current = word;
        boolean changed = true;
        while (changed && !current.isEmpty()) {
            changed = false;
            for (String form : CJK_LEGAL_FORMS) {
                if (current.endsWith(form)) {
                    current = current.substring(0, current.length() - form.length());
                    changed = true;
                    break;
                }
                if (current.startsWith(form) && form.endsWith("会社")) {
                    current = current.substring(form.length()); // 株式会社トヨタ
                    changed = true;
                    break;
                }
            }
        }
        return current;
    }
}
