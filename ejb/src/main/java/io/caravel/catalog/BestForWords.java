package io.caravel.catalog;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;

/**
 * The best-scored products for a search's words alone, kept per version of the index, so that the same words
 * with other filters (a price floor, a brand, a category: a shopper narrowing a search) are answered by checking
 * the filters on those products instead of scoring every product that has the words again. Filters score
 * nothing, so the first page is the same as the whole query's: the kept products in order of score, then
 * document, that pass the filters. When fewer than a page of the kept ones pass and more products have the
 * words, {@link #first} answers null and the whole query runs.
 */
final class BestForWords {

    private final int kept;
    private final Cache<Key, Best> best;

    /** Keeps the {@code kept} best products of each of the last {@code searches} word searches. */
    BestForWords(int kept, int searches) {
        this.kept = kept;
        this.best = Caffeine.newBuilder().maximumSize(Math.max(0, searches)).build();
    }

    private record Key(long version, String q) {
    }

    /**
     * The best products for the words, in order of score then document ({@code docs} global to the reader),
     * {@code byDoc} the same positions in document order; {@code all} when no other product has the words.
     */
    private record Best(int[] docs, float[] scores, int[] byDoc, boolean all) {
    }

    /**
     * The first {@code wanted} hits of {@code words} and {@code filters} on {@code searcher} (version {@code version}
     * of the index), or null when the kept products cannot tell.
     */
    ScoreDoc[] first(IndexSearcher searcher, long version, String q, Query words, Query filters, int wanted)
            throws IOException {
        // looked up, then put (not computed inside the cache: a search should not hold the cache's lock)
        Key key = new Key(version, q);
        Best found = best.getIfPresent(key);
        if (found == null) {
            found = compute(searcher, words);
            best.put(key, found);
        }
        boolean[] passes = passing(searcher, found, filters);
        List<ScoreDoc> hits = new ArrayList<>(wanted);
        for (int i = 0; i < found.docs().length && hits.size() < wanted; i++) {
            if (passes[i]) {
                hits.add(new ScoreDoc(found.docs()[i], found.scores()[i]));
            }
        }
        return hits.size() == wanted || found.all() ? hits.toArray(ScoreDoc[]::new) : null;
    }

    private Best compute(IndexSearcher searcher, Query words) throws IOException {
        TopDocs top = searcher.search(words, new TopScoreDocCollectorManager(kept, null, kept));
        ScoreDoc[] hits = top.scoreDocs;
        int[] docs = Arrays.stream(hits).mapToInt(hit -> hit.doc).toArray();
        float[] scores = new float[hits.length];
        for (int i = 0; i < hits.length; i++) {
            scores[i] = hits[i].score;
        }
        int[] byDoc = IntStream.range(0, docs.length).boxed().sorted((a, b) -> Integer.compare(docs[a], docs[b]))
                .mapToInt(Integer::intValue).toArray();
        return new Best(docs, scores, byDoc, hits.length < kept);
    }

    /** Per kept product (in score order), whether it passes the filters: one walk per segment, in document order. */
    private static boolean[] passing(IndexSearcher searcher, Best found, Query filters) throws IOException {
        int[] docs = found.docs();
        int[] byDoc = found.byDoc();
        boolean[] passes = new boolean[docs.length];
        Weight weight = searcher.createWeight(searcher.rewrite(filters), ScoreMode.COMPLETE_NO_SCORES, 1f);
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        int from = 0;
        while (from < byDoc.length) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(docs[byDoc[from]], leaves));
            int end = leaf.docBase + leaf.reader().maxDoc();
            int to = from;
            while (to < byDoc.length && docs[byDoc[to]] < end) {
                to++;
            }
            ScorerSupplier supplier = weight.scorerSupplier(leaf);
            if (supplier != null) {
                // led by these few products: a range is checked on their doc values rather than read from the points
                Scorer scorer = supplier.get(to - from);
                TwoPhaseIterator twoPhase = scorer.twoPhaseIterator();
                DocIdSetIterator candidates = twoPhase == null ? scorer.iterator() : twoPhase.approximation();
                for (int i = from; i < to; i++) {
                    int doc = docs[byDoc[i]] - leaf.docBase;
                    int at = candidates.docID() < doc ? candidates.advance(doc) : candidates.docID();
                    passes[byDoc[i]] = at == doc && (twoPhase == null || twoPhase.matches());
                }
            }
            from = to;
        }
        return passes;
    }
}
