package io.caravel.dispute;

/** Where a dispute stands, in words a buyer and a seller understand (zh and en in the bundles under disputeStatus.*). */
public enum DisputeStatus {
    /** Opened; the seller is being told. */
    OPEN,
    /** The seller has until the deadline to accept or contest. */
    AWAITING_SELLER,
    /** Contested: a dispute agent decides. */
    UNDER_REVIEW,
    /** Decided for the buyer (in full or in part): refunded. */
    RESOLVED_BUYER,
    /** Decided for the seller: no refund. */
    RESOLVED_SELLER,
    /** A party appealed: another agent decides. */
    APPEALED,
    /** Final. */
    CLOSED
}
