package io.caravel.seller;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Looks up seller accounts for the components that show or check them. */
@Stateless
public class SellerDirectory {

    private static final Duration FIRST_PARTY_KEPT = Duration.ofSeconds(5);
    private static final Cache<Boolean, Set<String>> FIRST_PARTY = Caffeine.newBuilder()
            .expireAfterWrite(FIRST_PARTY_KEPT).build();

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
        return sellerId != null && firstParty().contains(sellerId);
    }

    /** Which of these sellers are the platform's own store (for a page of products). */
    public Set<String> firstParty(Collection<String> sellerIds) {
        Set<String> all = firstParty();
        return sellerIds.stream().filter(all::contains).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * The platform's own stores: a handful of ids, set when such an account is made and never taken back, so
     * every catalog page and product reads them from memory, at most {@link #FIRST_PARTY_KEPT} old.
     */
    private Set<String> firstParty() {
        return FIRST_PARTY.get(Boolean.TRUE, all -> Set.copyOf(em.createQuery(
                "select s.id from Seller s where s.firstParty = true", String.class).getResultList()));
    }

    /** The seller's legal name, or the id when there is no such seller. */
    public String legalName(String sellerId) {
        return find(sellerId).map(Seller::legalName).orElse(sellerId);
    }
}
