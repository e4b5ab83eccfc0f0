package io.caravel.customs;

import io.caravel.platform.CaravelException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A declaration's documents in the message layout of its regime, for a broker or a real gateway:
 * for China the cross-border e-commerce messages CEB311 (order), CEB411 (payment), CEB511 (waybill)
 * and CEB621 (inventory list) in the {@code ceb} XML namespace with the heads and lists those messages
 * carry; for the EU the H7 (IOSS) or H1 data set, for the UK and US the entry data, as named fields.
 * The platform's own registration codes (e-commerce platform, enterprise, payment and logistics
 * companies) are configuration; the demo codes are placeholders, not registered ones.
 */
public final class DeclarationExport {

    public static final List<String> CN_MESSAGES = List.of("CEB311", "CEB411", "CEB511", "CEB621");
    static final String CEB = "http://www.chinaport.gov.cn/ceb";
    private static final DateTimeFormatter CEB_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
            .withZone(ZoneId.of("Asia/Shanghai"));

    /** The registration codes a Chinese declaration names (e-commerce platform and enterprise). */
    public record Codes(String platformCode, String platformName) {
    }

    private DeclarationExport() {
    }

    /** One CEB message of a Chinese declaration as XML. */
    public static String ceb(String id, String message, DeclarationDocuments d, Codes codes, Instant now) {
        if (!d.regime().startsWith("CN_")) {
            throw CaravelException.invalid("message", "error.customs.export-message", "H7/H1/entry (JSON)");
        }
        try {
            StringWriter out = new StringWriter();
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeStartElement("ceb", message + "Message", CEB);
            x.writeNamespace("ceb", CEB);
            x.writeAttribute("guid", id);
            x.writeAttribute("version", "1.0");
            String time = CEB_TIME.format(now);
            switch (message) {
                case "CEB311" -> {
                    x.writeStartElement("ceb", "Order", CEB);
                    head(x, "OrderHead", fields(
                            "guid", id, "appType", "1", "appTime", time, "appStatus", "2",
                            "orderType", d.regime().equals("CN_1210") ? "B" : "I", "orderNo", d.order().orderNo(),
                            "ebpCode", codes.platformCode(), "ebpName", codes.platformName(),
                            "ebcCode", codes.platformCode(), "ebcName", codes.platformName(),
                            "goodsValue", d.order().goodsValue(), "freight", d.order().freight(), "discount", d.order().discount(),
                            "taxTotal", d.order().tax(), "acturalPaid", d.order().actualPaid(), "currency", "142",
                            "buyerIdType", "1", "buyerIdNumber", d.order().buyerIdNumber(), "buyerName", d.order().consigneeName(),
                            "buyerTelephone", d.order().consigneePhone(), "consignee", d.order().consigneeName(),
                            "consigneeTelephone", d.order().consigneePhone(), "consigneeAddress", d.order().consigneeAddress()));
                    for (DeclarationDocuments.Item item : d.inventory().items()) {
                        head(x, "OrderList", fields("gnum", item.lineNo(), "itemNo", item.lineNo(), "itemName", item.description(),
                                "qty", item.quantity(), "unit", "011", "price", unitPrice(item), "totalPrice", item.value(),
                                "currency", "142", "country", item.originCountry()));
                    }
                    x.writeEndElement();
                }
                case "CEB411" -> {
                    x.writeStartElement("ceb", "Payment", CEB);
                    head(x, "PaymentHead", fields("guid", id, "appType", "1", "appTime", time, "appStatus", "2",
                            "payCode", d.payment().provider(), "payName", d.payment().provider(),
                            "payTransactionId", d.payment().transactionId(), "orderNo", d.order().orderNo(),
                            "ebpCode", codes.platformCode(), "ebpName", codes.platformName(), "payerIdType", "1",
                            "payerIdNumber", d.payment().payerIdNumber(), "payerName", d.payment().payerName(),
                            "amountPaid", d.payment().amountPaid(), "currency", "142",
                            "payTime", d.payment().paidAt() == null ? null : CEB_TIME.format(d.payment().paidAt())));
                    x.writeEndElement();
                }
                case "CEB511" -> {
                    x.writeStartElement("ceb", "Logistics", CEB);
                    var w = d.waybill();
                    head(x, "LogisticsHead", fields("guid", id, "appType", "1", "appTime", time, "appStatus", "2",
                            "logisticsCode", w == null ? null : w.carrier(), "logisticsName", w == null ? null : w.carrier(),
                            "logisticsNo", w == null ? null : w.logisticsNo(), "orderNo", d.order().orderNo(),
                            "freight", d.order().freight(), "insuredFee", BigDecimal.ZERO, "currency", "142",
                            "weight", w == null || w.grossWeightGrams() == null ? null
                                    : BigDecimal.valueOf(w.grossWeightGrams()).movePointLeft(3),
                            "packNo", 1, "consignee", w == null ? null : w.consigneeName(),
                            "consigneeAddress", w == null ? null : w.consigneeAddress(),
                            "consigneeTelephone", d.order().consigneePhone()));
                    x.writeEndElement();
                }
                case "CEB621" -> {
                    x.writeStartElement("ceb", "Inventory", CEB);
                    head(x, "InventoryHead", fields("guid", id, "appType", "1", "appTime", time, "appStatus", "2",
                            "orderNo", d.order().orderNo(), "ebpCode", codes.platformCode(), "ebpName", codes.platformName(),
                            "logisticsNo", d.inventory().logisticsNo(), "copNo", id,
                            "tradeMode", d.regime().equals("CN_1210") ? "1210" : "9610",
                            "buyerIdType", "1", "buyerIdNumber", d.order().buyerIdNumber(), "buyerName", d.order().consigneeName(),
                            "consigneeAddress", d.order().consigneeAddress(), "freight", d.order().freight(),
                            "insuredFee", BigDecimal.ZERO, "currency", "142"));
                    for (DeclarationDocuments.Item item : d.inventory().items()) {
                        head(x, "InventoryList", fields("gnum", item.lineNo(), "itemNo", item.lineNo(),
                                "itemName", item.description(), "gcode", item.hsCode(), "country", item.originCountry(),
                                "qty", item.quantity(), "unit", "011", "price", unitPrice(item), "totalPrice", item.value(),
                                "currency", "142"));
                    }
                    x.writeEndElement();
                }
                default -> throw CaravelException.invalid("message", "error.customs.export-message", String.join(", ", CN_MESSAGES));
            }
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
            return out.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The EU H7 or H1 data set, or the UK/US entry data, as named fields (JSON). */
    public static Map<String, Object> dataSet(String id, DeclarationDocuments d) {
        if (d.regime().startsWith("CN_")) {
            throw CaravelException.invalid("message", "error.customs.export-message", String.join(", ", CN_MESSAGES));
        }
        Map<String, Object> set = new LinkedHashMap<>();
        set.put("dataSet", switch (d.regime()) {
            case "EU_IOSS" -> "H7";
            case "EU_H1" -> "H1";
            default -> d.regime();
        });
        set.put("localReferenceNumber", id);
        set.put("orderNumber", d.order().orderNo());
        set.put("destinationCountry", d.order().destinationCountry());
        set.put("consignee", Map.of("name", d.order().consigneeName(), "address", d.order().consigneeAddress()));
        set.put("transportDocument", d.waybill() == null ? null : d.waybill().carrier() + " " + d.waybill().logisticsNo());
        set.put("grossMassKg", d.waybill() == null || d.waybill().grossWeightGrams() == null ? null
                : BigDecimal.valueOf(d.waybill().grossWeightGrams()).movePointLeft(3));
        set.put("currency", d.currency());
        set.put("intrinsicValue", d.order().goodsValue());
        set.put("transportCosts", d.order().freight());
        set.put("dutyAndTaxes", d.order().tax());
        set.put("items", d.inventory().items().stream().map(i -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("itemNumber", i.lineNo());
            item.put("commodityCode", i.hsCode());
            item.put("hsEdition", i.hsEdition());
            item.put("description", i.description());
            item.put("countryOfOrigin", i.originCountry());
            item.put("quantity", i.quantity());
            item.put("intrinsicValue", i.value());
            return item;
        }).toList());
        return set;
    }

    private static BigDecimal unitPrice(DeclarationDocuments.Item item) {
        return item.quantity() == 0 ? item.value()
                : item.value().divide(BigDecimal.valueOf(item.quantity()), 2, java.math.RoundingMode.HALF_UP);
    }

    private static Map<String, Object> fields(Object... pairs) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put((String) pairs[i], pairs[i + 1]);
        }
        return fields;
    }

    private static void head(XMLStreamWriter x, String element, Map<String, Object> fields) throws XMLStreamException {
        x.writeStartElement("ceb", element, CEB);
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            x.writeStartElement("ceb", field.getKey(), CEB);
            Object value = field.getValue();
            x.writeCharacters(value == null ? "" : value instanceof BigDecimal b ? b.toPlainString() : value.toString());
            x.writeEndElement();
        }
        x.writeEndElement();
    }
}
