package io.caravel.payout;

/** Where a payout stands: calculated and owed to the seller, or paid out (with the bank's reference). */
public enum PayoutStatus {
    DUE,
    PAID,
    /** Nothing to pay (all held back, or the seller owes the platform): a negative balance is carried into the next payout. */
    CARRIED
}
