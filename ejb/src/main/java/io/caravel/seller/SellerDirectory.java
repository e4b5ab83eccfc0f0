package io.caravel.seller;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** Looks up seller accounts for the components that show or check them. */
@Stateless
public class SellerDirectory {

    @PersistenceContext(unitName = "caravel")
    private EntityManager em;

    public Optional<Seller> find(String sellerId) {
        return Optional.ofNullable(sellerId == null ? null : em.find(Seller.class, sellerId));
    }

    /** Active sellers by name (for choosing one, e.g. a storefront channel's store). */
    public java.util.List<Seller> active() {
        return em.createQuery("select s from Seller s where s.status = :active order by s.legalName", Seller.class)
                .setParameter("active", SellerStatus.ACTIVE).getResultList();
    }

    /** Whether the seller is the platform's own store. */
    public boolean isFirstParty(String sellerId) {
        return find(sellerId).map(Seller::firstParty).orElse(false);
    }

    /** Which of these sellers are the platform's own store (one query for a page of products). */
    public java.util.Set<String> firstParty(java.util.Collection<String> sellerIds) {
        if (sellerIds.isEmpty()) {
            return java.util.Set.of();
        }
        // the ids alone: a seller entity is many columns to read and copy for one flag
        return java.util.Set.copyOf(em.createQuery("select s.id from Seller s where s.id in :ids and s.firstParty = true",
                String.class).setParameter("ids", java.util.Set.copyOf(sellerIds)).getResultList());
    }

    /** The seller's legal name, or the id when there is no such seller. */
    public String legalName(String sellerId) {
        return find(sellerId).map(Seller::legalName).orElse(sellerId);
    }
}
