package io.caravel.screening;

import java.util.List;

/**
 * Why a name matched: the form of each side that scored best, the word pairs that counted (with their
 * similarity), the words of each side left without a partner, and the score of the names.
 *
 * @param queryForm       the form of the screened name
 * @param listedForm      the form of the listed name ({@link ScreeningHit#matchedName()})
 * @param pairs           the words paired, best first
 * @param unmatchedQuery  the screened name's words without a partner
 * @param unmatchedListed the listed name's words without a partner
 */
public record Explanation(NameForm queryForm, NameForm listedForm, List<WordPair> pairs, List<String> unmatchedQuery,
                          List<String> unmatchedListed) {

    public Explanation {
        pairs = List.copyOf(pairs);
        unmatchedQuery = List.copyOf(unmatchedQuery);
        unmatchedListed = List.copyOf(unmatchedListed);
    }

    /** The explanation as one text to store ({@link #parse} reads it), null for none. */
    public static String format(Explanation e) {
        if (e == null) {
            return null;
        }
        String text = e.queryForm() + "|" + e.listedForm() + "|"
                + String.join(" ", e.pairs().stream().map(p -> p.query() + "=" + p.listed() + "=" + p.similarity()).toList())
                + "|" + String.join(" ", e.unmatchedQuery()) + "|" + String.join(" ", e.unmatchedListed());
        return text.length() > 1000 ? null : text;
    }

    /** The explanation {@link #format} wrote; null for none or a text it did not write. */
    public static Explanation parse(String text) {
        if (text == null) {
            return null;
        }
        String[] parts = text.split("\\|", -1);
        if (parts.length != 5) {
            return null;
        }
        try {
            List<WordPair> pairs = new java.util.ArrayList<>();
            for (String pair : words(parts[2])) {
                String[] sides = pair.split("=");
                pairs.add(new WordPair(sides[0], sides[1], Double.parseDouble(sides[2])));
            }
            return new Explanation(NameForm.valueOf(parts[0]), NameForm.valueOf(parts[1]), pairs, words(parts[3]), words(parts[4]));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static List<String> words(String text) {
        return text.isBlank() ? List.of() : List.of(text.trim().split(" "));
    }

    /** A word of the screened name paired with a word of the listed one; similarity 0..1. */
    public record WordPair(String query, String listed, double similarity) {
    }
}
