package io.caravel.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.caravel.platform.CaravelException;
import io.caravel.seller.ProductCategory;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** How the catalog's words are found, on an index in memory with the analysis and queries the server uses. */
class CatalogDocumentsTest {

    private static final Map<String, BigDecimal> EUR = Map.of("EUR", BigDecimal.ONE, "USD", new BigDecimal("0.9"));
    private static ByteBuffersDirectory directory;
    private static DirectoryReader reader;

    @BeforeAll
    static void index() throws IOException {
        directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(CatalogDocuments.analyzer()))) {
            writer.addDocument(CatalogDocuments.of(product("lantern", "Camping lantern", "露营灯", "Bright LED light for tents.", "12.00", "EUR")));
            writer.addDocument(CatalogDocuments.of(product("chair", "Folding camping chair", "折叠椅", "Light chair; pairs well with a lantern.", "45.00", "EUR")));
            writer.addDocument(CatalogDocuments.of(product("earbuds", "Wireless earbuds", "无线蓝牙耳机", "Bluetooth 5.3, 30 hours.", "30.00", "USD")));
            writer.addDocument(CatalogDocuments.of(product("stand", "Smartphone stand", "手机支架", "Aluminium desk stand.", "8.50", "EUR")));
            writer.addDocument(CatalogDocuments.of(product("box", "Bamboo desk organizer", "竹制桌面收纳盒", "Keeps batteries and pens tidy.", "20.00", "EUR")));
            writer.addDocument(CatalogDocuments.of(product("crane", "Mobile crane model", "起重机模型", "Die-cast toy crane.", "25.00", "EUR")));
        }
        reader = DirectoryReader.open(directory);
    }

    @AfterAll
    static void close() throws IOException {
        reader.close();
        directory.close();
    }

    @Test
    void aTitleMatchRanksAboveADescriptionMention() throws IOException {
        assertThat(search("lantern")).containsExactly("lantern", "chair");
    }

    @Test
    void everyWordMustBeFound() throws IOException {
        assertThat(search("camping chair")).containsExactly("chair");
        assertThat(search("camping unicorn")).isEmpty();
    }

    @Test
    void englishWordsMeetTheirOtherForms() throws IOException {
        assertThat(search("battery")).containsExactly("box");
        assertThat(search("lanterns")).containsExactly("lantern", "chair");
        assertThat(search("ÉARBUDS")).containsExactly("earbuds");
    }

    @Test
    void chineseWordsAreFoundInsideLongerOnes() throws IOException {
        assertThat(search("耳机")).containsExactly("earbuds");
        assertThat(search("蓝牙耳机")).containsExactly("earbuds");
        assertThat(search("收纳")).containsExactly("box");
        assertThat(search("露营")).containsExactly("lantern");
        assertThat(search("机器")).isEmpty();
    }

    @Test
    void aLongWordIsFoundWithATypo() throws IOException {
        assertThat(search("lantren")).containsExactly("lantern", "chair");
        assertThat(search("wirless earbuds")).containsExactly("earbuds");
        assertThat(search("organiser")).containsExactly("box");
        assertThat(search("earbdus")).containsExactly("earbuds");
        // short words must be exact: "led" does not find "bed" or "red"
        assertThat(search("lex")).isEmpty();
    }

    @Test
    void synonymsFindTheOtherWords() throws IOException {
        assertThat(search("mobile phone")).startsWith("stand").doesNotContain("crane");
        assertThat(search("cell phone")).containsExactly("stand");
        assertThat(search("headphones")).containsExactly("earbuds");
        assertThat(search("手机")).containsExactly("stand");
    }

    @Test
    void aQueryWithoutWordsMatchesEverythingAndALongOneIsRefused() throws IOException {
        assertThat(search(" ,.; ")).hasSize(6);
        assertThatThrownBy(() -> search("x".repeat(CatalogDocuments.MAX_QUERY_LENGTH + 1)))
                .isInstanceOf(CaravelException.class);
    }

    @Test
    void priceFiltersAndSortConvertCurrencies() throws IOException {
        // 30 USD at 0.9 is 27 EUR
        assertThat(search(query(null, new BigDecimal("26"), new BigDecimal("28"), null))).containsExactly("earbuds");
        assertThat(search(query(null, null, null, CatalogSort.PRICE_ASC)))
                .containsExactly("stand", "lantern", "box", "crane", "earbuds", "chair");
        assertThat(search(query(null, null, null, CatalogSort.PRICE_DESC)).get(0)).isEqualTo("chair");
        // a currency without a rate drops out of anything about price
        IndexSearcher searcher = new IndexSearcher(reader);
        TopDocs top = searcher.search(CatalogDocuments.query(query(null, BigDecimal.ZERO, null, null), Map.of("EUR", BigDecimal.ONE), reader), 10);
        assertThat(top.totalHits.value).isEqualTo(5);
    }

    private static List<String> search(String q) throws IOException {
        return search(query(q, null, null, null));
    }

    private static CatalogQuery query(String q, BigDecimal min, BigDecimal max, CatalogSort sort) {
        return new CatalogQuery(q, null, null, null, min, max, "EUR", false, null, sort, false);
    }

    private static List<String> search(CatalogQuery query) throws IOException {
        IndexSearcher searcher = new IndexSearcher(reader);
        if (query.sort() != null) {
            return new PriceOrder(EUR, query.sort() == CatalogSort.PRICE_DESC)
                    .page(searcher, CatalogDocuments.query(query, EUR, reader), null, 10).stream().map(PriceOrder.Hit::id).toList();
        }
        Sort sort = new Sort(SortField.FIELD_SCORE, new SortField(CatalogDocuments.ID, SortField.Type.STRING));
        TopDocs top = searcher.search(CatalogDocuments.query(query, EUR, reader), 10, sort);
        List<String> ids = new ArrayList<>();
        for (ScoreDoc hit : top.scoreDocs) {
            Object[] fields = ((org.apache.lucene.search.FieldDoc) hit).fields;
            ids.add(((BytesRef) fields[fields.length - 1]).utf8ToString());
        }
        return ids;
    }

    private static CatalogProduct product(String id, String titleEn, String titleZh, String description, String price,
                                          String currency) {
        ProductDetails p = new ProductDetails();
        p.setTitleEn(titleEn);
        p.setTitleZh(titleZh);
        p.setDescriptionEn(description);
        p.setCategory(ProductCategory.HOME);
        p.setOriginCountry("CN");
        p.setPrice(new BigDecimal(price));
        p.setCurrency(currency);
        p.setStockOwn(5);
        return new CatalogProduct(new PublishedProduct(id, "seller", "Seller", 1, p, List.of()), Instant.parse("2026-11-01T10:00:00Z"));
    }
}
