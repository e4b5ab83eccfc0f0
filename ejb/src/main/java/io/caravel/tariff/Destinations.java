package io.caravel.tariff;

import java.util.Locale;
import java.util.Set;

/** Which customs area a destination country belongs to: the EU's 27 members share one customs union. */
public final class Destinations {

    public static final String EU = "EU";

    private static final Set<String> EU_MEMBERS = Set.of("AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR",
            "GR", "HR", "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK");

    private Destinations() {
    }

    /** "EU" for a member state, the country itself otherwise (CN, GB, US, ...). */
    public static String area(String country) {
        String code = country.toUpperCase(Locale.ROOT);
        return EU_MEMBERS.contains(code) ? EU : code;
    }

    /** The currency customs values and thresholds are kept in for an area. */
    public static String customsCurrency(String area) {
        return switch (area) {
            case "CN" -> "CNY";
            case "GB" -> "GBP";
            case "US" -> "USD";
            default -> "EUR";
        };
    }
}
