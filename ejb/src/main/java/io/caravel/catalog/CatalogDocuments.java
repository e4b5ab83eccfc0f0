package io.caravel.catalog;

import io.caravel.platform.CaravelException;
import io.caravel.platform.search.TextAnalysis;
import io.caravel.seller.ProductCategory;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexOrDocValuesQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;

/**
 * What the search index holds of a published product and how a {@link CatalogQuery} is asked of it.
 * Words must all be found (in title, description or brand, either language; a long word also with a
 * typo); the title counts three times as much as the rest, and a title that has the query as Chinese
 * words twice more. Filters do not change the score.
 */
final class CatalogDocuments {

    static final String ID = "id";
    static final String ALL = "all";
    static final String TITLE = "title";
    static final String TITLE_WORDS = "title_words";
    static final String WHOLESALE = "wholesale";
    static final String CATEGORY = "category";
    static final String SELLER = "seller";
    static final String BRAND = "brand";
    static final String ORIGIN = "origin";
    static final String CURRENCY = "currency";
    static final String PRICE = "price";
    static final String PUBLISHED = "published";
    static final String SHIPS_FROM = "shipsFrom";
    /** Facet dimensions other than the price bands, which are counted in the query's currency. */
    static final String[] FACETS = {CATEGORY, BRAND, ORIGIN, SHIPS_FROM};

    static final int MAX_QUERY_LENGTH = 200;
    static final int PRICE_SCALE = 4;
    private static final float TITLE_BOOST = 3f;
    private static final float WORDS_BOOST = 2f;
    /** Words at least this long are found with one typo, {@link #TWO_TYPOS} with two. */
    private static final int ONE_TYPO = 5;
    private static final int TWO_TYPOS = 8;

    static final FacetsConfig FACETS_CONFIG = new FacetsConfig();
    private static final Analyzer QUERY = TextAnalysis.query();
    private static final Analyzer PLAIN = TextAnalysis.plain();
    private static final QueryBuilder CHINESE_WORDS = new QueryBuilder(TextAnalysis.chineseWords());

    private CatalogDocuments() {
    }

    /** The analyzer the index is written with. */
    static Analyzer analyzer() {
        return new PerFieldAnalyzerWrapper(TextAnalysis.index(), Map.of(TITLE_WORDS, TextAnalysis.chineseWords()));
    }

    static Document of(CatalogProduct published) throws IOException {
        ProductDetails p = published.product();
        Document d = new Document();
        d.add(new StringField(ID, published.id(), Field.Store.NO));
        d.add(new SortedDocValuesField(ID, new BytesRef(published.id())));
        String title = String.join(" ", Objects.toString(p.getTitleEn(), ""), Objects.toString(p.getTitleZh(), ""));
        d.add(new TextField(TITLE, title, Field.Store.NO));
        d.add(new TextField(TITLE_WORDS, title, Field.Store.NO));
        d.add(new TextField(ALL, p.getSearchText(), Field.Store.NO));
        d.add(new StringField(WHOLESALE, Boolean.toString(p.isWholesale()), Field.Store.NO));
        d.add(new StringField(CATEGORY, p.getCategory().name(), Field.Store.NO));
        d.add(new SortedSetDocValuesFacetField(CATEGORY, p.getCategory().name()));
        d.add(new StringField(SELLER, published.sellerId(), Field.Store.NO));
        if (p.getBrand() != null && !p.getBrand().isBlank()) {
            d.add(new StringField(BRAND, ProductDetails.brandKey(p.getBrand()), Field.Store.NO));
            d.add(new SortedSetDocValuesFacetField(BRAND, p.getBrand().trim()));
        }
        if (p.getOriginCountry() != null && !p.getOriginCountry().isBlank()) {
            d.add(new StringField(ORIGIN, p.getOriginCountry(), Field.Store.NO));
            d.add(new SortedSetDocValuesFacetField(ORIGIN, p.getOriginCountry()));
        }
        d.add(new SortedSetDocValuesFacetField(SHIPS_FROM, p.getShipsFrom()));
        d.add(new StringField(CURRENCY, p.getCurrency(), Field.Store.NO));
        d.add(new SortedDocValuesField(CURRENCY, new BytesRef(p.getCurrency())));
        long price = scaled(p.getPrice(), RoundingMode.HALF_UP);
        d.add(new LongPoint(PRICE, price));
        d.add(new NumericDocValuesField(PRICE, price));
        // points beside the doc values let a newest-first search skip what cannot make the page
        long publishedAt = published.firstPublishedAt().toEpochMilli();
        d.add(new LongPoint(PUBLISHED, publishedAt));
        d.add(new NumericDocValuesField(PUBLISHED, publishedAt));
        return FACETS_CONFIG.build(d);
    }

