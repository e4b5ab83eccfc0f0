package io.caravel.order;

/** Where an order stands for its buyer and seller. */
public enum OrderStatus {
    /** Placed, stock taken, waiting for the payment provider. */
    PENDING_PAYMENT,
    /** Paid in full (goods, shipping, duty and taxes): the seller ships, customs is declared. */
    PAID,
    /** The provider declined the payment; the stock went back. */
    PAYMENT_DECLINED,
    /** Not paid in time ({@code caravel.checkout.payment-window}); the stock went back. */
    PAYMENT_EXPIRED,
    /** Handed to the carrier with a waybill. */
    SHIPPED,
    /** Cancelled and refunded. */
    CANCELLED,
    /**
     * Stopped by compliance: the consignee was confirmed as a sanctioned party. The stock went back; the
     * money taken is held (blocked), never refunded to the listed party, and never paid out to the seller.
     */
    BLOCKED
}
