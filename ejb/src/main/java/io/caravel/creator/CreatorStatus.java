package io.caravel.creator;

/** Where a creator stands: screened and waiting for compliance, able to earn, refused, or stopped. */
public enum CreatorStatus {
    /** A possible sanctions match waits for a compliance officer; links earn nothing yet. */
    SCREENING,
    ACTIVE,
    REJECTED,
    SUSPENDED
}
