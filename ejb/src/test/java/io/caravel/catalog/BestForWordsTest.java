package io.caravel.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravel.seller.ProductCategory;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/**
 * A first page by relevance from the best products kept for the words is the page the whole query gives: the
 * same products with the same scores in the same order, across segments, deleted products, many ties, filters
 * that let most or few products through, and answers null when the kept products cannot tell.
 */
class BestForWordsTest {

    private static final Map<String, BigDecimal> TO_EUR = Map.of("EUR", BigDecimal.ONE, "USD", new BigDecimal("0.9"),
            "CNY", new BigDecimal("0.125"));
    private static final String[] KINDS = {"wireless earbuds", "cotton t-shirt", "ceramic mug", "running shoes"};
    private static final String[] WORDS = {"premium", "eco", "travel", "mini", "black", "gift box", "warranty"};
    private static final String[] QUERIES = {"earbuds", "premium earbuds", "mug", "eco mug", "t-shirt", "black shoes",
            "gift", "running"};

    @Test
    void firstPagesAreTheWholeQuerysFirstPages() throws IOException {
        Random random = new Random(7);
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
            // several segments, some with deleted products
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(CatalogDocuments.analyzer())
                    .setMergePolicy(NoMergePolicy.INSTANCE))) {
                for (int i = 0; i < 2_400; i++) {
                    String title = (random.nextBoolean() ? WORDS[random.nextInt(WORDS.length)] + " " : "")
                            + KINDS[i % KINDS.length] + " " + (random.nextInt(3) == 0 ? WORDS[random.nextInt(WORDS.length)] : "");
                    writer.addDocument(CatalogDocuments.of(product("p" + i, title,
                            String.valueOf(1 + random.nextInt(200)), List.of("EUR", "USD", "CNY").get(random.nextInt(3)),
                            ProductCategory.values()[random.nextInt(3)])));
                    if (i % 400 == 399) {
                        writer.commit();
                    }
                    if (i % 97 == 0) {
                        writer.deleteDocuments(new Term(CatalogDocuments.ID, "p" + (i / 2)));
                    }
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                assertThat(reader.leaves()).hasSizeGreaterThan(3);
                assertThat(reader.numDeletedDocs()).isPositive();
                IndexSearcher searcher = new IndexSearcher(reader);
                BestForWords many = new BestForWords(1_000, 100);
                BestForWords few = new BestForWords(30, 100);
                int answered = 0;
                int unknown = 0;
                for (String q : QUERIES) {
                    for (CatalogQuery query : List.of(query(q, null, null, null), query(q, "1.000001", null, null),
                            query(q, "20", "60", null), query(q, "150", null, "HOME"), query(q, null, "3", "APPAREL"))) {
                        Query words = CatalogDocuments.words(q, reader);
                        Query filters = CatalogDocuments.filters(query, TO_EUR);
                        for (int wanted : new int[] {1, 21, 51}) {
                            List<String> whole = page(searcher.search(CatalogDocuments.query(words, query, TO_EUR),
                                    new TopScoreDocCollectorManager(wanted, null, wanted)).scoreDocs);
                            ScoreDoc[] fromMany = many.first(searcher, 1, q, words, filters, wanted);
                            assertThat(fromMany).as("%s, %d", query, wanted).isNotNull();
                            assertThat(page(fromMany)).as("%s, %d", query, wanted).containsExactlyElementsOf(whole);
                            ScoreDoc[] fromFew = few.first(searcher, 1, q, words, filters, wanted);
                            if (fromFew == null) {
                                unknown++;
                            } else {
                                answered++;
                                assertThat(page(fromFew)).as("%s, %d of 30", query, wanted).containsExactlyElementsOf(whole);
                            }
                        }
                    }
                }
                // with 30 kept, narrow filters and long pages need the whole query, the others do not
                assertThat(answered).isPositive();
                assertThat(unknown).isPositive();
            }
        }
    }

    /** Each hit as its document and exact score, so a page that differs in order or score differs here. */
    private static List<String> page(ScoreDoc[] hits) {
        List<String> page = new ArrayList<>();
        Arrays.stream(hits).forEach(hit -> page.add(hit.doc + "@" + Float.floatToIntBits(hit.score)));
        return page;
    }

    private static CatalogQuery query(String q, String min, String max, String category) {
        return new CatalogQuery(q, category, null, null, min == null ? null : new BigDecimal(min),
                max == null ? null : new BigDecimal(max), "EUR", false, null, null, false);
    }

    private static CatalogProduct product(String id, String title, String price, String currency, ProductCategory category) {
        return TestProducts.product(id, title, "A product: " + title + ".", price, currency, category);
    }
}
