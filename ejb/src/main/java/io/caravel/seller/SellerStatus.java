package io.caravel.seller;

/** Where a seller account stands. Only ACTIVE sellers may list and sell. */
public enum SellerStatus {
    APPLYING,
    ACTIVE,
    SUSPENDED,
    REJECTED
}
