package io.caravel.customs;

/** Where a customs declaration stands. */
public enum DeclarationStatus {
    /** The order is paid; the seller has not shipped yet. */
    AWAITING_WAYBILL,
    /** Built from the order, payment, waybill and items; being checked. */
    BUILT,
    /** Sent to the customs gateway; waiting for its answer. */
    SUBMITTED,
    /** Invalid, rejected or unanswered: a customs agent corrects it. */
    HELD,
    /** Accepted by customs. */
    CLEARED,
    /** The order was cancelled and refunded instead. */
    CANCELLED
}
