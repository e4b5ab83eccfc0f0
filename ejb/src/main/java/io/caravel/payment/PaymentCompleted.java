package io.caravel.payment;

/** Fired (synchronously, in the transaction that applied it) when a payment of an order succeeded or was declined. */
public record PaymentCompleted(String orderId, String paymentId, boolean succeeded) {
}
