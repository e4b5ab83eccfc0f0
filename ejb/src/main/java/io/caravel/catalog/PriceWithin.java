package io.caravel.catalog;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;

/**
 * Products whose stored price lies within their currency's bounds, checked on the doc values of the
 * documents the rest of the query found: a product's currency and price are read once, where a clause per
 * currency would advance a posting list per currency for every candidate. Products in a currency without
 * bounds do not match. Used beside the points (CatalogDocuments.priceBetween), which are cheaper
 * when the price range itself leads.
 */
final class PriceWithin extends Query {

    /** Per currency, the lowest and highest stored price that match, both included. */
    private final TreeMap<String, long[]> bounds;

    PriceWithin(Map<String, long[]> bounds) {
        this.bounds = new TreeMap<>(bounds);
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
        return new ConstantScoreWeight(this, boost) {
            @Override
            public Scorer scorer(LeafReaderContext context) throws IOException {
                SortedDocValues currencies = DocValues.getSorted(context.reader(), CatalogDocuments.CURRENCY);
                NumericDocValues prices = DocValues.getNumeric(context.reader(), CatalogDocuments.PRICE);
                int values = currencies.getValueCount();
                long[] low = new long[values];
                long[] high = new long[values];
                boolean[] priced = new boolean[values];
                boolean any = false;
                for (int ord = 0; ord < values; ord++) {
                    long[] range = bounds.get(currencies.lookupOrd(ord).utf8ToString());
                    if (range != null) {
                        priced[ord] = true;
                        low[ord] = range[0];
                        high[ord] = range[1];
                        any = true;
                    }
                }
                if (!any) {
                    return null;
                }
                DocIdSetIterator all = DocIdSetIterator.all(context.reader().maxDoc());
                TwoPhaseIterator within = new TwoPhaseIterator(all) {
                    @Override
                    public boolean matches() throws IOException {
                        int doc = all.docID();
                        if (!currencies.advanceExact(doc) || !prices.advanceExact(doc)) {
                            return false;
                        }
                        int ord = currencies.ordValue();
                        long price = prices.longValue();
                        return priced[ord] && price >= low[ord] && price <= high[ord];
                    }

                    @Override
                    public float matchCost() {
                        return 10; // two doc-value lookups and a comparison
                    }
                };
                return new ConstantScoreScorer(this, score(), scoreMode, within);
            }

            @Override
            public boolean isCacheable(LeafReaderContext context) {
                return DocValues.isCacheable(context, CatalogDocuments.CURRENCY, CatalogDocuments.PRICE);
            }
        };
    }

    @Override
    public void visit(QueryVisitor visitor) {
        if (visitor.acceptField(CatalogDocuments.PRICE)) {
            visitor.visitLeaf(this);
        }
    }

    @Override
    public String toString(String field) {
        StringBuilder text = new StringBuilder("priceWithin(");
        bounds.forEach((currency, range) -> text.append(currency).append(":[").append(range[0]).append(" TO ")
                .append(range[1]).append("] "));
        return text.append(')').toString();
    }

    @Override
    public boolean equals(Object other) {
        if (!sameClassAs(other)) {
            return false;
        }
        TreeMap<String, long[]> them = ((PriceWithin) other).bounds;
        return bounds.keySet().equals(them.keySet())
                && bounds.entrySet().stream().allMatch(e -> Arrays.equals(e.getValue(), them.get(e.getKey())));
    }

    @Override
    public int hashCode() {
        int hash = classHash();
        for (Map.Entry<String, long[]> e : bounds.entrySet()) {
            hash = 31 * hash + Objects.hash(e.getKey(), Arrays.hashCode(e.getValue()));
        }
        return hash;
    }
}
