package io.caravel.catalog;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.List;

/** What the search index reads from the database, the catalog's source of truth (reads only: no transaction of its own). */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class CatalogFeed {

    @PersistenceContext(unitName = "caravel")
    private EntityManager em;

    /** Changes after {@code seq}, oldest first. */
    public List<CatalogChange> changesAfter(long seq, int max) {
        return em.createQuery("select c from CatalogChange c where c.seq > :seq order by c.seq", CatalogChange.class)
                .setParameter("seq", seq).setMaxResults(max).getResultList();
    }

    /** The sequence number of the newest change, 0 when there is none. */
    public long lastChange() {
        Long last = em.createQuery("select max(c.seq) from CatalogChange c", Long.class).getSingleResult();
        return last == null ? 0 : last;
    }

    /** Published products with an id after {@code id} (null: from the first), by id. */
    public List<CatalogProduct> productsAfter(String id, int max) {
        return em.createQuery("select p from CatalogProduct p where p.id > :id order by p.id", CatalogProduct.class)
                .setParameter("id", id == null ? "" : id).setMaxResults(max).getResultList();
    }

    /** Those of {@code ids} that are published, in no particular order. */
    public List<CatalogProduct> products(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select p from CatalogProduct p where p.id in :ids", CatalogProduct.class)
                .setParameter("ids", ids).getResultList();
    }

    /**
     * As {@link #products}, for a page to show outside a transaction: read-only (EclipseLink's hint), so they are
     * neither copied nor tracked for changes.
     */
    public List<CatalogProduct> shown(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select p from CatalogProduct p where p.id in :ids", CatalogProduct.class)
                .setParameter("ids", ids).setHint("eclipselink.read-only", "true").getResultList();
    }

    /** How many products are published. */
    public long count() {
        return em.createQuery("select count(p) from CatalogProduct p", Long.class).getSingleResult();
    }
}
