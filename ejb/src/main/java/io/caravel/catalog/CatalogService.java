package io.caravel.catalog;

import io.caravel.platform.CaravelException;
import io.caravel.platform.Page;
import io.caravel.platform.PageRequest;
import io.caravel.platform.TimeCursor;
import io.caravel.seller.ProductCategory;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The public catalog: published products only, found by words in English and Chinese and by
 * filters, newest first with keyset paging. The listing review writes it; nothing else does.
 */
@Stateless
public class CatalogService {

    @PersistenceContext(unitName = "caravel")
    private EntityManager em;

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
            em.createQuery("delete from CatalogTerm t where t.productId = :id").setParameter("id", product.id())
                    .executeUpdate();
        }
        for (String term : SearchTerms.forIndex(existing.product().getSearchText())) {
            em.persist(new CatalogTerm(term, product.id()));
        }
    }

    /** Takes a product out of the catalog (unpublished by its seller or an officer). */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void withdraw(String productId) {
        em.createQuery("delete from CatalogTerm t where t.productId = :id").setParameter("id", productId).executeUpdate();
        em.createQuery("delete from CatalogProduct p where p.id = :id").setParameter("id", productId).executeUpdate();
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
        em.createQuery("update CatalogProduct p set p.product.stockOverseas = :u where p.id = :id")
                .setParameter("u", units).setParameter("id", productId).executeUpdate();
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
     * One page of products matching the query, newest first. {@code toQueryCurrency} holds, per
     * product currency, the factor that converts its prices into the query's currency; products in
     * a currency without a factor drop out of a price-filtered search.
     */
    public Page<CatalogProduct> search(CatalogQuery query, Map<String, BigDecimal> toQueryCurrency, PageRequest page) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<CatalogProduct> cq = cb.createQuery(CatalogProduct.class);
        Root<CatalogProduct> p = cq.from(CatalogProduct.class);
        List<Predicate> where = new ArrayList<>();
        where.add(cb.equal(p.get("product").get("wholesale"), query.wholesale()));
        Set<String> terms = SearchTerms.forQuery(query.q());
        if (!terms.isEmpty()) {
            Subquery<String> matching = cq.subquery(String.class);
            Root<CatalogTerm> t = matching.from(CatalogTerm.class);
            matching.select(t.get("productId")).where(t.get("term").in(terms)).groupBy(t.get("productId"))
                    .having(cb.equal(cb.count(t.get("term")), (long) terms.size()));
            where.add(p.get("id").in(matching));
        }
        if (query.category() != null) {
            where.add(cb.equal(p.get("product").get("category"), category(query.category())));
        }
        if (query.sellerId() != null) {
            where.add(cb.equal(p.get("sellerId"), query.sellerId()));
        }
        if (query.brand() != null) {
            where.add(cb.equal(p.get("brandKey"), ProductDetails.brandKey(query.brand())));
        }
        if (query.originCountry() != null) {
            where.add(cb.equal(p.get("product").get("originCountry"), query.originCountry().trim().toUpperCase(Locale.ROOT)));
        }
        if (query.minPrice() != null || query.maxPrice() != null) {
            where.add(priceBetween(cb, p, query.minPrice(), query.maxPrice(), toQueryCurrency));
        }
        if (page.after() != null) {
            TimeCursor after = TimeCursor.parse(page.after());
            where.add(cb.or(cb.lessThan(p.get("firstPublishedAt"), after.at()),
                    cb.and(cb.equal(p.get("firstPublishedAt"), after.at()), cb.lessThan(p.get("id"), after.id()))));
        }
        cq.select(p).where(where.toArray(Predicate[]::new))
                .orderBy(cb.desc(p.get("firstPublishedAt")), cb.desc(p.get("id")));
        List<CatalogProduct> rows = em.createQuery(cq).setMaxResults(page.limit() + 1).getResultList();
        List<CatalogProduct> items = rows.stream().limit(page.limit()).toList();
        String next = null;
        if (rows.size() > page.limit()) {
            CatalogProduct last = items.get(items.size() - 1);
            next = new TimeCursor(last.firstPublishedAt(), last.id()).next();
        }
        return new Page<>(items, next);
    }

    private static ProductCategory category(String value) {
        try {
            return ProductCategory.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw CaravelException.invalid("category", "error.catalog.category",
                    java.util.Arrays.stream(ProductCategory.values()).map(Enum::name)
                            .collect(java.util.stream.Collectors.joining(", ")));
        }
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

    /**
     * Prices within [min, max] of the query currency: per product currency, the bounds divided by
     * its factor, so each comparison is on the stored price (no arithmetic on the column).
     */
    private static Predicate priceBetween(CriteriaBuilder cb, Root<CatalogProduct> p, BigDecimal min, BigDecimal max,
                                          Map<String, BigDecimal> factors) {
        List<Predicate> perCurrency = new ArrayList<>();
        factors.forEach((currency, factor) -> {
            List<Predicate> bounds = new ArrayList<>();
            bounds.add(cb.equal(p.get("product").get("currency"), currency));
            if (min != null) {
                bounds.add(cb.greaterThanOrEqualTo(p.get("product").get("price"), min.divide(factor, 4, RoundingMode.CEILING)));
            }
            if (max != null) {
                bounds.add(cb.lessThanOrEqualTo(p.get("product").get("price"), max.divide(factor, 4, RoundingMode.FLOOR)));
            }
            perCurrency.add(cb.and(bounds.toArray(Predicate[]::new)));
        });
        return perCurrency.isEmpty() ? cb.disjunction() : cb.or(perCurrency.toArray(Predicate[]::new));
    }
}
