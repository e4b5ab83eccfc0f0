package io.caravel.order;

/** Fired (synchronously, in the shipping transaction) when an order's parcel got its waybill. */
public record OrderShipped(String orderId) {
}
