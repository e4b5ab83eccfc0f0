package io.caravel.it;

import static io.caravel.it.PlatformIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Catalog search on the server's search engine, through the public API: relevance, English and
 * Chinese, typos, synonyms, facets, the orders, paging while the catalog changes, take-down. Each
 * run's products carry a brand of their own, so other tests' products never get in the way.
 */
@SharedServer.Use
class SearchIT {

    private static final String LISTINGS = "/api/v1/listings/";
    private static final String SEARCH = "/api/v1/catalog/products?";

    private static Api api;
    private static String brand;
    /** Product ids by short name. */
    private static final Map<String, String> ids = new java.util.concurrent.ConcurrentHashMap<>();

    @BeforeAll
    static void catalog() throws Exception {
        api = new Api(SharedServer.url().toString());
        brand = "Trailhead " + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("/api/v1/brands", "seller-a", "{\"name\": \"" + brand + "\"}").status()).isEqualTo(201);
        Map<String, JsonObject> products = new java.util.LinkedHashMap<>();
        products.put("lantern", product("Camping lantern", "露营灯", "Bright LED light for tents.", "12.00", "EUR"));
        products.put("chair", product("Folding camping chair", "折叠椅", "A light chair; pairs well with a lantern.", "45.00", "EUR"));
        products.put("earbuds", product("Wireless earbuds", "无线蓝牙耳机", "Bluetooth 5.3, thirty hours of music.", "30.00", "USD"));
        products.put("stand", product("Smartphone stand", "手机支架", "Aluminium desk stand.", "9.50", "EUR"));
        products.put("box", product("Bamboo desk organizer", "竹制桌面收纳盒", "Keeps batteries and pens tidy.", "20.00", "EUR"));
        List<String> submitted = new ArrayList<>();
        products.forEach((name, json) -> {
            String id = submit(json);
            ids.put(name, id);
            submitted.add(id);
        });
        for (String id : submitted) {
            awaitPublished(id);
        }
    }

    @Test
    void anExactTitleRanksAboveADescriptionMention() {
        assertThat(found("lantern")).containsExactly(ids.get("lantern"), ids.get("chair"));
        assertThat(found("camping chair")).containsExactly(ids.get("chair"));
    }

    @Test
    void englishAndChineseQueriesFindTheirWords() {
        assertThat(found("batteries")).containsExactly(ids.get("box"));
        assertThat(found("耳机")).containsExactly(ids.get("earbuds"));
        assertThat(found("收纳")).containsExactly(ids.get("box"));
        assertThat(found("露营灯")).containsExactly(ids.get("lantern"));
    }

    @Test
    void typosInLongWordsAreForgiven() {
        assertThat(found("lantren")).startsWith(ids.get("lantern"));
        assertThat(found("orgnaizer")).containsExactly(ids.get("box"));
        assertThat(found("wirless earbuds")).containsExactly(ids.get("earbuds"));
    }

    @Test
    void synonymsFindTheWordsTheSellerUsed() {
        assertThat(found("mobile phone")).containsExactly(ids.get("stand"));
        assertThat(found("手机")).containsExactly(ids.get("stand"));
        assertThat(found("headphones")).containsExactly(ids.get("earbuds"));
        // the same rules help HS classification: a mobile phone is 8517, not a crane
        jakarta.json.JsonArray hs = api.get("/api/v1/hs/suggestions?q=mobile+phone", null).structure().asJsonArray();
        assertThat(hs.getJsonObject(0).getString("code")).startsWith("8517");
        assertThat(api.get("/api/v1/hs/suggestions?q=" + enc("手机"), null).structure().asJsonArray().getJsonObject(0)
                .getString("code")).startsWith("8517");
    }

    @Test
    void facetsCountTheMatchesByCategoryBrandOriginShipsFromAndPriceBand() {
        JsonObject page = api.get(SEARCH + "brand=" + enc(brand) + "&facets=true&currency=EUR", null).json();
        assertThat(page.getJsonNumber("total").longValue()).isEqualTo(ids.size());
        assertThat(page.getString("facetCurrency")).isEqualTo("EUR");
        JsonObject facets = page.getJsonObject("facets");
        assertThat(counts(facets, "category")).containsEntry("HOME", (long) ids.size());
        assertThat(counts(facets, "brand")).containsEntry(brand, (long) ids.size());
        assertThat(counts(facets, "origin")).containsEntry("CN", (long) ids.size());
        assertThat(counts(facets, "shipsFrom")).containsEntry("OWN_WAREHOUSE", (long) ids.size());
        // 9.50 and 12 EUR; 20 EUR and 30 USD (about 27 EUR at the demo rates); 45 EUR
        Map<String, Long> bands = counts(facets, "price");
        assertThat(bands.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(ids.size());
        assertThat(bands).containsEntry("0-10", 1L).containsEntry("10-25", 2L).containsEntry("25-50", 2L);
        // a facet value is a filter
        assertThat(api.get(SEARCH + "brand=" + enc(brand) + "&facets=true&minPrice=25&maxPrice=50", null).json()
                .getJsonNumber("total").longValue()).isEqualTo(2);
        // without facets=true there is neither
        assertThat(api.get(SEARCH + "brand=" + enc(brand), null).json().containsKey("facets")).isFalse();
    }

    @Test
    void theOrdersAreRelevanceNewestAndPrice() {
        List<String> cheapFirst = ids(api.get(SEARCH + "brand=" + enc(brand) + "&sort=price-asc&currency=EUR", null).json());
        assertThat(cheapFirst).containsExactly(ids.get("stand"), ids.get("lantern"), ids.get("box"), ids.get("earbuds"),
                ids.get("chair"));
        List<String> dearFirst = ids(api.get(SEARCH + "brand=" + enc(brand) + "&sort=price-desc&currency=USD", null).json());
        assertThat(dearFirst.get(0)).isEqualTo(ids.get("chair"));
        // newest first by default without words; submitted one after another, the last published comes first
        List<String> newest = ids(api.get(SEARCH + "brand=" + enc(brand), null).json());
        assertThat(newest).containsExactlyInAnyOrderElementsOf(ids.values());
        assertProblem(api.get(SEARCH + "sort=cheapest", null), 400, "validation");
        assertProblem(api.get(SEARCH + "q=" + "x".repeat(201), null), 400, "validation");
        // a cursor of one order is not a cursor of another
        String cursor = api.get(SEARCH + "brand=" + enc(brand) + "&limit=1&sort=price-asc", null).json().getString("nextCursor");
        assertProblem(api.get(SEARCH + "brand=" + enc(brand) + "&limit=1&sort=newest&cursor=" + cursor, null), 400, "validation");
    }

    @Test
    void pagingCarriesOnWhileProductsArePublishedAndTakenDown() throws Exception {
        String pageBrand = "Pagewise " + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("/api/v1/brands", "seller-a", "{\"name\": \"" + pageBrand + "\"}").status()).isEqualTo(201);
        List<String> first = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            first.add(submit(product("Trail mug " + i, null, "Enamel mug.", "14.00", "EUR", pageBrand)));
        }
        for (String id : first) {
            awaitPublished(id);
        }
        for (String sort : List.of("newest", "relevance", "price-asc")) {
            String query = SEARCH + "q=mug&brand=" + enc(pageBrand) + "&limit=2&sort=" + sort;
            JsonObject one = page(query);
            // the catalog changes between the pages: one more published, one of the next page taken down
            String later = submit(product("Trail mug later " + sort, null, "Enamel mug.", "14.00", "EUR", pageBrand));
            awaitPublished(later);
            Set<String> seen = new HashSet<>(ids(one));
            String cursor = one.getString("nextCursor");
            List<String> rest = new ArrayList<>();
            while (cursor != null) {
                JsonObject next = page(query + "&cursor=" + cursor);
                rest.addAll(ids(next));
                cursor = next.getString("nextCursor", null);
            }
            assertThat(rest).as(sort).doesNotContainAnyElementsOf(seen).doesNotHaveDuplicates();
            Set<String> all = new HashSet<>(seen);
            all.addAll(rest);
            assertThat(all).as(sort).containsAll(first);
        }

        // the same search asked again after a publication finds it (pages are kept per version of the index)
        String all = SEARCH + "q=mug&brand=" + enc(pageBrand) + "&limit=50";
        List<String> before = ids(page(all));
        assertThat(ids(page(all))).isEqualTo(before);
        String added = submit(product("Trail mug added", null, "Enamel mug.", "14.00", "EUR", pageBrand));
        awaitPublished(added);
        assertThat(ids(page(all))).contains(added).containsAll(before);

        // take-down: gone from the search at once
        String gone = first.get(0);
        Api.Response down = api.post(LISTINGS + gone + "/unpublish", "seller-a", "{\"reason\": \"sold out for good\"}");
        assertThat(down.status()).as(down.body()).isEqualTo(200);
        assertThat(ids(page(all))).doesNotContain(gone).contains(first.get(1), added);
        JsonObject facets = api.get(SEARCH + "brand=" + enc(pageBrand) + "&facets=true", null).json();
        assertThat(facets.getJsonNumber("total").longValue()).isEqualTo(first.size() - 1 + 3 + 1);
    }

    private static JsonObject page(String url) {
        Api.Response response = api.get(url, null);
        assertThat(response.status()).as(url + " " + response.body()).isEqualTo(200);
        return response.json();
    }

    private static List<String> found(String q) {
        return ids(api.get(SEARCH + "q=" + enc(q) + "&brand=" + enc(brand), null).json());
    }

    private static List<String> ids(JsonObject page) {
        return page.getJsonArray("items").getValuesAs(JsonObject.class).stream().map(p -> p.getString("id")).toList();
    }

    private static Map<String, Long> counts(JsonObject facets, String dimension) {
        return facets.getJsonArray(dimension).getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(v -> v.getString("value"), v -> v.getJsonNumber("count").longValue()));
    }

    private static JsonObject product(String titleEn, String titleZh, String description, String price, String currency) {
        return product(titleEn, titleZh, description, price, currency, brand);
    }

    private static JsonObject product(String titleEn, String titleZh, String description, String price, String currency,
                                      String brandName) {
        return Json.createObjectBuilder()
                .add("titleEn", titleEn).add("titleZh", titleZh == null ? jakarta.json.JsonValue.NULL : Json.createValue(titleZh))
                .add("descriptionEn", description).add("brand", brandName)
                .add("category", "HOME").add("hsCode", "442191").add("originCountry", "CN")
                .add("price", new BigDecimal(price)).add("currency", currency).add("stockOwn", 10)
                .add("lithiumBattery", false).add("wholesale", false).add("weightGrams", 300).build();
    }

    private static String submit(JsonObject json) {
        Api.Response created = api.post(LISTINGS, "seller-a", json.toString());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().getString("id");
        assertThat(api.sendBytes(LISTINGS + id + "/images?fileName=front.png", "seller-a", ListingFixtures.PNG).status())
                .isEqualTo(201);
        Api.Response submitted = api.post(LISTINGS + id + "/submit", "seller-a", "");
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        return id;
    }

    private static void awaitPublished(String id) throws InterruptedException {
        JsonObject listing = null;
        for (int i = 0; i < 120; i++) {
            listing = api.get(LISTINGS + id, "seller-a").json();
            if ("PUBLISHED".equals(listing.getString("status"))) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("listing " + id + " is not published: " + listing);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
