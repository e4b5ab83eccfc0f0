package io.caravel.catalog;

import io.caravel.platform.CaravelException;
import io.caravel.platform.PageRequest;
import io.caravel.seller.ProductCategory;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The public catalog: published products only, found through the search index ({@link CatalogIndex})
 * by words in English and Chinese, filters and facets. The listing review writes it (and the
 * warehouses its overseas stock); every change is recorded for the index to follow.
 */
@Stateless
public class CatalogService {

    @PersistenceContext(unitName = "caravel")
    private EntityManager em;

    @Inject
    private CatalogIndex index;

    @Inject
    private CatalogFeed feed;

    @Resource
    private TransactionSynchronizationRegistry transaction;

    private final Clock clock = Clock.systemUTC();

    /** Serves a passed revision: the first publication adds the product, later ones replace it. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void publish(PublishedProduct product) {
        publish(product, null);
    }

    /**
     * Serves a passed revision. A product already served keeps the units orders took since: the
     * seller's change of the stock figures against {@code previouslyDeclared} (the revision served
     * before) is applied as an adjustment. The row is locked from reading its stock to the commit, so
     * an order at the same moment waits and is never lost.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void publish(PublishedProduct product, ProductDetails previouslyDeclared) {
        CatalogProduct existing = em.find(CatalogProduct.class, product.id(), LockModeType.PESSIMISTIC_WRITE);
        if (existing == null) {
            ProductDetails first = product.product().copy();
            first.setStockOverseas(0);
            first.setOverseasWarehouse(null);
            existing = new CatalogProduct(new PublishedProduct(product.id(), product.sellerId(), product.sellerName(),
                    product.revision(), first, product.imageIds()), clock.instant());
            em.persist(existing);
        } else {
            ProductDetails served = product.product().copy();
            if (previouslyDeclared != null) {
                served.setStockOwn(Math.max(0, existing.product().getStockOwn() + served.getStockOwn()
                        - previouslyDeclared.getStockOwn()));
            }
            // overseas units are counted in at the warehouses, never declared
            served.setStockOverseas(existing.product().getStockOverseas());
            served.setOverseasWarehouse(null);
            existing.replace(new PublishedProduct(product.id(), product.sellerId(), product.sellerName(), product.revision(),
                    served, product.imageIds()), clock.instant());
        }
        changed(product.id());
    }

    /** Takes a product out of the catalog (unpublished by its seller or an officer). */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void withdraw(String productId) {
        if (em.createQuery("delete from CatalogProduct p where p.id = :id").setParameter("id", productId).executeUpdate() > 0) {
            changed(productId);
        }
    }

    /**
     * Records that a product changed, for the search index on every node to follow. This node's index
     * takes it as the transaction commits: searches wait for it, so whoever saw the change committed
     * (a listing shown as published) finds it searching here.
     */
    private void changed(String productId) {
        // a plain insert: the database numbers the row (EclipseLink cannot read H2 2's generated keys back)
        em.createNativeQuery("insert into catalog_change (product_id, changed_at) values (?1, ?2)")
                .setParameter(1, productId).setParameter(2, java.sql.Timestamp.from(clock.instant())).executeUpdate();
        if (transaction.getResource(CatalogChange.class) == null) {
            transaction.putResource(CatalogChange.class, Boolean.TRUE);
            transaction.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    index.committing();
                }

                @Override
                public void afterCompletion(int status) {
                    index.completed(status == Status.STATUS_COMMITTED);
                }
            });
        }
    }

    /** Where a product's units are kept: the seller's own warehouse or an overseas warehouse on the platform. */
    public enum StockLocation { OWN_WAREHOUSE, OVERSEAS_WAREHOUSE }

    /**
     * Takes units from one location of a published product, only if that many are there (one
     * conditional update, so concurrent orders never sell the same unit twice). False when short.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public boolean takeStock(String productId, StockLocation location, int quantity) {
        String field = location == StockLocation.OWN_WAREHOUSE ? "stockOwn" : "stockOverseas";
        return em.createQuery("update CatalogProduct p set p.product." + field + " = p.product." + field + " - :q"
                        + " where p.id = :id and p.product." + field + " >= :q")
                .setParameter("q", quantity).setParameter("id", productId).executeUpdate() == 1;
    }

    /** Puts units back (an order not paid); a product taken out of the catalog meanwhile gets nothing back. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void returnStock(String productId, StockLocation location, int quantity) {
        String field = location == StockLocation.OWN_WAREHOUSE ? "stockOwn" : "stockOverseas";
        em.createQuery("update CatalogProduct p set p.product." + field + " = p.product." + field + " + :q where p.id = :id")
                .setParameter("q", quantity).setParameter("id", productId).executeUpdate();
    }

    /** Sets a product's overseas figure: its units at active overseas warehouses (the warehouses keep the count). */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void setOverseasStock(String productId, int units) {
        if (em.createQuery("update CatalogProduct p set p.product.stockOverseas = :u where p.id = :id")
                .setParameter("u", units).setParameter("id", productId).executeUpdate() > 0) {
            changed(productId); // where it ships from may have changed
        }
    }

    /** Every published reseller listing of a supplier's wholesale items (dropship), by supplier item then id. */
    public List<CatalogProduct> resold() {
        return em.createQuery("select p from CatalogProduct p where p.product.supplierListingId is not null"
                + " order by p.product.supplierListingId, p.id", CatalogProduct.class).getResultList();
    }

    /** The category of a product as last published, or null when it was never in the catalog. */
    public ProductCategory categoryOf(String productId) {
        CatalogProduct product = productId == null ? null : em.find(CatalogProduct.class, productId);
        return product == null ? null : product.product().getCategory();
    }

    /** A published product; anything else (unknown, never published, withdrawn) is not found. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public CatalogProduct product(String id) {
        CatalogProduct product = id == null ? null : em.find(CatalogProduct.class, id);
        if (product == null) {
            throw CaravelException.notFound("product", id);
        }
        return product;
    }

    /** Whether a product is in the catalog. */
    public boolean isPublished(String id) {
        return id != null && em.find(CatalogProduct.class, id) != null;
    }

    /**
     * One page of products matching the query, in its order (by relevance when it has words, newest
     * first otherwise), from the search index; the products themselves are read from the database,
     * so stock and prices are current. {@code toQueryCurrency} holds, per product currency, the
     * factor that converts its prices into the query's currency; products in a currency without a
     * factor drop out of a price-filtered or price-sorted search.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public CatalogHits<CatalogProduct> search(CatalogQuery query, Map<String, BigDecimal> toQueryCurrency, PageRequest page) {
        CatalogHits<String> hits = index.search(query, toQueryCurrency, page);
        Map<String, CatalogProduct> found = feed.shown(hits.items()).stream()
                .collect(Collectors.toMap(CatalogProduct::id, Function.identity()));
        // a product taken down since the index was last refreshed is left out
        return hits.with(hits.items().stream().map(found::get).filter(Objects::nonNull).toList());
    }

    /** Prices of comparable retail products (same HS subheading) other than {@code exceptId}, for price checks. */
    public List<CatalogProduct> comparables(String hsCode, String exceptId, int max) {
        if (hsCode == null || hsCode.length() < 6) {
            return List.of();
        }
        return em.createQuery("select p from CatalogProduct p where p.product.hsCode like :root and p.id <> :except"
                        + " and p.product.wholesale = false order by p.publishedAt desc", CatalogProduct.class)
                .setParameter("root", hsCode.substring(0, 6) + "%")
                .setParameter("except", exceptId == null ? "" : exceptId)
                .setMaxResults(max).getResultList();
    }
}
