package io.caravel.warehouse.web;

import io.caravel.platform.Caller;
import io.caravel.platform.CaravelException;
import io.caravel.platform.PageRequest;
import io.caravel.platform.web.ui.FacesMessages;
import io.caravel.warehouse.InboundShipments;
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
 * Seller portal → Warehouses: send goods to an overseas warehouse (a quantity per product), the
 * shipments sent with what the warehouse counted, and the units on hand at each warehouse.
 */
@Named
@ViewScoped
public class SellerWarehousesBean implements Serializable {

    @Inject
    private transient Warehouses warehouses;

    @Inject
    private transient InboundShipments shipments;

    @Inject
    private Caller caller;

    private String warehouseId;
    private String carrier;
    private String trackingNumber;
    /** Units typed per product; the page's number inputs give text or numbers (a map's value has no type for EL). */
    private final Map<String, Object> quantities = new HashMap<>();
    private transient List<Warehouses.Sendable> products;
    private transient List<InboundShipments.View> sent;
    private transient List<Warehouses.StockView> stock;

    public List<Warehouses.View> getWarehouses() {
        return warehouses.list(caller);
    }

    public List<Warehouses.Sendable> getProducts() {
        if (products == null) {
            products = warehouses.sendable(caller);
        }
        return products;
    }

    public List<InboundShipments.View> getShipments() {
        if (sent == null) {
            sent = shipments.list(caller, null, null, PageRequest.of(PageRequest.MAX_LIMIT, null)).items();
        }
        return sent;
    }

    public List<Warehouses.StockView> getStock() {
        if (stock == null) {
            stock = warehouses.stock(caller, null, null);
        }
        return stock;
    }

    public void send() {
        List<InboundShipments.Request.Line> lines = new ArrayList<>();
        for (Warehouses.Sendable p : getProducts()) {
            Integer quantity = GoodsInBean.whole(quantities.get(p.productId()));
            if (quantity != null && quantity != 0) {
                lines.add(new InboundShipments.Request.Line(p.productId(), quantity));
            }
        }
        try {
            shipments.create(caller,
                    new InboundShipments.Request(warehouseId, carrier, trackingNumber, lines));
            quantities.clear();
            carrier = null;
            trackingNumber = null;
            sent = null;
            FacesMessages.info("warehouses.sent");
        } catch (CaravelException e) {
            FacesMessages.error(e, "send-form:");
        }
    }

    public void cancel(String id) {
        try {
            shipments.cancel(caller, id);
            sent = null;
            FacesMessages.info("warehouses.withdrawn");
        } catch (CaravelException e) {
            FacesMessages.error(e, null);
        }
    }

    public Map<String, Object> getQuantities() { return quantities; }
    public String getWarehouseId() { return warehouseId; }
    public void setWarehouseId(String warehouseId) { this.warehouseId = warehouseId; }
    public String getCarrier() { return carrier; }
    public void setCarrier(String carrier) { this.carrier = carrier; }
    public String getTrackingNumber() { return trackingNumber; }
    public void setTrackingNumber(String trackingNumber) { this.trackingNumber = trackingNumber; }
}
