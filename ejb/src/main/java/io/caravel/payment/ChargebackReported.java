package io.caravel.payment;

/** Fired (synchronously, in the webhook's transaction) for each new chargeback event of a payment of an order. */
public record ChargebackReported(String orderId, String paymentId, ChargebackReport report) {
}
