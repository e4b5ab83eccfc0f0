package io.caravel.demo;

import io.caravel.identity.IdentityService;
import io.caravel.seller.OperatingModel;
import io.caravel.seller.Seller;
import io.caravel.seller.SellerStatus;
import io.caravel.platform.Roles;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Set;

/**
 * The demo users and sellers (demo mode only). Idempotent: running it again on existing data
 * changes nothing. Every demo user's password is {@value #PASSWORD}.
 */
@Stateless
public class DemoData {

    public static final String PASSWORD = "demo";
    /** The platform's own store (first party). */
    static final String DIRECT = "Caravel Direct GmbH";

    @PersistenceContext(unitName = "caravel")
    private EntityManager em;

    @Inject
    private IdentityService identity;

    @Inject
    private DemoCatalog demoCatalog;

    @Inject
    private io.caravel.tariff.TariffRules tariffRules;

    /** Synthetic published products to fill the catalog with, e.g. 10000 for the catalog benchmark (0: none). */
    @Inject
    @ConfigProperty(name = "caravel.demo.catalog-size", defaultValue = "0")
    private int catalogSize;

    /** Loads the demo users, sellers, rates and catalog; returns seller-a's id. */
    public String load() {
        String sellerA = seller("Seller A Trading (Shenzhen) Co., Ltd.", "CN", OperatingModel.MARKETPLACE);
        String sellerB = seller("Seller B Handels GmbH", "DE", OperatingModel.SELF_OPERATED);
        String direct = seller(DIRECT, "DE", OperatingModel.SELF_OPERATED);
        em.find(Seller.class, direct).markFirstParty();
        identity.createDemoUser("store", PASSWORD, "Stella Store", direct, Set.of(Roles.SELLER));
        identity.createDemoUser("seller-a", PASSWORD, "Seller A", sellerA, Set.of(Roles.SELLER));
        identity.createDemoUser("seller-b", PASSWORD, "Seller B", sellerB, Set.of(Roles.SELLER));
        identity.createDemoUser("officer", PASSWORD, "Olivia Officer", null, Set.of(Roles.COMPLIANCE_OFFICER));
        identity.createDemoUser("lead", PASSWORD, "Liam Lead", null,
                Set.of(Roles.COMPLIANCE_OFFICER, Roles.COMPLIANCE_LEAD));
        identity.createDemoUser("customs", PASSWORD, "Chen Customs", null, Set.of(Roles.CUSTOMS_AGENT));
        identity.createDemoUser("disputes", PASSWORD, "Dana Disputes", null, Set.of(Roles.DISPUTE_AGENT));
        identity.createDemoUser("admin", PASSWORD, "Ada Admin", null, Set.of(Roles.ADMIN));
        identity.createDemoUser("buyer", PASSWORD, "Bo Buyer", null, Set.of(Roles.BUYER));
        identity.createDemoUser("creator", PASSWORD, "Chloe Creator", null, Set.of(Roles.CREATOR));
        identity.createDemoUser("warehouse", PASSWORD, "Wendy Warehouse", null, Set.of(Roles.WAREHOUSE));
        demoCatalog.rates();
        tariffRules.loadBundledIfNone("demo");
        demoCatalog.listings(sellerA);
        demoCatalog.directListings(direct);
        if (catalogSize > 0) {
            demoCatalog.seed(sellerB, "Seller B Handels GmbH", catalogSize);
        }
        return sellerA;
    }

    private String seller(String legalName, String country, OperatingModel model) {
        return em.createQuery("select s.id from Seller s where s.legalName = :name", String.class)
                .setParameter("name", legalName)
                .getResultStream()
                .findFirst()
                .orElseGet(() -> {
                    Seller seller = new Seller(legalName, country, model, SellerStatus.ACTIVE, Instant.now());
                    em.persist(seller);
                    return seller.id();
                });
    }
}
