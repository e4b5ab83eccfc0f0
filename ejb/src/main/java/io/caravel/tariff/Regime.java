package io.caravel.tariff;

/** The import regime a parcel is declared under, chosen by destination, value and where it ships from. */
public enum Regime {
    /** China cross-border retail import, direct mail (9610). */
    CN_9610("CN"),
    /** China cross-border retail import from a bonded warehouse (1210). */
    CN_1210("CN"),
    /** EU Import One-Stop Shop: VAT collected at checkout, H7 data set (up to €150). */
    EU_IOSS("EU"),
    /** EU standard import declaration, H1 (above €150). */
    EU_H1("EU"),
    /** UK goods up to £135: VAT charged at the point of sale. */
    UK_VAT_AT_SALE("GB"),
    /** UK goods above £135: import VAT and duty at the border. */
    UK_IMPORT("GB"),
    /** US formal or informal entry: declared and dutiable. */
    US_ENTRY("US"),
    /** US de minimis entry (only while a de minimis amount is in force). */
    US_DE_MINIMIS("US");

    private final String area;

    Regime(String area) {
        this.area = area;
    }

    public String area() {
        return area;
    }
}
