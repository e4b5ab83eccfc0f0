package io.caravel.order.web;

import io.caravel.order.OrderService;
import io.caravel.order.OrderView;
import io.caravel.platform.Caller;
import io.caravel.platform.CaravelException;
import io.caravel.platform.Page;
import io.caravel.platform.PageRequest;
import io.caravel.platform.web.ui.FacesMessages;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ResourceBundle;

/** The seller's orders page: orders sold or fulfilled (dropship), newest first, with their customs status; a paid one is shipped here. */
@Named
@ViewScoped
public class SellerOrdersBean implements Serializable {

    @Inject
    private transient OrderService orders;

    @Inject
    private Caller caller;

    private String cursor;
    private transient Page<OrderView> page;

    public Page<OrderView> getPage() {
        if (page == null) {
            page = orders.list(caller, null, PageRequest.of(PageRequest.DEFAULT_LIMIT, cursor));
        }
        return page;
    }

    /** Hands the order to the carrier (the simulator books it at once) and shows its waybill. */
    public void ship(String orderId) {
        try {
            OrderView shipped = orders.ship(caller, orderId, null);
            page = null;
            FacesContext faces = FacesContext.getCurrentInstance();
            String text = ResourceBundle.getBundle("i18n.messages", faces.getViewRoot().getLocale()).getString("orders.shipped");
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO,
                    java.text.MessageFormat.format(text, shipped.shipment().waybill()), null));
        } catch (CaravelException e) {
            FacesMessages.error(e, null);
        }
    }

    public String getCursor() { return cursor; }
    public void setCursor(String cursor) { this.cursor = cursor; }
}