    /** The products that match {@code query} in {@code index}, scored when it has words. */
    static Query query(CatalogQuery query, Map<String, BigDecimal> toQueryCurrency, IndexReader index) {
        return query(words(query.q(), index), query, toQueryCurrency);
    }

    /** The products that match {@code text} (null: any) and the query's filters. */
    static Query query(Query text, CatalogQuery query, Map<String, BigDecimal> toQueryCurrency) {
        return filtered(new BooleanQuery.Builder().add(text == null ? new MatchAllDocsQuery() : text, Occur.MUST), query,
                toQueryCurrency);
    }

    /** The products that pass the query's filters (everything but its words), unscored. */
    static Query filters(CatalogQuery query, Map<String, BigDecimal> toQueryCurrency) {
        return filtered(new BooleanQuery.Builder(), query, toQueryCurrency);
    }

    private static Query filtered(BooleanQuery.Builder b, CatalogQuery query, Map<String, BigDecimal> toQueryCurrency) {
        b.add(new TermQuery(new Term(WHOLESALE, Boolean.toString(query.wholesale()))), Occur.FILTER);
        if (query.category() != null) {
            b.add(new TermQuery(new Term(CATEGORY, category(query.category()).name())), Occur.FILTER);
        }
        if (query.sellerId() != null) {
            b.add(new TermQuery(new Term(SELLER, query.sellerId())), Occur.FILTER);
        }
        if (query.brand() != null) {
            b.add(new TermQuery(new Term(BRAND, ProductDetails.brandKey(query.brand()))), Occur.FILTER);
        }
        if (query.originCountry() != null) {
            b.add(new TermQuery(new Term(ORIGIN, query.originCountry().trim().toUpperCase(Locale.ROOT))), Occur.FILTER);
        }
        if (query.minPrice() != null || query.maxPrice() != null || sortsByPrice(query)) {
            b.add(priceBetween(query.minPrice(), query.maxPrice(), toQueryCurrency), Occur.FILTER);
        }
        return b.build();
    }

    /** Whether the text has words to look for (synonyms only ever add words to those typed). */
    static boolean hasWords(String q) {
        return q != null && !typed(q).isEmpty();
    }

    /** The words as typed (analysed, without synonyms): only these are looked for with typos. */
    private static Set<String> typed(String q) {
        Set<String> words = new HashSet<>();
        try (TokenStream tokens = PLAIN.tokenStream(ALL, q)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                words.add(term.toString());
            }
            tokens.end();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return words;
    }

    /** Refuses words longer than {@value #MAX_QUERY_LENGTH} characters (a 400 naming {@code q}). */
    static void checkLength(String q) {
        if (q != null && q.length() > MAX_QUERY_LENGTH) {
            throw CaravelException.invalid("q", "error.catalog.query-length", MAX_QUERY_LENGTH);
        }
    }

    static boolean sortsByPrice(CatalogQuery query) {
        return query.sort() == CatalogSort.PRICE_ASC || query.sort() == CatalogSort.PRICE_DESC;
    }

