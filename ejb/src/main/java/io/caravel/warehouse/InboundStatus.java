package io.caravel.warehouse;

/** Where an inbound shipment stands. */
public enum InboundStatus {
    /** Sent by the seller, not yet counted at the warehouse. */
    IN_TRANSIT,
    /** Counted in, every line as declared. */
    RECEIVED,
    /** Counted in with fewer (or more) units than declared on some line: a logistics risk event. */
    RECEIVED_WITH_DISCREPANCY,
    /** Withdrawn by the seller before it was counted. */
    CANCELLED
}
