package io.caravel.demo;

import io.caravel.audit.AuditTrail;
import io.caravel.catalog.CatalogService;
import io.caravel.catalog.PublishedProduct;
import io.caravel.fx.FxService;
import io.caravel.catalog.ProductDetails;
import io.caravel.listing.ListingDocumentKind;
import io.caravel.listing.ListingFile;
import io.caravel.listing.ListingService;
import io.caravel.listing.ListingView;
import io.caravel.seller.ProductCategory;
import io.caravel.platform.Caller;
import io.caravel.platform.Roles;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Demo listings and FX rates (demo mode only): a few listings of seller-a that go through the real
 * listing review, and, when {@code caravel.demo.catalog-size} asks for it, synthetic published
 * products (for the catalog benchmark) written straight into the catalog and marked as such.
 */
@Stateless
public class DemoCatalog {

    /** A 1×1 PNG, the demo products' image. */
    static final byte[] PIXEL = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
    static final int BATCH = 500;
    private static final String[][] WORDS = {
            {"wireless earbuds", "无线耳机", "851830", "ELECTRONICS"},
            {"cotton t-shirt", "纯棉T恤", "610910", "APPAREL"},
            {"running shoes", "跑步鞋", "640411", "SPORTS"},
            {"ceramic mug", "陶瓷马克杯", "691200", "HOME"},
            {"wooden puzzle", "木制拼图", "950490", "TOYS"},
            {"leather handbag", "真皮手提包", "420221", "APPAREL"},
            {"stainless steel bottle", "不锈钢水瓶", "732393", "HOME"},
            {"yoga mat", "瑜伽垫", "950691", "SPORTS"}};
    private static final String[] ADJECTIVES = {"classic", "premium", "compact", "travel", "eco", "deluxe", "mini", "pro"};

    @PersistenceContext(unitName = "caravel")
    private EntityManager em;

    @Inject
    private ListingService listings;

    @Inject
    private CatalogService catalog;

    @Inject
    private FxService fx;

    @Inject
    private AuditTrail audit;

    @Resource
    private SessionContext context;

    /** The demo T-shirt's title (the demo customs case orders it). */
    static final String T_SHIRT = "Organic cotton T-shirt";
    static final String EARBUDS = "Wireless earbuds with charging case";
    static final String CUTTING_BOARD = "Bamboo cutting board";

    /** Loads the demo FX rates when no rate is loaded yet. */
    public void rates() {
        if (em.createQuery("select count(r) from FxRate r", Long.class).getSingleResult() == 0) {
            fx.loadDemoRates("demo");
        }
    }

    /** seller-a's demo listings, submitted to the real review, when it has none yet. */
    public void listings(String sellerId) {
        Caller sellerA = new Caller("seller-a", Set.of(Roles.SELLER), sellerId);
        if (!listings.list(sellerA, null, io.caravel.platform.PageRequest.of(1, null)).items().isEmpty()) {
            return;
        }
        submit(sellerA, listing(EARBUDS, "带充电盒的无线耳机", "851830", ProductCategory.ELECTRONICS,
                new BigDecimal("59.00"), "EUR", false), false);
        submit(sellerA, listing(T_SHIRT, "有机棉T恤", "610910", ProductCategory.APPAREL, new BigDecimal("89.00"), "CNY", false),
                false);
        submit(sellerA, listing("Power bank 10000 mAh", "10000毫安充电宝", "850760", ProductCategory.ELECTRONICS, new BigDecimal("25.00"), "USD",
                true), true);
    }

