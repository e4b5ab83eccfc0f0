package io.caravel.order;

/** Fired (synchronously, in the transaction that recorded it) when an order is paid in full: its customs declaration starts. */
public record OrderPaid(String orderId) {
}
