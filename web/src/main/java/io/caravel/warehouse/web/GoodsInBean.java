package io.caravel.warehouse.web;

import io.caravel.order.OrderService;
import io.caravel.order.OrderStatus;
import io.caravel.order.OrderView;
import io.caravel.platform.Caller;
import io.caravel.platform.CaravelException;
import io.caravel.platform.PageRequest;
import io.caravel.platform.web.ui.FacesMessages;
import io.caravel.seller.SellerDirectory;
import io.caravel.warehouse.InboundShipments;
import io.caravel.warehouse.InboundStatus;
import io.caravel.warehouse.Warehouses;
import jakarta.faces.view.ViewScoped;
import org.primefaces.PrimeFaces;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Warehouse → Goods in: the shipments on their way to the caller's warehouses; one is opened and
 * counted line by line (the count is typed, never pre-filled with the declaration), with a note the
 * seller reads; the shipments counted lately and the stock at the caller's warehouses.
 */
@Named
@ViewScoped
public class GoodsInBean implements Serializable {

    @Inject
    private transient InboundShipments shipments;

    @Inject
    private transient Warehouses warehouses;

    @Inject
    private transient OrderService orders;

    @Inject
    private transient SellerDirectory sellers;

    @Inject
    private Caller caller;

    private String openId;
    /** Units counted per line number; text or numbers from the page's inputs. */
    private final Map<Integer, Object> counts = new HashMap<>();
    private String note;
    private transient InboundShipments.View open;
    private transient List<InboundShipments.View> arriving;
    private transient List<InboundShipments.View> counted;
    private transient List<OrderView> toShip;
    private final Map<String, String> sellerNames = new HashMap<>();

    public List<InboundShipments.View> getArriving() {
        if (arriving == null) {
            arriving = shipments.list(caller, InboundStatus.IN_TRANSIT, null, PageRequest.of(PageRequest.MAX_LIMIT, null)).items();
        }
        return arriving;
    }

    public List<InboundShipments.View> getCounted() {
        if (counted == null) {
            counted = shipments.list(caller, null, null, PageRequest.of(PageRequest.DEFAULT_LIMIT, null)).items().stream()
                    .filter(s -> s.status() == InboundStatus.RECEIVED || s.status() == InboundStatus.RECEIVED_WITH_DISCREPANCY)
                    .toList();
        }
        return counted;
    }

    /** Paid orders whose every line ships from one of the caller's warehouses, to hand to the carrier. */
    public List<OrderView> getToShip() {
        if (toShip == null) {
            toShip = orders.list(caller, OrderStatus.PAID, PageRequest.of(PageRequest.MAX_LIMIT, null)).items();
        }
        return toShip;
    }

    public void ship(String orderId) {
        try {
            OrderView shipped = orders.ship(caller, orderId, null);
            toShip = null;
            FacesMessages.info("goodsIn.shipped", shipped.shipment().carrier() + " " + shipped.shipment().waybill());
        } catch (CaravelException e) {
            toShip = null;
            FacesMessages.error(e, null);
        }
    }

    public List<Warehouses.StockView> getStock() {
        return warehouses.stock(caller, null, null);
    }

    public String sellerName(String sellerId) {
        return sellerNames.computeIfAbsent(sellerId, k -> sellers.legalName(k));
    }

    public void open(String id) {
        openId = id;
        open = null;
        counts.clear();
        note = null;
    }

    public InboundShipments.View getOpen() {
        if (open == null && openId != null) {
            open = shipments.get(caller, openId);
        }
        return open;
    }

    public void record() {
        InboundShipments.View shipment = getOpen();
        if (shipment == null) {
            return;
        }
        List<InboundShipments.Receipt.Count> lines = new ArrayList<>();
        for (InboundShipments.LineView line : shipment.lines()) {
            Integer units = whole(counts.get(line.lineNo()));
            if (units == null) {
                FacesMessages.field("count-form:lines:" + (line.lineNo() - 1) + ":received", "error.inbound.count-missing",
                        line.lineNo());
                return;
            }
            lines.add(new InboundShipments.Receipt.Count(line.lineNo(), units));
        }
        try {
            InboundShipments.View done = shipments.receive(caller, shipment.id(), new InboundShipments.Receipt(lines, note));
            FacesMessages.info(done.status() == InboundStatus.RECEIVED ? "goodsIn.recorded" : "goodsIn.recorded-discrepancy");
            openId = null;
            open = null;
            arriving = null;
            counted = null;
            // the count panel closes: the confirmation shows above the list of arrivals
            PrimeFaces.current().ajax().update("arriving-form", "counted-form");
        } catch (CaravelException e) {
            FacesMessages.error(e, null);
        }
    }

    /** A number typed into a page's input as a whole number; none for an empty input (the inputs allow no fractions). */
    static Integer whole(Object typed) {
        if (typed instanceof Number n) {
            return n.intValue();
        }
        String text = typed == null ? "" : typed.toString().strip();
        try {
            return text.isEmpty() ? null : new java.math.BigDecimal(text).intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            return -1; // not a whole number: the service names the field and what is allowed
        }
    }

    public void close() {
        openId = null;
        open = null;
    }

    public Map<Integer, Object> getCounts() { return counts; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
}
