package io.caravel.payout;

/** Where a payout stands: calculated and owed to the seller, or paid out (with the bank's reference). */
public enum PayoutStatus {
    DUE,
    PAID,
    /** The seller owes the platform (refunds and fees above sales): carried into the next payout, nothing is paid. */
    CARRIED
}
