package io.caravel.warehouse;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.caravel.audit.AuditTrail;
import io.caravel.catalog.CatalogProduct;
import io.caravel.catalog.CatalogService;
import io.caravel.identity.IdentityService;
import io.caravel.identity.UserView;
import io.caravel.platform.Caller;
import io.caravel.platform.CaravelException;
import io.caravel.platform.ProblemType;
import io.caravel.platform.Roles;
import io.caravel.tariff.Destinations;
import io.caravel.tariff.TariffRules;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Overseas warehouses and the stock kept at each. Administrators set warehouses up and name their
 * staff; sellers see the active ones to send goods to and their own stock at each; staff see the stock
 * at their warehouses. An order ships from a warehouse in the buyer's country (or customs area) that
 * holds the whole quantity, else from the seller's own warehouse; the catalog's overseas figure is the
 * product's units at active warehouses.
 */
@Stateless
public class Warehouses {

    @PersistenceContext(unitName = "caravel")
    private EntityManager em;

    @Inject
    private CatalogService catalog;

    @Inject
    private IdentityService identity;

    @Inject
    private TariffRules tariff;

    @Inject
    private AuditTrail audit;

    private final Clock clock = Clock.systemUTC();

    /** A warehouse; its staff only for administrators. */
    @Schema(name = "WarehouseView")
    public record View(String id, String code, String name, String country, String address, boolean active,
                       List<String> staff, int version) {
    }

    /** A warehouse to set up or change; {@code active} and {@code staff} left out keep what is there. */
    @Schema(name = "WarehouseRequest")
    public record Request(String code, String name, String country, String address, Boolean active, List<String> staff) {
    }

    /** The units of a product at a warehouse. */
    public record StockView(String warehouseId, String warehouseCode, String warehouseName, String country,
                            boolean warehouseActive, String productId, String title, String sellerId, int onHand,
                            java.time.Instant updatedAt) {
    }

    /** Where a line ships from when a warehouse serves it. */
    public record Pick(String warehouseId, String code, String name, String country) {
    }

    public View create(Caller caller, Request request) {
        requireAdmin(caller);
        if (request == null) {
            throw CaravelException.invalid("code", "error.warehouse.code");
        }
        String code = request.code() == null ? "" : request.code().strip().toUpperCase(Locale.ROOT);
        if (!code.matches("[A-Z0-9][A-Z0-9-]{1,19}")) {
            throw CaravelException.invalid("code", "error.warehouse.code");
        }
        if (!em.createQuery("select w.id from Warehouse w where w.code = :c", String.class).setParameter("c", code)
                .getResultList().isEmpty()) {
            throw CaravelException.conflict("error.warehouse.code-taken", code);
        }
        Warehouse w = new Warehouse(code, name(request), country(request), address(request), clock.instant());
        w.staff(staff(request.staff()));
        em.persist(w);
        em.flush();
        audit.record(caller.username(), "WAREHOUSE_CREATED", "warehouse", w.id(), code + " " + w.name() + " (" + w.country() + ")");
        return view(w, true);
    }

    public View update(Caller caller, String id, Integer expectedVersion, Request request) {
        requireAdmin(caller);
        Warehouse w = find(id, true);
        if (expectedVersion != null && expectedVersion != w.version()) {
            throw new CaravelException(ProblemType.PRECONDITION_FAILED, "error.warehouse.stale");
        }
        if (request == null) {
            throw CaravelException.invalid("name", "error.warehouse.name");
        }
        w.describe(name(request), country(request), address(request));
        if (request.staff() != null) {
            w.staff(staff(request.staff()));
        }
        boolean wasActive = w.active();
        if (request.active() != null) {
            w.activate(request.active());
        }
        em.flush();
        if (wasActive != w.active()) {
            // the warehouse's units stop (or start) counting as the catalog's overseas stock
            em.createQuery("select s.productId from WarehouseStock s where s.warehouseId = :w", String.class)
                    .setParameter("w", id).getResultList().forEach(this::restock);
        }
        audit.record(caller.username(), w.active() ? "WAREHOUSE_CHANGED" : "WAREHOUSE_DEACTIVATED", "warehouse", id,
                w.code() + " " + w.name() + " (" + w.country() + "), staff " + String.join(", ", w.staff()));
        return view(w, true);
    }

