package io.caravel.platform.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * How Caravel's search reads text in English and Chinese (catalog and HS suggestions alike).
 *
 * <ul>
 * <li>{@link #index()}: words in Latin script lower-cased, accents folded ("café" = "cafe"), full-width
 * letters made half-width, English words reduced to their stem ("batteries" = "battery"); Chinese,
 * Japanese and Korean text, which has no spaces, as single characters and pairs of neighbours, so any
 * word of two or more characters is found inside a longer one ("收纳" in "收纳盒").</li>
 * <li>{@link #query()}: the same, with synonyms from {@value #SYNONYMS} (data, one rule per line) and
 * pairs only, so a query of two characters asks for that pair, not for each character.</li>
 * <li>{@link #chineseWords()}: Chinese segmented into dictionary words (smartcn), for relevance: a
 * title with the query as a word ranks above one that has the characters by chance.</li>
 * </ul>
 */
public final class TextAnalysis {

    /** Synonym rules in Solr's format: "a, b, c" are the same; "a => b" reads a as b. */
    public static final String SYNONYMS = "caravel/search/synonyms.txt";

    private static final int CJK = CJKBigramFilter.HAN | CJKBigramFilter.HIRAGANA | CJKBigramFilter.KATAKANA
            | CJKBigramFilter.HANGUL;
    private static final SynonymMap SYNONYM_MAP = synonyms();

    private TextAnalysis() {
    }

    /** The analyzer documents are indexed with. */
    public static Analyzer index() {
        return new Text(false, true);
    }

    /** The analyzer queries are read with (synonyms added). */
    public static Analyzer query() {
        return new Text(true, false);
    }

    /** The query analysis without synonyms: the words as the user typed them. */
    public static Analyzer plain() {
        return new Text(false, false);
    }

    /** Chinese dictionary words (and Latin words as {@link #index()} reads them), for index and query. */
    public static Analyzer chineseWords() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new HMMChineseTokenizer();
                TokenStream stream = new CJKWidthFilter(source);
                stream = new LowerCaseFilter(stream);
                stream = new ASCIIFoldingFilter(stream);
                return new TokenStreamComponents(source, new KStemFilter(stream));
            }
        };
    }

    private static final class Text extends Analyzer {
        private final boolean withSynonyms;
        private final boolean cjkUnigrams;

        Text(boolean withSynonyms, boolean cjkUnigrams) {
            this.withSynonyms = withSynonyms;
            this.cjkUnigrams = cjkUnigrams;
        }

        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new StandardTokenizer();
            TokenStream stream = normalized(source, cjkUnigrams);
            if (withSynonyms && SYNONYM_MAP.fst != null) {
                stream = new SynonymGraphFilter(stream, SYNONYM_MAP, true);
            }
            return new TokenStreamComponents(source, stream);
        }
    }

    /** Everything but synonyms: what synonym rules are read with, too (so "headphones" meets the rule "headphone"). */
    private static TokenStream normalized(Tokenizer source, boolean cjkUnigrams) {
        TokenStream stream = new EnglishPossessiveFilter(source);
        stream = new CJKWidthFilter(stream);
        stream = new LowerCaseFilter(stream);
        stream = new ASCIIFoldingFilter(stream);
        stream = new CJKBigramFilter(stream, CJK, cjkUnigrams);
        return new KStemFilter(stream);
    }

    private static SynonymMap synonyms() {
        Analyzer rules = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, normalized(source, false));
            }
        };
        try (InputStream in = TextAnalysis.class.getClassLoader().getResourceAsStream(SYNONYMS)) {
            if (in == null) {
                throw new IllegalStateException(SYNONYMS + " is missing from the application");
            }
            SolrSynonymParser parser = new SolrSynonymParser(true, true, rules);
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                parser.parse(reader);
            }
            return parser.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new IllegalStateException(SYNONYMS + " line " + e.getErrorOffset() + ": " + e.getMessage(), e);
        }
    }
}
