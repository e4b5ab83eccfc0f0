package io.caravel.order;

/** Compliance blocked an order (its consignee is a sanctioned party): nothing may be declared or shipped for it. */
public record OrderBlocked(String orderId, String by) {
}
