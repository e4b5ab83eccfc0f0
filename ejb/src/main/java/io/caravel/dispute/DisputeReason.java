package io.caravel.dispute;

/** Why a buyer (or the buyer's bank, in a chargeback) disputes an order line. */
public enum DisputeReason {
    NOT_RECEIVED,
    NOT_AS_DESCRIBED,
    DAMAGED,
    UNAUTHORIZED
}
