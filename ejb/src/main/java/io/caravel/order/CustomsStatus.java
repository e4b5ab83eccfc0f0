package io.caravel.order;

/** Where an order's customs declaration stands. */
public enum CustomsStatus {
    /** Not paid yet: nothing to declare. */
    NOT_DECLARED,
    /** Paid: the declaration waits for the waybill, is built, checked and submitted. */
    IN_PROGRESS,
    /** Held: a customs agent corrects it. */
    HELD,
    /** Accepted by customs. */
    CLEARED,
    /** Cancelled with the order. */
    CANCELLED
}
