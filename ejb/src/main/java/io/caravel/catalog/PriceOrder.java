package io.caravel.catalog;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.util.BytesRef;

/**
 * A page of products by price in the query's currency, without converting every match. A product's
 * price is converted by its currency's one factor, so within a currency the stored price orders the
 * products as the converted one does: per product currency, Lucene sorts by the stored price (its
 * points let it skip documents that cannot make the page), and the pages of the currencies are merged
 * by converted price, then id. Products in a currency without a factor take no part.
 */
final class PriceOrder {

    /** A product on the page: its price in the query currency and its id (the cursor is made of both). */
    record Hit(double price, String id) {
    }

    private final Map<String, BigDecimal> toQueryCurrency;
    private final boolean descending;
    private final Comparator<Hit> order;

    PriceOrder(Map<String, BigDecimal> toQueryCurrency, boolean descending) {
        this.toQueryCurrency = Map.copyOf(toQueryCurrency);
        this.descending = descending;
        Comparator<Hit> byPrice = Comparator.comparingDouble(Hit::price);
        // ties by id ascending in both directions, as Lucene compares the id's bytes
        this.order = (descending ? byPrice.reversed() : byPrice)
                .thenComparing(hit -> new BytesRef(hit.id()));
    }

    /** Up to {@code wanted} products matching {@code query} that come after {@code after} (null: from the start). */
    List<Hit> page(IndexSearcher searcher, Query query, Hit after, int wanted) throws IOException {
        List<Hit> hits = new ArrayList<>();
        Query rewritten = searcher.rewrite(query); // once, not per currency (typo forms expand here)
        for (Map.Entry<String, BigDecimal> currency : toQueryCurrency.entrySet()) {
            hits.addAll(page(searcher, rewritten, currency.getKey(), currency.getValue().doubleValue(), after, wanted));
        }
        hits.sort(order);
        return hits.size() > wanted ? hits.subList(0, wanted) : hits;
    }

    /** The first {@code wanted} products of one currency after the cursor, in their converted order. */
    private List<Hit> page(IndexSearcher searcher, Query query, String currency, double factor, Hit after, int wanted)
            throws IOException {
        BooleanQuery.Builder inCurrency = new BooleanQuery.Builder().add(query, Occur.FILTER)
                .add(new TermQuery(new Term(CatalogDocuments.CURRENCY, currency)), Occur.FILTER);
        if (after != null) {
            // the stored prices around the cursor's converted one, a unit wider on its side: the exact comparison
            // below decides, so a rounding of the division never loses a product
            double stored = after.price() / factor * Math.pow(10, CatalogDocuments.PRICE_SCALE);
            inCurrency.add(descending ? CatalogDocuments.priceRange(Long.MIN_VALUE, (long) Math.ceil(stored) + 1)
                    : CatalogDocuments.priceRange((long) Math.floor(stored) - 1, Long.MAX_VALUE), Occur.FILTER);
        }
        Query inOne = inCurrency.build();
        Sort sort = new Sort(new SortField(CatalogDocuments.PRICE, SortField.Type.LONG, descending),
                new SortField(CatalogDocuments.ID, SortField.Type.STRING));
        List<Hit> hits = new ArrayList<>();
        FieldDoc last = null;
        while (true) {
            // no exact total wanted: Lucene may skip as soon as the page is full
            TopFieldDocs top = searcher.search(inOne, new TopFieldCollectorManager(sort, wanted, last, wanted));
            for (ScoreDoc doc : top.scoreDocs) {
                FieldDoc hit = (FieldDoc) doc;
                Hit converted = new Hit(CatalogDocuments.unscaled((Long) hit.fields[0]) * factor,
                        ((BytesRef) hit.fields[1]).utf8ToString());
                if (after == null || order.compare(converted, after) > 0) {
                    hits.add(converted);
                }
            }
            if (hits.size() >= wanted || top.scoreDocs.length < wanted) {
                return hits;
            }
            last = (FieldDoc) top.scoreDocs[top.scoreDocs.length - 1];
        }
    }
}