    /** Administrators every warehouse; anyone else the active ones, which sellers send goods to. */
    public List<View> list(Caller caller) {
        boolean admin = caller.isAdmin();
        return em.createQuery("select w from Warehouse w order by w.country, w.code", Warehouse.class).getResultStream()
                .filter(w -> admin || w.active()).map(w -> view(w, admin)).toList();
    }

    public View get(Caller caller, String id) {
        Warehouse w = find(id, false);
        if (!caller.isAdmin() && !w.active()) {
            throw CaravelException.notFound("warehouse", id);
        }
        return view(w, caller.isAdmin());
    }

    /** Whether the user counts goods in at the warehouse. */
    public boolean isStaff(Caller caller, String warehouseId) {
        return caller.hasRole(Roles.WAREHOUSE) && find(warehouseId, false).staff().contains(caller.username());
    }

    /** The ids of the warehouses the caller works at. */
    public Set<String> staffedBy(Caller caller) {
        if (!caller.hasRole(Roles.WAREHOUSE)) {
            return Set.of();
        }
        return em.createQuery("select w from Warehouse w", Warehouse.class).getResultStream()
                .filter(w -> w.staff().contains(caller.username())).map(Warehouse::id).collect(Collectors.toSet());
    }

    /**
     * Stock rows the caller may see, by warehouse then product: a seller its own; warehouse staff those at their
     * warehouses; compliance staff and administrators all. Optionally of one warehouse or one product.
     */
    public List<StockView> stock(Caller caller, String warehouseId, String productId) {
        StringBuilder jpql = new StringBuilder("select s from WarehouseStock s where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        restrict(caller, jpql, params);
        if (warehouseId != null && !warehouseId.isBlank()) {
            jpql.append(" and s.warehouseId = :w");
            params.put("w", warehouseId);
        }
        if (productId != null && !productId.isBlank()) {
            jpql.append(" and s.productId = :p");
            params.put("p", productId);
        }
        TypedQuery<WarehouseStock> query = em.createQuery(jpql.toString(), WarehouseStock.class);
        params.forEach(query::setParameter);
        List<WarehouseStock> rows = query.setMaxResults(5000).getResultList();
        Map<String, Warehouse> warehouses = new HashMap<>();
        Map<String, String> titles = titles(rows.stream().map(WarehouseStock::productId).collect(Collectors.toSet()));
        return rows.stream().map(s -> {
            Warehouse w = warehouses.computeIfAbsent(s.warehouseId(), k -> em.find(Warehouse.class, k));
            return new StockView(w.id(), w.code(), w.name(), w.country(), w.active(), s.productId(),
                    titles.getOrDefault(s.productId(), s.productId()), s.sellerId(), s.onHand(), s.updatedAt());
        }).sorted(Comparator.comparing(StockView::warehouseCode).thenComparing(StockView::title)).toList();
    }

    /** A product a seller may send to a warehouse: its own published product, not a dropship listing. */
    public record Sendable(String productId, String title) {
    }

    /** The seller's published products that can go to a warehouse, by title. */
    public List<Sendable> sendable(Caller caller) {
        if (caller.sellerId() == null) {
            return List.of();
        }
        return em.createQuery("select p from CatalogProduct p where p.sellerId = :s and p.product.supplierListingId is null",
                        CatalogProduct.class).setParameter("s", caller.sellerId()).setMaxResults(1000).getResultStream()
                .map(p -> new Sendable(p.id(), p.product().getDisplayTitle()))
                .sorted(Comparator.comparing(Sendable::title, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    /**
     * Narrows a query of stock rows or shipments (alias {@code s}, with {@code warehouseId} and {@code sellerId}) to
     * what the caller may see: compliance staff and administrators everything, warehouse staff their warehouses',
     * a seller its own; anyone else is refused.
     */
    public void restrict(Caller caller, StringBuilder jpql, Map<String, Object> params) {
        if (caller.isComplianceStaff()) {
            return;
        }
        if (caller.hasRole(Roles.WAREHOUSE)) {
            Set<String> mine = staffedBy(caller);
            jpql.append(mine.isEmpty() ? " and 1 = 0" : " and s.warehouseId in :mine");
            if (!mine.isEmpty()) {
                params.put("mine", mine);
            }
        } else if (caller.hasRole(Roles.SELLER) && caller.sellerId() != null) {
            jpql.append(" and s.sellerId = :seller");
            params.put("seller", caller.sellerId());
        } else {
            throw CaravelException.forbidden();
        }
    }

    /**
     * The warehouse a line ships from: an active one in the destination's country, else in its customs area
     * (the EU), holding the whole quantity; the one with most units first. None: the seller ships it.
     */
    public Optional<Pick> choose(String productId, int quantity, String destinationCountry) {
        String country = destinationCountry.toUpperCase(Locale.ROOT);
        return serving(productId, country).stream().filter(s -> s.onHand() >= quantity)
                .min(Comparator.comparing((Serving s) -> !country.equals(s.warehouse().country()))
                        .thenComparing(Serving::onHand, Comparator.reverseOrder()))
                .map(s -> new Pick(s.warehouse().id(), s.warehouse().code(), s.warehouse().name(), s.warehouse().country()));
    }

    /** The most units of a product one serving warehouse holds for the destination (for "only N left" messages). */
    public int mostUnitsFor(String productId, String destinationCountry) {
        return serving(productId, destinationCountry.toUpperCase(Locale.ROOT)).stream().mapToInt(Serving::onHand).max()
                .orElse(0);
    }

    /** A warehouse that serves a destination, with its units of one product. */
    private record Serving(Warehouse warehouse, int onHand) {
    }

    /** The active warehouses in the destination's country or customs area that keep the product (one query). */
    private List<Serving> serving(String productId, String country) {
        String area = Destinations.area(country);
        return em.createQuery("select w, s.onHand from WarehouseStock s, Warehouse w where w.id = s.warehouseId"
                        + " and s.productId = :p and w.active = :yes and w.country is not null", Object[].class)
                .setParameter("p", productId).setParameter("yes", Boolean.TRUE).getResultStream()
                .map(row -> new Serving((Warehouse) row[0], ((Number) row[1]).intValue()))
                .filter(s -> area.equals(Destinations.area(s.warehouse().country()))).toList();
    }

    /**
     * Takes units from a warehouse for an order, only if that many are there (one conditional update, so two
     * orders never sell the same unit); the catalog's overseas figure follows. False when short.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public boolean take(String warehouseId, String productId, int quantity) {
        int taken = em.createQuery("update WarehouseStock s set s.onHand = s.onHand - :q, s.updatedAt = :now"
                        + " where s.warehouseId = :w and s.productId = :p and s.onHand >= :q")
                .setParameter("q", quantity).setParameter("now", clock.instant()).setParameter("w", warehouseId)
                .setParameter("p", productId).executeUpdate();
        if (taken == 1) {
            restock(productId);
        }
        return taken == 1;
    }

    /** Puts an unpaid order's units back at the warehouse they were taken from. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void giveBack(String warehouseId, String productId, int quantity) {
        em.createQuery("update WarehouseStock s set s.onHand = s.onHand + :q, s.updatedAt = :now"
                        + " where s.warehouseId = :w and s.productId = :p")
                .setParameter("q", quantity).setParameter("now", clock.instant()).setParameter("w", warehouseId)
                .setParameter("p", productId).executeUpdate();
        restock(productId);
    }

    /** Adds counted units at a warehouse (the caller holds the warehouse's lock). */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void add(String warehouseId, String productId, String sellerId, int units) {
        if (units <= 0) {
            return;
        }
        WarehouseStock row = em.find(WarehouseStock.class, new WarehouseStock.Key(warehouseId, productId),
                LockModeType.PESSIMISTIC_WRITE);
        if (row == null) {
            em.persist(new WarehouseStock(warehouseId, productId, sellerId, units, clock.instant()));
        } else {
            row.add(units, clock.instant());
        }
        em.flush();
        restock(productId);
    }

    /** Sets the catalog's overseas figure of a product to its units at active warehouses. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void restock(String productId) {
        // SUM of an INT column is a BIGINT on H2 and a DECIMAL on MySQL: read it as a number
        Number units = (Number) em.createQuery("select coalesce(sum(s.onHand), 0) from WarehouseStock s, Warehouse w"
                        + " where w.id = s.warehouseId and w.active = :yes and s.productId = :p")
                .setParameter("yes", Boolean.TRUE).setParameter("p", productId).getSingleResult();
        catalog.setOverseasStock(productId, units.intValue());
    }

    public Warehouse find(String id, boolean lock) {
        Warehouse w = id == null ? null
                : lock ? em.find(Warehouse.class, id, LockModeType.PESSIMISTIC_WRITE) : em.find(Warehouse.class, id);
        if (w == null) {
            throw CaravelException.notFound("warehouse", id);
        }
        return w;
    }

    /** Product titles from the catalog, else from the shipment that brought them (a product taken down since). */
    private Map<String, String> titles(Collection<String> productIds) {
        Map<String, String> titles = new HashMap<>();
        if (productIds.isEmpty()) {
            return titles;
        }
        for (CatalogProduct p : em.createQuery("select p from CatalogProduct p where p.id in :ids", CatalogProduct.class)
                .setParameter("ids", productIds).getResultList()) {
            titles.put(p.id(), p.product().getDisplayTitle());
        }
        List<String> gone = productIds.stream().filter(id -> !titles.containsKey(id)).toList();
        if (!gone.isEmpty()) {
            for (Object[] row : em.createQuery("select l.productId, l.title from InboundShipment s join s.lines l"
                    + " where l.productId in :ids", Object[].class).setParameter("ids", gone).getResultList()) {
                titles.putIfAbsent((String) row[0], (String) row[1]);
            }
        }
        return titles;
    }

    private String name(Request r) {
        if (r.name() == null || r.name().isBlank() || r.name().strip().length() > 100) {
            throw CaravelException.invalid("name", "error.warehouse.name");
        }
        return r.name().strip();
    }

    private String country(Request r) {
        String country = r.country() == null ? "" : r.country().strip().toUpperCase(Locale.ROOT);
        if (!country.matches("[A-Z]{2}") || !tariff.book().serves(country, LocalDate.now(clock.withZone(ZoneOffset.UTC)))) {
            throw CaravelException.invalid("country", "error.warehouse.country", country);
        }
        return country;
    }

    private static String address(Request r) {
        if (r.address() != null && r.address().strip().length() > 300) {
            throw CaravelException.invalid("address", "error.warehouse.address", 300);
        }
        return r.address() == null || r.address().isBlank() ? null : r.address().strip();
    }

    /** Staff must be existing users with the warehouse role. */
    private Set<String> staff(List<String> usernames) {
        if (usernames == null) {
            return Set.of();
        }
        Set<String> clean = new LinkedHashSet<>();
        for (String name : usernames) {
            String username = name == null ? "" : name.strip();
            Optional<UserView> user = username.isEmpty() ? Optional.empty() : identity.user(username);
            if (user.isEmpty() || !user.get().roles().contains(Roles.WAREHOUSE)) {
                throw CaravelException.invalid("staff", "error.warehouse.staff", username);
            }
            clean.add(username);
        }
        return clean;
    }

    private static View view(Warehouse w, boolean withStaff) {
        return new View(w.id(), w.code(), w.name(), w.country(), w.address(), w.active(),
                withStaff ? List.copyOf(w.staff()) : List.of(), w.version());
    }

    private static void requireAdmin(Caller caller) {
        if (!caller.isAdmin()) {
            throw CaravelException.forbidden();
        }
    }
}