    /**
     * Every word in the text, the title three times as important; null when the text has no words.
     * With {@code index}, a word it does not know is also looked for with typos.
     */
    static Query words(String q, IndexReader index) {
        if (q == null) {
            return null;
        }
        checkLength(q);
        QueryBuilder tolerant = new Tolerant(QUERY, index, typed(q));
        Query all = tolerant.createBooleanQuery(ALL, q, Occur.MUST);
        if (all == null) {
            return null;
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(all, Occur.MUST);
        Query title = tolerant.createBooleanQuery(TITLE, q, Occur.SHOULD);
        if (title != null) {
            b.add(new BoostQuery(title, TITLE_BOOST), Occur.SHOULD);
        }
        Query chinese = CHINESE_WORDS.createBooleanQuery(TITLE_WORDS, q, Occur.SHOULD);
        if (chinese != null) {
            b.add(new BoostQuery(chinese, WORDS_BOOST), Occur.SHOULD);
        }
        return b.build();
    }

    /**
     * Prices within [min, max] of the query currency: per product currency, the bounds converted at
     * its rate, so each comparison is on the stored price. Products in a currency without a rate do
     * not match.
     */
    private static Query priceBetween(BigDecimal min, BigDecimal max, Map<String, BigDecimal> factors) {
        if (factors.isEmpty()) {
            return new MatchNoDocsQuery("no exchange rates");
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        factors.forEach((currency, factor) -> {
            long low = min == null ? Long.MIN_VALUE : scaled(min.divide(factor, PRICE_SCALE, RoundingMode.CEILING), RoundingMode.CEILING);
            long high = max == null ? Long.MAX_VALUE : scaled(max.divide(factor, PRICE_SCALE, RoundingMode.FLOOR), RoundingMode.FLOOR);
            any.add(new BooleanQuery.Builder()
                    .add(new TermQuery(new Term(CURRENCY, currency)), Occur.FILTER)
                    .add(priceRange(low, high), Occur.FILTER).build(), Occur.SHOULD);
        });
        return any.build();
    }

    /**
     * Stored prices within [low, high]: from the points when the range leads (few prices in it), else checked on
     * the doc values of the documents the words found (a wide range would otherwise visit every price each time).
     */
    static Query priceRange(long low, long high) {
        return new IndexOrDocValuesQuery(LongPoint.newRangeQuery(PRICE, low, high),
                NumericDocValuesField.newSlowRangeQuery(PRICE, low, high));
    }

    private static long scaled(BigDecimal amount, RoundingMode rounding) {
        BigDecimal units = amount.setScale(PRICE_SCALE, rounding).movePointRight(PRICE_SCALE);
        return units.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) >= 0 ? Long.MAX_VALUE : units.longValue();
    }

    static double unscaled(long price) {
        return price / Math.pow(10, PRICE_SCALE);
    }

    static ProductCategory category(String value) {
        try {
            return ProductCategory.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw CaravelException.invalid("category", "error.catalog.category",
                    Arrays.stream(ProductCategory.values()).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    /** Per currency ordinal of a segment, the factor into the query currency; NaN where there is none. */
    static double[] factors(SortedDocValues currencies, Map<String, BigDecimal> toQueryCurrency) throws IOException {
        double[] factors = new double[currencies.getValueCount()];
        for (int ord = 0; ord < factors.length; ord++) {
            BigDecimal factor = toQueryCurrency.get(currencies.lookupOrd(ord).utf8ToString());
            factors[ord] = factor == null ? Double.NaN : factor.doubleValue();
        }
        return factors;
    }

    /**
     * Finds a word of five letters or more that the index does not know with one typo, of eight or
     * more with two (never in the first letter). A word the index knows is taken as written, which
     * keeps common searches from expanding into every similar word.
     */
    private static final class Tolerant extends QueryBuilder {
        private final IndexReader index;
        private final Set<String> typed;

        Tolerant(Analyzer analyzer, IndexReader index, Set<String> typed) {
            super(analyzer);
            this.index = index;
            this.typed = typed;
        }

        @Override
        protected Query newTermQuery(Term term, float boost) {
            Query exact = super.newTermQuery(term, boost);
            String text = term.text();
            if (index == null || text.length() < ONE_TYPO || !typed.contains(text)
                    || !text.chars().allMatch(c -> c >= 'a' && c <= 'z') || known(term)) {
                return exact;
            }
            FuzzyQuery typo = new FuzzyQuery(term, text.length() >= TWO_TYPOS ? 2 : 1, 1, 50, true);
            return new BooleanQuery.Builder().add(exact, Occur.SHOULD)
                    .add(new BoostQuery(typo, 0.5f * boost), Occur.SHOULD).build();
        }

        private boolean known(Term term) {
            try {
                return index.docFreq(term) > 0;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
