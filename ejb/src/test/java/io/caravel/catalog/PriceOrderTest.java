package io.caravel.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.caravel.seller.ProductCategory;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/**
 * Pages by price, merged from one sort per product currency, against every product converted and
 * sorted in memory: the same order, page after page, with many equal prices within and across
 * currencies, and nothing of a currency without a rate.
 */
class PriceOrderTest {

    /** Into EUR; 8 CNY and 1 EUR, 10 USD and 9 EUR are the same price, so products of two currencies tie. */
    private static final Map<String, BigDecimal> TO_EUR = Map.of("EUR", BigDecimal.ONE, "USD", new BigDecimal("0.9"),
            "CNY", new BigDecimal("0.125"));
    private static final String[] PRICES = {"1.00", "8.00", "9.00", "10.00", "12.50", "72.00", "0.99", "100.00"};

    @Test
    void pagesFollowTheConvertedPriceThenTheIdInBothDirections() throws IOException {
        Random random = new Random(42);
        List<PriceOrder.Hit> expected = new ArrayList<>();
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(CatalogDocuments.analyzer()))) {
                for (int i = 0; i < 300; i++) {
                    String currency = List.of("EUR", "USD", "CNY", "JPY").get(random.nextInt(4));
                    String price = PRICES[random.nextInt(PRICES.length)];
                    String id = String.format("p%03d", random.nextInt(1000)) + "-" + i;
                    writer.addDocument(CatalogDocuments.of(product(id, price, currency)));
                    if (TO_EUR.containsKey(currency)) { // JPY has no rate here
                        expected.add(new PriceOrder.Hit(CatalogDocuments.unscaled(new BigDecimal(price).movePointRight(
                                CatalogDocuments.PRICE_SCALE).longValueExact()) * TO_EUR.get(currency).doubleValue(), id));
                    }
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                for (boolean descending : new boolean[] {false, true}) {
                    Comparator<PriceOrder.Hit> byPrice = Comparator.comparingDouble(PriceOrder.Hit::price);
                    List<PriceOrder.Hit> all = expected.stream().sorted((descending ? byPrice.reversed() : byPrice)
                            .thenComparing(hit -> new BytesRef(hit.id()))).toList();
                    PriceOrder order = new PriceOrder(TO_EUR, descending);
                    List<PriceOrder.Hit> paged = new ArrayList<>();
                    PriceOrder.Hit after = null;
                    for (int pages = 0; pages < 200; pages++) {
                        List<PriceOrder.Hit> page = order.page(searcher, new MatchAllDocsQuery(), after, 7);
                        paged.addAll(page);
                        if (page.size() < 7) {
                            break;
                        }
                        after = page.get(page.size() - 1);
                    }
                    assertThat(paged).as(descending ? "descending" : "ascending").containsExactlyElementsOf(all);
                }
            }
        }
    }

    private static CatalogProduct product(String id, String price, String currency) {
        return TestProducts.product(id, "Product " + id, "A product.", price, currency, ProductCategory.HOME);
    }
}
