package io.caravel.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravel.seller.ProductCategory;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/**
 * The price filter read from doc values finds exactly what the points find, per currency bounds, over
 * several segments with deletions, bounds that are products' own prices included, alone and behind a few documents found first (where the search
 * checks doc values instead of visiting the points); a currency without bounds never matches.
 */
class PriceWithinTest {

    private static final List<String> CURRENCIES = List.of("EUR", "USD", "CNY", "JPY");

    @Test
    void findsWhatThePointsFind() throws IOException {
        Random random = new Random(7);
        List<Long> stored = new java.util.ArrayList<>();
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(CatalogDocuments.analyzer()))) {
                for (int i = 0; i < 600; i++) {
                    String price = BigDecimal.valueOf(random.nextInt(30_000), 2).toPlainString();
                    stored.add(new BigDecimal(price).movePointRight(CatalogDocuments.PRICE_SCALE).longValueExact());
                    String category = i % 10 == 0 ? "TOYS" : "HOME";
                    writer.addDocument(CatalogDocuments.of(product("p" + i, price, CURRENCIES.get(random.nextInt(4)), category)));
                    if (i % 150 == 149) {
                        writer.commit(); // several segments
                    }
                }
                writer.deleteDocuments(new Term(CatalogDocuments.ID, "p3"), new Term(CatalogDocuments.ID, "p10"));
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                assertThat(reader.leaves()).hasSizeGreaterThan(1);
                IndexSearcher searcher = new IndexSearcher(reader);
                searcher.setQueryCache(null);
                Query few = new TermQuery(new Term(CatalogDocuments.CATEGORY, "TOYS"));
                for (int round = 0; round < 40; round++) {
                    Map<String, long[]> bounds = new HashMap<>();
                    BooleanQuery.Builder points = new BooleanQuery.Builder();
                    for (String currency : CURRENCIES.subList(0, 3)) { // JPY: no bounds
                        // every other round the bounds are prices products have: both ends are included
                        long a = round % 2 == 0 ? random.nextInt(3_000_000) : stored.get(random.nextInt(stored.size()));
                        long b = round % 2 == 0 ? random.nextInt(3_000_000) : stored.get(random.nextInt(stored.size()));
                        long[] range = round == 0 ? new long[] {Long.MIN_VALUE, Long.MAX_VALUE} : new long[] {Math.min(a, b), Math.max(a, b)};
                        bounds.put(currency, range);
                        points.add(new BooleanQuery.Builder()
                                .add(new TermQuery(new Term(CatalogDocuments.CURRENCY, currency)), Occur.FILTER)
                                .add(LongPoint.newRangeQuery(CatalogDocuments.PRICE, range[0], range[1]), Occur.FILTER).build(),
                                Occur.SHOULD);
                    }
                    Query expected = points.build();
                    PriceWithin within = new PriceWithin(bounds);
                    assertThat(found(searcher, within)).as("alone, round " + round).isEqualTo(found(searcher, expected))
                            .isNotEmpty();
                    assertThat(found(searcher, and(few, within))).as("behind a few, round " + round)
                            .isEqualTo(found(searcher, and(few, expected)));
                }
                assertThat(found(searcher, new PriceWithin(Map.of("GBP", new long[] {0, Long.MAX_VALUE})))).isEmpty();
            }
        }
    }

    private static Query and(Query lead, Query filter) {
        return new BooleanQuery.Builder().add(lead, Occur.MUST).add(filter, Occur.FILTER).build();
    }

    private static Set<Integer> found(IndexSearcher searcher, Query query) throws IOException {
        Set<Integer> docs = new HashSet<>();
        for (ScoreDoc hit : searcher.search(query, 10_000).scoreDocs) {
            docs.add(hit.doc);
        }
        return docs;
    }

    private static CatalogProduct product(String id, String price, String currency, String category) {
        ProductDetails p = new ProductDetails();
        p.setTitleEn("Product " + id);
        p.setDescriptionEn("A product.");
        p.setCategory(ProductCategory.valueOf(category));
        p.setOriginCountry("CN");
        p.setPrice(new BigDecimal(price));
        p.setCurrency(currency);
        p.setStockOwn(5);
        return new CatalogProduct(new PublishedProduct(id, "seller", "Seller", 1, p, List.of()),
                Instant.parse("2026-11-01T10:00:00Z"));
    }
}
