package io.caravel.tariff;

/** The kinds of row in the landed-cost rule table (see caravel/tariff/README.md). */
public enum RuleKind {
    DUTY, VAT, CONSUMPTION_TAX, TAX_FACTOR, LIMIT_PER_ORDER, LIMIT_PER_YEAR, IOSS_MAX,
    LOW_VALUE_DUTY_PER_SUBHEADING, VAT_AT_SALE_MAX, DE_MINIMIS, SHIPPING_BASE, SHIPPING_PER_KG
}
