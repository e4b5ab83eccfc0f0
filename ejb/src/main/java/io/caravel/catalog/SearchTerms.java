package io.caravel.catalog;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Turns text in English, Chinese or both into search terms. Latin words are lower-cased, folded and
 * reduced to a simple singular ("batteries" and "battery" meet); Chinese, Japanese and Korean text,
 * which has no spaces, is indexed as single characters and pairs of neighbours, and a query looks
 * for its pairs, so "电池" finds "锂电池充电宝".
 */
public final class SearchTerms {

    static final int MAX_TERM = 60;

    private SearchTerms() {
    }

    /** The terms a product's text is indexed under. */
    public static Set<String> forIndex(String text) {
        return terms(text, true);
    }

    /** The terms a query must all match. */
    public static Set<String> forQuery(String text) {
        return terms(text, false);
    }

    private static Set<String> terms(String text, boolean index) {
        Set<String> terms = new LinkedHashSet<>();
        if (text == null) {
            return terms;
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder word = new StringBuilder();
        StringBuilder ideographs = new StringBuilder();
        for (int i = 0; i < folded.length(); ) {
            int cp = folded.codePointAt(i);
            i += Character.charCount(cp);
            if (isIdeographic(cp)) {
                flushWord(word, terms);
                ideographs.appendCodePoint(cp);
            } else if (Character.isLetterOrDigit(cp)) {
                flushIdeographs(ideographs, terms, index);
                word.appendCodePoint(Character.isLetter(cp) ? stripAccent(cp) : cp);
            } else {
                flushWord(word, terms);
                flushIdeographs(ideographs, terms, index);
            }
        }
        flushWord(word, terms);
        flushIdeographs(ideographs, terms, index);
        return terms;
    }

    private static void flushWord(StringBuilder word, Set<String> terms) {
        if (word.length() >= 2 || (word.length() == 1 && Character.isDigit(word.charAt(0)))) {
            terms.add(truncate(singular(word.toString())));
        }
        word.setLength(0);
    }

    private static void flushIdeographs(StringBuilder run, Set<String> terms, boolean index) {
        int[] cps = run.codePoints().toArray();
        if (cps.length == 1 || (index && cps.length > 0)) {
            for (int cp : cps) {
                terms.add(new String(Character.toChars(cp)));
            }
        }
        for (int i = 0; i + 1 < cps.length; i++) {
            terms.add(new String(cps, i, 2));
        }
        run.setLength(0);
    }

    static String singular(String word) {
        if (word.length() > 4 && word.endsWith("ies")) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.length() > 3 && word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us")) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }

    private static int stripAccent(int cp) {
        String base = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return base.isEmpty() ? cp : base.codePointAt(0);
    }

    private static String truncate(String term) {
        return term.length() <= MAX_TERM ? term : term.substring(0, MAX_TERM);
    }

    private static boolean isIdeographic(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }
}