    /**
     * The platform's own store's demo listings, through the same review as any seller's: a clean one is
     * published, one with "ivory" in its description waits for a compliance officer.
     */
    public void directListings(String sellerId) {
        Caller store = new Caller("store", Set.of(Roles.SELLER), sellerId);
        if (!listings.list(store, null, io.caravel.platform.PageRequest.of(1, null)).items().isEmpty()) {
            return;
        }
        submit(store, listing(CUTTING_BOARD, "竹制砧板", "441919", ProductCategory.HOME, new BigDecimal("24.00"), "EUR", false), false);
        ProductDetails chopsticks = listing("Bamboo chopsticks, 10 pairs", "竹筷子（10 双）", "441912", ProductCategory.HOME,
                new BigDecimal("9.50"), "EUR", false);
        submit(store, chopsticks, false);
        ProductDetails flagged = listing("Carved hair comb", "雕花梳子", "961511", ProductCategory.BEAUTY, new BigDecimal("35.00"), "EUR", false);
        flagged.setDescriptionEn("Hand-carved comb with ivory inlay.");
        submit(store, flagged, false);
    }

    /** Fills the catalog up to {@code size} synthetic products, one transaction per batch. */
    public void seed(String sellerId, String sellerName, int size) {
        long present = em.createQuery("select count(p) from CatalogProduct p", Long.class).getSingleResult();
        DemoCatalog self = context.getBusinessObject(DemoCatalog.class);
        for (long from = present; from < size; from += BATCH) {
            self.batch(sellerId, sellerName, (int) from, (int) Math.min(size, from + BATCH));
        }
    }

    /** One batch of synthetic products {@code from} (inclusive) to {@code to}. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void batch(String sellerId, String sellerName, int from, int to) {
        for (int i = from; i < to; i++) {
            Random random = new Random(i);
            String[] kind = WORDS[i % WORDS.length];
            String adjective = ADJECTIVES[random.nextInt(ADJECTIVES.length)];
            String id = String.format("00000000-demo-4000-8000-%012d", i);
            ProductDetails product = listing("Demo " + adjective + " " + kind[0] + " #" + i, "演示" + kind[1] + " " + i,
                    kind[2], ProductCategory.valueOf(kind[3]), BigDecimal.valueOf(500 + random.nextInt(20_000), 2),
                    i % 3 == 0 ? "USD" : i % 3 == 1 ? "EUR" : "CNY", false);
            product.setDescriptionEn("Synthetic demo product " + i + " (" + kind[0] + ")");
            product.setDescriptionZh("演示商品 " + i);
            product.setBrand("Demo Brand " + (i % 50));
            product.setStockOwn(random.nextInt(500));
            product.setWeightGrams(100 + random.nextInt(2000));
            catalog.publish(new PublishedProduct(id, sellerId, sellerName, 1, product, List.of()));
        }
        audit.record("demo", "DEMO_CATALOG_SEEDED", "catalog", "demo", "products " + from + " to " + (to - 1));
    }

    private void submit(Caller seller, ProductDetails data, boolean withDocument) {
        ListingView view = listings.create(seller, data);
        listings.upload(seller, view.id(), ListingFile.Purpose.IMAGE, null, "product.png", PIXEL);
        if (withDocument) {
            listings.upload(seller, view.id(), ListingFile.Purpose.DOCUMENT, ListingDocumentKind.DANGEROUS_GOODS_DECLARATION,
                    "un38.3-test-summary.png", PIXEL);
        }
        listings.submit(seller, view.id());
    }

    private static ProductDetails listing(String en, String zh, String hs, ProductCategory category, BigDecimal price,
                                          String currency, boolean lithium) {
        ProductDetails d = new ProductDetails();
        d.setTitleEn(en);
        d.setTitleZh(zh);
        d.setDescriptionEn(en + ". Demo listing of Caravel.");
        d.setDescriptionZh(zh + "。Caravel 演示商品。");
        d.setCategory(category);
        d.setHsCode(hs);
        d.setOriginCountry("CN");
        d.setPrice(price);
        d.setCurrency(currency);
        d.setStockOwn(120);
        d.setWeightGrams(250);
        d.setLithiumBattery(lithium);
        d.setUnNumber(lithium ? "UN3480" : null);
        return d;
    }
}
