package io.caravel.dispute;

/** Who wrote a message or gave evidence in a dispute. */
public enum Party {
    BUYER,
    SELLER,
    AGENT,
    PLATFORM
}
