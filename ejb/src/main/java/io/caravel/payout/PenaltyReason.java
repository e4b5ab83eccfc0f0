package io.caravel.payout;

/** Why a seller is fined: the platform rule broken (words in zh and en on the pages and statements). */
public enum PenaltyReason {
    LATE_SHIPMENT,
    CANCELLATION,
    PROHIBITED_LISTING,
    COUNTERFEIT,
    PRICE_VIOLATION,
    POLICY_BREACH
}
