package io.caravel.dispute;

/** Where a dispute came from: a buyer's claim through a storefront or the API, or a chargeback reported by the payment provider. */
public enum DisputeSource {
    CLAIM,
    CHARGEBACK
}
