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

    /** The seller's legal name, or the id when there is no such seller. */
    public String legalName(String sellerId) {
        return find(sellerId).map(Seller::legalName).orElse(sellerId);
    }
}
