package io.caravel.warehouse;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.caravel.audit.AuditTrail;
import io.caravel.catalog.CatalogProduct;
import io.caravel.catalog.CatalogService;
import io.caravel.notification.Notifications;
import io.caravel.platform.Caller;
import io.caravel.platform.CaravelException;
import io.caravel.platform.Page;
import io.caravel.platform.PageRequest;
import io.caravel.platform.Roles;
import io.caravel.platform.TimeCursor;
import io.caravel.risk.RiskCategory;
import io.caravel.risk.RiskEvent;
import io.caravel.risk.RiskEvents;
import io.caravel.seller.Seller;
import io.caravel.seller.SellerStatus;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Inbound shipments to overseas warehouses (头程): a seller declares what it sends where; the warehouse's
 * staff count each line in, and the counted units (never the declared ones) become stock there. A count
 * short of the declaration is a logistics risk event for compliance and a message to the seller.
 */
@Stateless
public class InboundShipments {

    static final String SUBJECT = "inbound";
    /** A shortfall of this share of the declared units or more needs a person's look (REVIEW), less is noted (INFO). */
    static final int REVIEW_SHORTFALL_PERCENT = 5;
    private static final int MAX_LINES = 50;
    private static final int MAX_UNITS = 100_000;

    @PersistenceContext(unitName = "caravel")
    private EntityManager em;

    @Inject
    private Warehouses warehouses;

    @Inject
    private CatalogService catalog;

    @Inject
    private RiskEvents risks;

    @Inject
    private Notifications notifications;

    @Inject
    private AuditTrail audit;

    private final Clock clock = Clock.systemUTC();

    /** A shipment to send: the warehouse, the carrier and its tracking number (optional), a line per product. */
    @Schema(name = "InboundShipmentRequest")
    public record Request(String warehouseId, String carrier, String trackingNumber, List<Line> lines) {
        @Schema(name = "InboundShipmentLine")
        public record Line(String productId, Integer quantity) {
        }
    }

    /** What the warehouse counted: the units received of each line (by its number) and a note the seller reads. */
    public record Receipt(List<Count> lines, String note) {
        public record Count(Integer lineNo, Integer received) {
        }
    }

    /** A shipment as its seller, the warehouse's staff and compliance see it. */
    @Schema(name = "InboundShipmentView")
    public record View(String id, String sellerId, String warehouseId, String warehouseCode, String warehouseName,
                       String warehouseCountry, String carrier, String trackingNumber, InboundStatus status,
                       List<LineView> lines, int declaredUnits, Integer receivedUnits, String receiptNote,
                       Instant createdAt, Instant closedAt, int version) {
    }

    public record LineView(int lineNo, String productId, String title, int declared, Integer received, Integer difference) {
    }

