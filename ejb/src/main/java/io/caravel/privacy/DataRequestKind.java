package io.caravel.privacy;

/** What a data subject asks for (GDPR Art. 15/20 and 17; PIPL Art. 45 and 47). */
public enum DataRequestKind {
    /** A copy of the personal data held about them, as JSON. */
    EXPORT,
    /** Erasure: personal fields anonymised, except what customs, tax or anti-money-laundering records must keep. */
    ERASURE
}
