package io.caravel.customs.web;

import io.caravel.customs.CustomsService;
import io.caravel.customs.DeclarationDocuments;
import io.caravel.customs.Finding;
import io.caravel.inbox.web.TaskCase;
import io.caravel.order.OrderService;
import io.caravel.order.OrderView;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;

/**
 * The case page of a customs declaration beside its correction task: the order, payment, waybill and
 * inventory list side by side with the fields that do not agree marked, every submission and answer,
 * a form to correct a field, and (from {@link TaskCase}) the decision form: resubmit, or cancel and refund.
 */
@Named
@ViewScoped
public class DeclarationCaseBean extends TaskCase {

    @Inject
    private CustomsService customs;

    @Inject
    private OrderService orders;

    private transient CustomsService.DeclarationView declaration;
    private transient OrderView order;
    private String field = "waybill.consigneeName";
    private String value;

    /** One row of the side-by-side view: a field and its value in each document; marked when they disagree. */
    public record Row(String field, String order, String payment, String waybill, String inventory, boolean mismatch) {
    }

    @Override
    protected void loadCase() {
        getDeclaration();
    }

    public CustomsService.DeclarationView getDeclaration() {
        if (declaration == null) {
            declaration = customs.get(caller, getTask().caseId());
        }
        return declaration;
    }

    public OrderView getOrder() {
        if (order == null) {
            order = orders.get(caller, getDeclaration().orderId());
        }
        return order;
    }

    public List<Finding> getFindings() {
        return getDeclaration().findings();
    }

    /** The four documents side by side on the fields they share. */
    public List<Row> getRows() {
        DeclarationDocuments d = getDeclaration().documents();
        List<Row> rows = new ArrayList<>();
        if (d == null) {
            return rows;
        }
        var w = d.waybill();
        var p = d.payment();
        var o = d.order();
        // marked where the documents disagree now (a correction shows at once; findings are the last check's)
        rows.add(row("consigneeName", o.consigneeName(), p.payerName(), w == null ? null : w.consigneeName(), null,
                differs(o.consigneeName(), w == null ? null : w.consigneeName())));
        rows.add(row("consigneeAddress", o.consigneeAddress(), null, w == null ? null : w.consigneeAddress(), null, false));
        rows.add(row("idNumber", o.buyerIdNumber(), p.payerIdNumber(), null, null, differs(o.buyerIdNumber(), p.payerIdNumber())));
        rows.add(row("goodsValue", plain(o.goodsValue()), null, null, plain(d.inventory().totalValue()),
                differs(plain(o.goodsValue()), plain(d.inventory().totalValue()))));
        rows.add(row("freight", plain(o.freight()), null, null, null, false));
        rows.add(row("tax", plain(o.tax()), null, null, null, false));
        rows.add(row("actualPaid", plain(o.actualPaid()), plain(p.amountPaid()), null, null,
                differs(plain(o.actualPaid()), plain(p.amountPaid()))));
        rows.add(row("logisticsNo", null, null, w == null ? null : w.logisticsNo(), d.inventory().logisticsNo(),
                differs(w == null ? null : w.logisticsNo(), d.inventory().logisticsNo())));
        rows.add(row("transactionId", null, p.transactionId(), null, null, false));
        return rows;
    }

    public List<DeclarationDocuments.Item> getItems() {
        DeclarationDocuments d = getDeclaration().documents();
        return d == null ? List.of() : d.inventory().items();
    }

    /** Corrects one field of the held declaration; the page shows the new values and the agent then resubmits. */
    public void correct() {
        act(() -> {
            declaration = customs.correct(caller, getDeclaration().id(), new CustomsService.Correction(field, value));
            value = null;
        });
    }

    public List<String> getCorrectableFields() {
        return List.of("waybill.consigneeName", "waybill.consigneeAddress", "payment.payerIdNumber");
    }

    public boolean isHeld() {
        return "HELD".equals(getDeclaration().status());
    }

    private static Row row(String field, String order, String payment, String waybill, String inventory, boolean mismatch) {
        return new Row(field, order, payment, waybill, inventory, mismatch);
    }

    private static String plain(java.math.BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    public String getField() { return field; }
    public void setField(String field) { this.field = field; }
    public String getValue() { return value; }
    public void setValue(String value) { this.value = value; }

    private static boolean differs(String a, String b) {
        return CustomsService.disagree(a, b);
    }
}
