package io.caravel.screening;

/** Whose names a screening verdict is remembered for: a seller (by seller id) or a buyer's consignees (by username). */
public enum ScreeningSubject {
    SELLER,
    BUYER
}