    public View create(Caller caller, Request request) {
        if (!caller.hasRole(Roles.SELLER) || caller.sellerId() == null) {
            throw CaravelException.forbidden();
        }
        Seller seller = em.find(Seller.class, caller.sellerId());
        if (seller == null || seller.status() != SellerStatus.ACTIVE) {
            throw CaravelException.forbidden();
        }
        if (request == null || request.warehouseId() == null || request.warehouseId().isBlank()) {
            throw CaravelException.invalid("warehouseId", "error.inbound.warehouse");
        }
        Warehouse warehouse = em.find(Warehouse.class, request.warehouseId().strip());
        if (warehouse == null || !warehouse.active()) {
            throw CaravelException.invalid("warehouseId", "error.inbound.warehouse");
        }
        String carrier = text(request.carrier(), 60, "carrier");
        String tracking = text(request.trackingNumber(), 60, "trackingNumber");
        if (request.lines() == null || request.lines().isEmpty() || request.lines().size() > MAX_LINES) {
            throw CaravelException.invalid("lines", "error.inbound.lines", MAX_LINES);
        }
        List<InboundLine> lines = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < request.lines().size(); i++) {
            Request.Line line = request.lines().get(i);
            String field = "lines[" + i + "]";
            String productId = line == null || line.productId() == null ? "" : line.productId().strip();
            CatalogProduct product = ownProduct(productId, caller.sellerId(), field + ".productId");
            if (!seen.add(productId)) {
                throw CaravelException.invalid(field + ".productId", "error.inbound.duplicate");
            }
            Integer quantity = line.quantity();
            if (quantity == null || quantity < 1 || quantity > MAX_UNITS) {
                throw CaravelException.invalid(field + ".quantity", "error.inbound.quantity", MAX_UNITS);
            }
            lines.add(new InboundLine(i + 1, productId, product.product().getDisplayTitle(), quantity));
        }
        InboundShipment shipment = new InboundShipment(caller.sellerId(), warehouse.id(), carrier, tracking, lines,
                caller.username(), clock.instant());
        em.persist(shipment);
        em.flush();
        int units = lines.stream().mapToInt(InboundLine::declared).sum();
        audit.recordBySeller(caller.username(), "INBOUND_SENT", SUBJECT, shipment.id(),
                units + " units to " + warehouse.code() + (tracking == null ? "" : ", tracking " + tracking));
        return view(shipment, warehouse);
    }

    /** The seller withdraws a shipment not yet counted in (409 after). */
    public View cancel(Caller caller, String id) {
        InboundShipment shipment = readable(caller, id, true);
        if (!shipment.sellerId().equals(caller.sellerId())) {
            throw CaravelException.forbidden();
        }
        if (shipment.status() != InboundStatus.IN_TRANSIT) {
            throw CaravelException.conflict("error.inbound.closed", shipment.status());
        }
        shipment.cancelled(caller.username(), clock.instant());
        audit.recordBySeller(caller.username(), "INBOUND_CANCELLED", SUBJECT, id, "");
        return view(shipment, warehouses.find(shipment.warehouseId(), false));
    }

    /**
     * The warehouse's count, once: every line's units received become stock at the warehouse. Only the
     * warehouse's staff (or an administrator) record it; a second count is a 409.
     */
    public View receive(Caller caller, String id, Receipt receipt) {
        InboundShipment shipment = readable(caller, id, true);
        if (!(caller.isAdmin() || warehouses.isStaff(caller, shipment.warehouseId()))) {
            throw CaravelException.forbidden();
        }
        if (shipment.status() != InboundStatus.IN_TRANSIT) {
            throw CaravelException.conflict("error.inbound.closed", shipment.status());
        }
        Map<Integer, Integer> counted = counts(shipment, receipt);
        String note = text(receipt.note(), 1000, "note");
        Warehouse warehouse = warehouses.find(shipment.warehouseId(), true);
        int declared = 0;
        int received = 0;
        int short_ = 0;
        List<String> differences = new ArrayList<>();
        for (InboundLine line : shipment.lines()) {
            int units = counted.get(line.lineNo());
            line.received(units);
            warehouses.add(warehouse.id(), line.productId(), shipment.sellerId(), units);
            declared += line.declared();
            received += units;
            short_ += Math.max(0, line.declared() - units);
            if (units != line.declared()) {
                differences.add(line.title() + ": " + line.declared() + " → " + units);
            }
        }
        shipment.received(!differences.isEmpty(), note, caller.username(), clock.instant());
        String summary = received + " of " + declared + " units counted at " + warehouse.code();
        audit.recordForSeller(caller.username(), differences.isEmpty() ? "INBOUND_RECEIVED" : "INBOUND_RECEIVED_WITH_DISCREPANCY",
                SUBJECT, id, summary + (differences.isEmpty() ? "" : "; " + String.join("; ", differences)),
                summary);
        if (short_ > 0) {
            boolean review = short_ * 100L >= (long) declared * REVIEW_SHORTFALL_PERCENT;
            risks.record(RiskCategory.LOGISTICS, "INBOUND_SHORT_RECEIPT", review ? RiskEvent.Severity.REVIEW : RiskEvent.Severity.INFO,
                    SUBJECT, id, shipment.sellerId(), short_ + " of " + declared + " declared units missing at "
                            + warehouse.code() + ": " + String.join("; ", differences));
        } else if (received > declared) {
            risks.record(RiskCategory.LOGISTICS, "INBOUND_OVER_RECEIPT", RiskEvent.Severity.INFO, SUBJECT, id,
                    shipment.sellerId(), (received - declared) + " units more than declared at " + warehouse.code()
                            + ": " + String.join("; ", differences));
        }
        notifications.notify(shipment.sellerId(), id, short_ > 0 ? "INBOUND_RECEIVED_SHORT" : "INBOUND_RECEIVED", summary);
        em.flush();
        return view(shipment, warehouse);
    }

    /**
     * Shipments newest first, optionally of one status or warehouse: a seller its own; warehouse staff those to
     * their warehouses; compliance staff and administrators every one.
     */
    public Page<View> list(Caller caller, InboundStatus status, String warehouseId, PageRequest page) {
        StringBuilder jpql = new StringBuilder("select s from InboundShipment s where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        warehouses.restrict(caller, jpql, params);
        if (status != null) {
            jpql.append(" and s.status = :status");
            params.put("status", status);
        }
        if (warehouseId != null && !warehouseId.isBlank()) {
            jpql.append(" and s.warehouseId = :w");
            params.put("w", warehouseId.strip());
        }
        TimeCursor after = page.after() == null ? null : TimeCursor.parse(page.after());
        if (after != null) {
            jpql.append(" and (s.createdAt < :at or (s.createdAt = :at and s.id < :id))");
            params.put("at", after.at());
            params.put("id", after.id());
        }
        jpql.append(" order by s.createdAt desc, s.id desc");
        TypedQuery<InboundShipment> query = em.createQuery(jpql.toString(), InboundShipment.class);
        params.forEach(query::setParameter);
        List<InboundShipment> rows = query.setMaxResults(page.limit() + 1).getResultList();
        Map<String, Warehouse> seen = new HashMap<>();
        List<View> items = rows.stream().limit(page.limit())
                .map(s -> view(s, seen.computeIfAbsent(s.warehouseId(), k -> warehouses.find(k, false)))).toList();
        String next = rows.size() > page.limit()
                ? new TimeCursor(rows.get(page.limit() - 1).createdAt(), rows.get(page.limit() - 1).id()).next() : null;
        return new Page<>(items, next);
    }

    public View get(Caller caller, String id) {
        InboundShipment shipment = readable(caller, id, false);
        return view(shipment, warehouses.find(shipment.warehouseId(), false));
    }

    /** A shipment the caller may see; one it may not is not found for it. */
    private InboundShipment readable(Caller caller, String id, boolean lock) {
        InboundShipment s = id == null ? null
                : lock ? em.find(InboundShipment.class, id, LockModeType.PESSIMISTIC_WRITE) : em.find(InboundShipment.class, id);
        boolean visible = s != null && (caller.isComplianceStaff()
                || (caller.hasRole(Roles.SELLER) && s.sellerId().equals(caller.sellerId()))
                || warehouses.isStaff(caller, s.warehouseId()));
        if (!visible) {
            throw CaravelException.notFound("inbound shipment", id);
        }
        return s;
    }

    /** One count for every line, whole units from 0 to 10 times the declared quantity. */
    private static Map<Integer, Integer> counts(InboundShipment shipment, Receipt receipt) {
        if (receipt == null || receipt.lines() == null) {
            throw CaravelException.invalid("lines", "error.inbound.count-missing", 1);
        }
        Map<Integer, Integer> counted = new HashMap<>();
        for (int i = 0; i < receipt.lines().size(); i++) {
            Receipt.Count c = receipt.lines().get(i);
            String field = "lines[" + i + "]";
            int lineNo = c == null || c.lineNo() == null ? -1 : c.lineNo();
            InboundLine line = shipment.lines().stream().filter(l -> l.lineNo() == lineNo).findFirst().orElse(null);
            if (line == null || counted.containsKey(lineNo)) {
                throw CaravelException.invalid(field + ".lineNo", "error.inbound.line-no", shipment.lines().size());
            }
            if (c.received() == null || c.received() < 0 || c.received() > Math.max(10L * line.declared(), 10)) {
                throw CaravelException.invalid(field + ".received", "error.inbound.received", 10L * line.declared());
            }
            counted.put(lineNo, c.received());
        }
        for (InboundLine line : shipment.lines()) {
            if (!counted.containsKey(line.lineNo())) {
                throw CaravelException.invalid("lines", "error.inbound.count-missing", line.lineNo());
            }
        }
        return counted;
    }

    private CatalogProduct ownProduct(String productId, String sellerId, String field) {
        CatalogProduct product;
        try {
            product = productId.isEmpty() ? null : catalog.product(productId);
        } catch (CaravelException e) {
            product = null;
        }
        if (product == null || !product.sellerId().equals(sellerId)) {
            throw CaravelException.invalid(field, "error.inbound.product", productId);
        }
        if (product.product().getSupplierListingId() != null) {
            throw CaravelException.invalid(field, "error.inbound.dropship");
        }
        return product;
    }

    private static String text(String value, int max, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String clean = value.strip();
        if (clean.length() > max || clean.chars().anyMatch(ch -> Character.isISOControl(ch) && ch != '\n' && ch != '\r')) {
            throw CaravelException.invalid(field, "error.inbound.text", max);
        }
        return clean;
    }

    private static View view(InboundShipment s, Warehouse w) {
        List<LineView> lines = s.lines().stream().map(l -> new LineView(l.lineNo(), l.productId(), l.title(), l.declared(),
                l.received(), l.received() == null ? null : l.received() - l.declared())).toList();
        int declared = lines.stream().mapToInt(LineView::declared).sum();
        Integer received = s.status() == InboundStatus.IN_TRANSIT || s.status() == InboundStatus.CANCELLED ? null
                : lines.stream().mapToInt(l -> l.received() == null ? 0 : l.received()).sum();
        return new View(s.id(), s.sellerId(), w.id(), w.code(), w.name(), w.country(), s.carrier(), s.tracking(),
                s.status(), lines, declared, received, s.receiptNote(), s.createdAt(), s.closedAt(), s.version());
    }
}
