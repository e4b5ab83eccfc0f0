package io.caravel.risk;

/** The risk categories of cross-border trade; every risk event carries one. */
public enum RiskCategory {
    MARKET,
    COMPLIANCE,
    LOGISTICS,
    PAYMENT,
    IP,
    DATA,
    PLATFORM_RULES
}
