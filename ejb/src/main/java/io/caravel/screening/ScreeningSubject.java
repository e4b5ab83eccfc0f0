package io.caravel.screening;

/** Whose names a screening verdict is remembered for: a seller (by seller id), a buyer's consignees (by username), a creator (by creator id). */
public enum ScreeningSubject {
    SELLER,
    BUYER,
    CREATOR
}
