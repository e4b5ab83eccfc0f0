package io.caravel.order;

import io.caravel.audit.AuditTrail;
import io.caravel.catalog.CatalogService;
import io.caravel.catalog.CatalogService.StockLocation;
import io.caravel.warehouse.Warehouses;
import io.caravel.tariff.Destinations;
import io.caravel.payment.Payment;
import io.caravel.payment.PaymentCompleted;
import io.caravel.payment.PaymentService;
import io.caravel.platform.Caller;
import io.caravel.platform.CaravelException;
import io.caravel.platform.Masks;
import io.caravel.platform.Money;
import io.caravel.platform.Page;
import io.caravel.platform.PageRequest;
import io.caravel.platform.ProblemType;
import io.caravel.platform.Roles;
import io.caravel.platform.TimeCursor;
import io.caravel.platform.Uploads;
import io.caravel.shipping.Carrier;
import io.caravel.shipping.Shipment;
import io.caravel.webhook.WebhookEventType;
import io.caravel.webhook.Webhooks;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * Orders: placed from a quote once per idempotency key, stock taken at once from the location the
 * quote chose (dropship lines from the supplier's), China's annual limit reserved, the payment
 * opened; then paid or declined by the provider's webhook, shipped by the seller (or the supplier)
 * with a carrier's waybill. Buyers see their own orders, sellers the orders they sell or fulfil,
 * staff every order.
 */
@Stateless
public class OrderService {

    static final String CASE = "order";

    @PersistenceContext(unitName = "caravel")
    private EntityManager em;

    @Inject
    private CatalogService catalog;

    @Inject
    private Warehouses warehouses;

    @Inject
    private CheckoutService checkout;

    @Inject
    private BuyerLimits limits;

    @Inject
    private PaymentService payments;

    @Inject
    private Carrier carrier;

    @Inject
    private AuditTrail audit;

    @Inject
    private Event<OrderPaid> paidEvents;

    @Inject
    private Event<OrderShipped> shippedEvents;

    @Inject
    private Event<OrderPlaced> placedEvents;

    @Inject
    private Event<OrderBlocked> blockedEvents;

    @Inject
    private Webhooks webhooks;

    private final Clock clock = Clock.systemUTC();

    /** A placed order, and whether it was placed by an earlier request with the same key. */
    public record Placed(OrderView order, boolean replayed) {
    }

    /** What a seller tells the carrier; empty fields take the order's consignee. */
    public record ShipRequest(String consigneeName, String consigneeAddress, Integer weightGrams) {
    }

    public Placed place(Caller caller, String idempotencyKey, OrderRequest request) {
        CheckoutService.requireBuyer(caller);
        if (idempotencyKey == null || !idempotencyKey.matches("[A-Za-z0-9._:-]{1,100}")) {
            throw CaravelException.invalid("Idempotency-Key", "error.order.idempotency-key");
        }
        String hash = Uploads.sha256(CheckoutService.JSON.toJson(request).getBytes(StandardCharsets.UTF_8));
        CustomerOrder earlier = em.createQuery("select o from CustomerOrder o where o.buyer = :b and o.idempotencyKey = :k",
                        CustomerOrder.class).setParameter("b", caller.username()).setParameter("k", idempotencyKey)
                .getResultStream().findFirst().orElse(null);
        if (earlier != null) {
            if (!earlier.requestHash().equals(hash)) {
                throw new CaravelException(ProblemType.IDEMPOTENCY_KEY_REUSED, "error.order.key-reused");
            }
            return new Placed(view(caller, earlier), true);
        }
        CheckoutQuote quote = em.find(CheckoutQuote.class, request.getQuoteId());
        if (quote == null || !quote.buyer().equals(caller.username())) {
            throw CaravelException.invalid("quoteId", "error.order.quote-unknown");
        }
        Instant now = clock.instant();
        if (!now.isBefore(quote.expiresAt())) {
            throw new CaravelException(ProblemType.QUOTE_EXPIRED, "error.order.quote-expired", quote.expiresAt());
        }
        CustomerOrder ordered = em.createQuery("select o from CustomerOrder o where o.quoteId = :q", CustomerOrder.class)
                .setParameter("q", quote.id()).getResultStream().findFirst().orElse(null);
        if (ordered != null) {
            throw CaravelException.conflict("error.order.quote-ordered", ordered.id());
        }
        QuoteView pricing = CheckoutService.JSON.fromJson(quote.pricing(), QuoteView.class);
        String area = Destinations.area(pricing.destinationCountry());
        if ("CN".equals(area)) {
            String id = request.getConsignee().getIdNumber();
            if (id == null || !id.trim().matches("[0-9]{17}[0-9Xx]")) {
                throw CaravelException.invalid("consignee.idNumber", "error.order.cn-id-number");
            }
        }

        CustomerOrder order = new CustomerOrder(quote, pricing, idempotencyKey, hash, request.getConsignee(), now);
        em.persist(order);
        em.flush();
        for (int i = 0; i < pricing.lines().size(); i++) {
            QuoteView.Line line = pricing.lines().get(i);
            String stockProduct = line.supplierProductId() == null ? line.productId() : line.supplierProductId();
            boolean taken = line.warehouse() != null ? warehouses.take(line.warehouse().id(), stockProduct, line.quantity())
                    : catalog.takeStock(stockProduct, StockLocation.valueOf(line.shipsFrom()), line.quantity());
            if (!taken) {
                throw new CaravelException(ProblemType.OUT_OF_STOCK, "error.order.out-of-stock", line.title());
            }
            String fulfilledBy = line.supplierProductId() == null ? quote.sellerId()
                    : catalog.product(line.supplierProductId()).sellerId();
            em.persist(new OrderLine(order.id(), i + 1, line, stockProduct, fulfilledBy));
        }
        if ("CN".equals(area)) {
            LocalDate day = LocalDate.ofInstant(now, CheckoutService.CHINA);
            BigDecimal limit = checkout.annualLimit(day);
            if (limit != null && !limits.reserve(caller.username(), "CN", day.getYear(), order.dutiableValue(), limit,
                    order.customsCurrency())) {
                throw CaravelException.invalid("lines", "error.checkout.cn-annual-limit", CheckoutService.plain(limit),
                        order.customsCurrency(), CheckoutService.plain(limits.spent(caller.username(), "CN", day.getYear())),
                        CheckoutService.plain(order.dutiableValue()));
            }
        }
        payments.open(order.id(), caller.username(), new Money(order.total(), order.buyerCurrency()));
        audit.record(caller.username(), "ORDER_PLACED", CASE, order.id(), order.total().toPlainString() + " "
                + order.buyerCurrency() + " to " + order.destinationCountry() + " (" + order.regime() + ")");
        placedEvents.fire(new OrderPlaced(order.id()));
        return new Placed(view(caller, order), false);
    }

    /**
     * Applies a payment's outcome to its order (in the webhook's transaction): paid, or declined with
     * the stock and China's annual amount given back. A payment that succeeds after its order expired
     * or was cancelled is refunded at once.
     */
    public void paymentCompleted(@Observes PaymentCompleted completed) {
        CustomerOrder order = em.find(CustomerOrder.class, completed.orderId());
        if (order == null) {
            return;
        }
        if (order.status() == OrderStatus.BLOCKED) {
            if (completed.succeeded()) { // a listed party's money is held, not sent back
                audit.record("payment", "PAYMENT_BLOCKED", CASE, order.id(), "paid after the order was blocked; funds held");
            }
            return;
        }
        if (order.status() != OrderStatus.PENDING_PAYMENT) {
            if (completed.succeeded()) {
                payments.refund(order.id());
                audit.record("payment", "LATE_PAYMENT_REFUNDED", CASE, order.id(), "the order was " + order.status());
            }
            return;
        }
        if (completed.succeeded()) {
            order.paid(clock.instant());
            audit.record("payment", "ORDER_PAID", CASE, order.id(), order.total().toPlainString() + " " + order.buyerCurrency());
            paidEvents.fire(new OrderPaid(order.id()));
            webhooks.raise(WebhookEventType.ORDER_PAID, order.sellerId(), order.id(), Webhooks.data("orderId", order.id(),
                    "total", order.total(), "currency", order.buyerCurrency(), "destinationCountry", order.destinationCountry()));
            return;
        }
        order.declined();
        release(order);
        audit.record("payment", "ORDER_PAYMENT_DECLINED", CASE, order.id(), "stock returned");
    }

    /** The ids of orders placed before {@code placedBefore} and still not paid, oldest first. */
    public List<String> unpaidSince(Instant placedBefore, int max) {
        return em.createQuery("select o.id from CustomerOrder o where o.status = :s and o.createdAt < :t order by o.createdAt",
                        String.class).setParameter("s", OrderStatus.PENDING_PAYMENT).setParameter("t", placedBefore)
                .setMaxResults(max).getResultList();
    }

    /** An order not paid in time: expired, its stock and China's annual amount given back. */
    @jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.REQUIRES_NEW)
    public void expire(String orderId) {
        CustomerOrder order = order(orderId);
        if (order.status() != OrderStatus.PENDING_PAYMENT) {
            return;
        }
        order.expired();
        release(order);
        audit.record("checkout", "ORDER_EXPIRED", CASE, order.id(), "not paid in time; stock returned");
    }

    /** Gives back what placing the order took: its units and its share of China's annual limit. */
    private void release(CustomerOrder order) {
        for (OrderLine line : lines(order.id())) {
            if (line.warehouseId() != null) {
                warehouses.giveBack(line.warehouseId(), line.stockProductId(), line.quantity());
            } else {
                catalog.returnStock(line.stockProductId(), StockLocation.valueOf(line.location()), line.quantity());
            }
        }
        releaseAnnualAmount(order);
    }

    private void releaseAnnualAmount(CustomerOrder order) {
        if ("CN".equals(Destinations.area(order.destinationCountry()))) {
            limits.release(order.buyer(), "CN", LocalDate.ofInstant(order.createdAt(), CheckoutService.CHINA).getYear(),
                    order.dutiableValue());
        }
    }

    /** The seller (or, for dropship lines, the supplier) hands the parcel to the carrier and gets the waybill. */
    public OrderView ship(Caller caller, String id, ShipRequest request) {
        CustomerOrder order = visible(caller, id);
        if (!(caller.sellerId() != null && fulfils(caller.sellerId(), order) || shipsFromWarehouseOf(caller, order))) {
            throw CaravelException.forbidden();
        }
        if (order.status() != OrderStatus.PAID) {
            throw CaravelException.conflict("error.order.not-shippable", order.status().name());
        }
        if (order.sanctionsHold()) {
            throw CaravelException.conflict("error.order.on-hold");
        }
        String name = request == null || blank(request.consigneeName()) ? order.consigneeName() : request.consigneeName().trim();
        String address = request == null || blank(request.consigneeAddress())
                ? order.consigneeAddress() + ", " + order.consigneeCity() : request.consigneeAddress().trim();
        if (name.length() > 200 || address.length() > 400) {
            throw CaravelException.invalid("consigneeName", "error.order.consignee-size");
        }
        int grams = request != null && request.weightGrams() != null ? request.weightGrams() : 500;
        if (grams < 1 || grams > 1_000_000) {
            throw CaravelException.invalid("weightGrams", "error.order.weight");
        }
        Carrier.Parcel parcel = new Carrier.Parcel(order.id(), name, address, order.destinationCountry(), grams);
        String waybill = carrier.book(parcel);
        Instant now = clock.instant();
        em.persist(new Shipment(order.id(), carrier.code(), waybill, parcel, caller.username(), now));
        order.shipped(now);
        audit.recordBySeller(caller.username(), "ORDER_SHIPPED", CASE, order.id(), carrier.code() + " " + waybill);
        shippedEvents.fire(new OrderShipped(order.id()));
        webhooks.raise(WebhookEventType.ORDER_SHIPPED, order.sellerId(), order.id(), Webhooks.data("orderId", order.id(),
                "carrier", carrier.code(), "waybill", waybill));
        return view(caller, order);
    }

    /** The buyer confirms the parcel arrived (once; a dispute's claim window counts from then). */
    public OrderView confirmReceipt(Caller caller, String id) {
        CustomerOrder order = visible(caller, id);
        if (!order.buyer().equals(caller.username())) {
            throw CaravelException.forbidden();
        }
        if (order.status() != OrderStatus.SHIPPED) {
            throw CaravelException.conflict("error.order.not-shipped", order.status().name());
        }
        if (order.receivedAt() == null) {
            order.received(clock.instant());
            audit.record(caller.username(), "ORDER_RECEIVED", CASE, order.id(), "the buyer confirmed receipt");
        }
        return view(caller, order);
    }

    /** Where the order's customs declaration stands (written by the customs workflow). */
    public void customsStatus(String orderId, CustomsStatus status) {
        order(orderId).customs(status);
    }

    /** Holds an open order while compliance looks at a possible sanctions match on its consignee: it cannot be shipped. */
    public void hold(String orderId, String why) {
        CustomerOrder order = order(orderId);
        if (!order.sanctionsHold()) {
            order.hold();
            audit.recordForSeller("compliance", "ORDER_HELD", CASE, orderId, why, "the order is held for a compliance check");
        }
    }

    /** Lifts a compliance hold: the order may be shipped. */
    public void releaseHold(String orderId, String by) {
        CustomerOrder order = order(orderId);
        if (order.sanctionsHold()) {
            order.releaseHold();
            audit.recordForSeller(by, "ORDER_RELEASED", CASE, orderId, "compliance check passed",
                    "the compliance check passed; the order may be shipped");
        }
    }

    /**
     * Blocks an order whose consignee is a sanctioned party: its stock goes back and its declaration stops,
     * and the money taken stays held (never refunded to the listed party, never paid out). A shipped,
     * cancelled or expired order only keeps its record.
     */
    public void block(String orderId, String by) {
        CustomerOrder order = order(orderId);
        if (order.status() != OrderStatus.PENDING_PAYMENT && order.status() != OrderStatus.PAID) {
            order.releaseHold();
            return;
        }
        order.blocked();
        release(order);
        audit.recordForSeller(by, "ORDER_BLOCKED", CASE, orderId, "consignee confirmed as a sanctioned party; funds held",
                "the order was stopped by compliance");
        blockedEvents.fire(new OrderBlocked(orderId, by));
    }

    /** Cancels a paid order and refunds its payment in full (a customs agent's decision on a held declaration). */
    public void cancelAndRefund(String orderId, String by) {
        CustomerOrder order = order(orderId);
        if (order.status() == OrderStatus.CANCELLED) {
            return;
        }
        payments.refund(orderId);
        order.cancelled();
        releaseAnnualAmount(order);
        audit.record(by, "ORDER_CANCELLED", CASE, orderId, "refunded " + order.total().toPlainString() + " "
                + order.buyerCurrency());
    }

    /** An order as the workflow reads it, with its lines and shipment (no caller: the workflow acts for the platform). */
    public Sold sold(String orderId) {
        CustomerOrder order = order(orderId);
        Shipment shipment = em.createQuery("select s from Shipment s where s.orderId = :o", Shipment.class)
                .setParameter("o", orderId).getResultStream().findFirst().orElse(null);
        Payment payment = payments.ofOrder(orderId).stream().findFirst().orElse(null);
        return new Sold(order, lines(orderId), payment, shipment, CheckoutService.JSON.fromJson(order.pricing(), QuoteView.class));
    }

    /** An order as sold, for its buyer only (anyone else: not found). */
    public Sold soldTo(Caller caller, String orderId) {
        CustomerOrder order = em.find(CustomerOrder.class, orderId);
        if (order == null || !order.buyer().equals(caller.username()) || !caller.hasRole(Roles.BUYER)) {
            throw CaravelException.notFound("order", orderId);
        }
        return sold(orderId);
    }

    /** An order with everything a customs declaration is built from. */
    public record Sold(CustomerOrder order, List<OrderLine> lines, Payment payment, Shipment shipment, QuoteView pricing) {
    }

    private CustomerOrder order(String orderId) {
        CustomerOrder order = em.find(CustomerOrder.class, orderId);
        if (order == null) {
            throw CaravelException.notFound("order", orderId);
        }
        return order;
    }

    public OrderView get(Caller caller, String id) {
        return view(caller, visible(caller, id));
    }

    /** The caller's orders, newest first: a buyer's own, a seller's sold or fulfilled ones, every order for staff. */
    /** Every order a buyer placed, newest first (a data subject's export and erasure). */
    public List<CustomerOrder> ofBuyer(String buyer) {
        return em.createQuery("select o from CustomerOrder o where o.buyer = :b order by o.createdAt desc, o.id desc",
                CustomerOrder.class).setParameter("b", buyer).getResultList();
    }

    /** Replaces an order's consignee fields (erasure of an order that no customs or tax record needs). */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void anonymiseConsignee(String orderId) {
        order(orderId).anonymiseConsignee();
    }

    public Page<OrderView> list(Caller caller, OrderStatus status, PageRequest page) {
        StringBuilder jpql = new StringBuilder("select o from CustomerOrder o where 1 = 1");
        boolean shipper = !isStaff(caller) && !caller.hasRole(Roles.SELLER) && caller.hasRole(Roles.WAREHOUSE);
        if (isStaff(caller)) {
            // every order
        } else if (caller.hasRole(Roles.SELLER) && caller.sellerId() != null) {
            jpql.append(" and (o.sellerId = :me or o.id in (select l.orderId from OrderLine l where l.fulfilledBy = :me))");
        } else if (shipper) {
            // the orders warehouse staff ship: every line from one of their warehouses
            jpql.append(" and o.id in (select l.orderId from OrderLine l where l.warehouseId in :mine)"
                    + " and o.id not in (select l.orderId from OrderLine l where l.warehouseId is null or l.warehouseId not in :mine)");
        } else if (caller.hasRole(Roles.BUYER)) {
            jpql.append(" and o.buyer = :me");
        } else {
            throw CaravelException.forbidden();
        }
        if (status != null) {
            jpql.append(" and o.status = :status");
        }
        TimeCursor after = page.after() == null ? null : TimeCursor.parse(page.after());
        if (after != null) {
            jpql.append(" and (o.createdAt < :at or (o.createdAt = :at and o.id < :id))");
        }
        jpql.append(" order by o.createdAt desc, o.id desc");
        TypedQuery<CustomerOrder> query = em.createQuery(jpql.toString(), CustomerOrder.class);
        if (shipper) {
            Set<String> mine = warehouses.staffedBy(caller);
            query.setParameter("mine", mine.isEmpty() ? Set.of("-") : mine);
        } else if (!isStaff(caller)) {
            query.setParameter("me", caller.hasRole(Roles.SELLER) && caller.sellerId() != null ? caller.sellerId() : caller.username());
        }
        if (status != null) {
            query.setParameter("status", status);
        }
        if (after != null) {
            query.setParameter("at", after.at()).setParameter("id", after.id());
        }
        List<CustomerOrder> rows = query.setMaxResults(page.limit() + 1).getResultList();
        List<CustomerOrder> items = rows.stream().limit(page.limit()).toList();
        String next = rows.size() > page.limit()
                ? new TimeCursor(items.get(items.size() - 1).createdAt(), items.get(items.size() - 1).id()).next() : null;
        return new Page<>(items.stream().map(o -> view(caller, o)).toList(), next);
    }

    private CustomerOrder visible(Caller caller, String id) {
        CustomerOrder order = id == null ? null : em.find(CustomerOrder.class, id);
        if (order == null || !(isStaff(caller) || order.buyer().equals(caller.username()) && caller.hasRole(Roles.BUYER)
                || caller.sellerId() != null && fulfils(caller.sellerId(), order) || shipsFromWarehouseOf(caller, order))) {
            throw CaravelException.notFound("order", id);
        }
        return order;
    }

    /** Whether every line of the order ships from a warehouse the caller is staff of (the warehouse ships it). */
    private boolean shipsFromWarehouseOf(Caller caller, CustomerOrder order) {
        if (!caller.hasRole(Roles.WAREHOUSE)) {
            return false;
        }
        Set<String> mine = warehouses.staffedBy(caller);
        List<OrderLine> lines = lines(order.id());
        return !lines.isEmpty() && lines.stream().allMatch(l -> l.warehouseId() != null && mine.contains(l.warehouseId()));
    }

    private boolean fulfils(String sellerId, CustomerOrder order) {
        return order.sellerId().equals(sellerId) || lines(order.id()).stream().anyMatch(l -> l.fulfilledBy().equals(sellerId));
    }

    private List<OrderLine> lines(String orderId) {
        return em.createQuery("select l from OrderLine l where l.orderId = :o order by l.lineNo", OrderLine.class)
                .setParameter("o", orderId).getResultList();
    }

    private static boolean isStaff(Caller caller) {
        return caller.isComplianceStaff() || caller.hasRole(Roles.CUSTOMS_AGENT) || caller.hasRole(Roles.DISPUTE_AGENT);
    }

    private OrderView view(Caller caller, CustomerOrder o) {
        boolean buyer = o.buyer().equals(caller.username());
        Payment payment = payments.ofOrder(o.id()).stream().findFirst().orElse(null);
        Shipment shipment = em.createQuery("select s from Shipment s where s.orderId = :o", Shipment.class)
                .setParameter("o", o.id()).getResultStream().findFirst().orElse(null);
        String idNumber = buyer || isStaff(caller) ? o.consigneeIdNumber() : Masks.idNumber(o.consigneeIdNumber());
        Boolean hold = buyer && !isStaff(caller) ? null : o.sanctionsHold(); // the buyer is not told of a compliance check
        return new OrderView(o.id(), o.status().name(), o.customsStatus().name(), hold, o.createdAt(), o.paidAt(), o.shippedAt(),
                o.receivedAt(),
                o.sellerId(), o.destinationCountry(), o.regime(), new Money(o.total(), o.buyerCurrency()),
                new OrderView.Consignee(o.consigneeName(), o.consigneePhone(), o.consigneeAddress(), o.consigneeCity(),
                        o.consigneePostcode(), idNumber),
                CheckoutService.JSON.fromJson(o.pricing(), QuoteView.class),
                payment == null ? null : OrderView.PaymentView.of(payment, buyer),
                OrderView.ShipmentView.of(shipment), o.version());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
