package io.caravel.warehouse.web;

import io.caravel.platform.Caller;
import io.caravel.platform.CaravelException;
import io.caravel.platform.PageRequest;
import io.caravel.platform.web.ui.FacesMessages;
import io.caravel.warehouse.InboundShipments;
import io.caravel.warehouse.InboundStatus;
import io.caravel.warehouse.Warehouses;
import jakarta.faces.view.ViewScoped;
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
    private Caller caller;

    private String openId;
    /** Units counted per line number; text or numbers from the page's inputs. */
    private final Map<Integer, Object> counts = new HashMap<>();
    private String note;
    private transient InboundShipments.View open;
    private transient List<InboundShipments.View> arriving;
    private transient List<InboundShipments.View> counted;

    public List<InboundShipments.View> getArriving() {
        if (arriving == null) {
            arriving = shipments.list(caller, InboundStatus.IN_TRANSIT, null, PageRequest.of(PageRequest.MAX_LIMIT, null)).items();
        }
        return arriving;
    }

    public List<InboundShipments.View> getCounted() {
        if (counted == null) {
            counted = shipments.list(caller, null, null, PageRequest.of(PageRequest.DEFAULT_LIMIT, null)).items().stream()
                    .filter(s -> s.status() != InboundStatus.IN_TRANSIT).toList();
        }
        return counted;
    }

    public List<Warehouses.StockView> getStock() {
        return warehouses.stock(caller, null, null);
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
