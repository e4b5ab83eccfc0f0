package io.caravel.customs;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The data a declaration is made of, in the destination's customs currency: the order, the payment,
 * the waybill and the inventory list. For China these are the four messages of 三单对碰 (CEB311 order,
 * CEB411 payment, CEB511 waybill, CEB621 inventory), which must agree; for the EU they carry the H7
 * (IOSS) or H1 data set, for the UK and US the entry data.
 */
public record DeclarationDocuments(String regime, String currency, OrderMessage order, PaymentMessage payment,
                                   WaybillMessage waybill, InventoryMessage inventory) {

    /** CEB311: the order as the platform sold it. Amount paid = goods + freight + tax − discount. */
    public record OrderMessage(String orderNo, String buyerIdNumber, String consigneeName, String consigneeAddress,
                               String consigneePhone, String destinationCountry, BigDecimal goodsValue, BigDecimal freight,
                               BigDecimal tax, BigDecimal discount, BigDecimal actualPaid) {
    }

    /** CEB411: the payment as the payment provider reported it. */
    public record PaymentMessage(String provider, String transactionId, String payerName, String payerIdNumber,
                                 BigDecimal amountPaid, String paidCurrency, Instant paidAt) {
    }

    /** CEB511: the waybill as the carrier printed it. */
    public record WaybillMessage(String carrier, String logisticsNo, String consigneeName, String consigneeAddress,
                                 Integer grossWeightGrams) {
    }

    /** CEB621: the inventory list, one item per order line. */
    public record InventoryMessage(String orderNo, String logisticsNo, List<Item> items, BigDecimal totalValue) {
    }

    /** One declared item: HS code in the edition named, description, origin, quantity and value. */
    @Schema(name = "DeclarationItem")
    public record Item(int lineNo, String hsCode, String hsEdition, String description, String originCountry, int quantity,
                       BigDecimal value) {
    }
}
