package io.caravel.onboarding;

/** The role of a person named in an application; every one of them is screened. */
public enum PartyRole {
    COMPANY,
    TRADING_NAME,
    DIRECTOR,
    BENEFICIAL_OWNER
}
