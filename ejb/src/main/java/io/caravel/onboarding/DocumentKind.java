package io.caravel.onboarding;

/** The documents a seller uploads with an application. The first two are required. */
public enum DocumentKind {
    BUSINESS_LICENCE,
    REPRESENTATIVE_ID,
    OTHER
}
