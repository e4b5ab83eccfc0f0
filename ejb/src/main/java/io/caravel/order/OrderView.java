package io.caravel.order;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.caravel.payment.Payment;
import io.caravel.platform.Money;
import io.caravel.shipping.Shipment;
import java.time.Instant;

/**
 * An order as its buyer, its seller and staff see it: status, customs status, the pricing it was
 * placed with (never recomputed), the consignee, the payment and the shipment. A seller sees the
 * consignee's ID number masked. {@code complianceHold}: a possible sanctions match on the consignee
 * holds the order (seller and staff see it; null for the buyer, who is not told of the check).
 */
public record OrderView(String id, String status, String customsStatus, Boolean complianceHold, Instant createdAt, Instant paidAt,
                        Instant shippedAt, Instant receivedAt, String sellerId, String destinationCountry, String regime, Money total,
                        Consignee consignee, QuoteView pricing, PaymentView payment, ShipmentView shipment, int version) {

    /** Who receives the parcel. */
    @Schema(name = "OrderConsignee")
    public record Consignee(String name, String phone, String address, String city, String postcode, String idNumber) {
    }

    /** The order's payment: status, amount, what was refunded, where a pending one is paid, and the payer data of China's CEB411. */
    public record PaymentView(String id, String status, Money amount, String payUrl, String provider, String transactionId,
                              String payerName, String declineReason, Instant completedAt, Money refunded) {
        static PaymentView of(Payment p, boolean forBuyer) {
            return new PaymentView(p.id(), p.status().name(), p.amount(),
                    forBuyer && p.status() == Payment.Status.PENDING ? p.payUrl() : null,
                    p.provider(), p.transactionId(), p.payerName(), p.declineReason(), p.completedAt(), p.refunded());
        }
    }

    /** The parcel handed to the carrier. */
    public record ShipmentView(String carrier, String waybill, String consigneeName, String consigneeAddress, Instant createdAt) {
        static ShipmentView of(Shipment s) {
            return s == null ? null : new ShipmentView(s.carrier(), s.waybill(), s.consigneeName(), s.consigneeAddress(),
                    s.createdAt());
        }
    }

}
