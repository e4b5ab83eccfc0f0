package io.caravel.order;

/** An order was placed (fired in the placing transaction: observers act with it or not at all). */
public record OrderPlaced(String orderId) {
}
