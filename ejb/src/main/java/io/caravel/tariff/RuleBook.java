package io.caravel.tariff;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One version of the landed-cost rule table, to look rules up by kind, destination, HS code,
 * shipping method and day. A country's own row wins over its area's, a longer HS prefix over a
 * shorter one.
 */
public record RuleBook(int version, List<LandedCostRule> rules) {

    public RuleBook {
        rules = List.copyOf(rules);
    }

    /** The rule in force on {@code day}, if any. */
    public Optional<LandedCostRule> find(RuleKind kind, String country, String hsCode, String method, LocalDate day) {
        String area = Destinations.area(country);
        return rules.stream()
                .filter(r -> r.kind() == kind && r.inForce(day))
                .filter(r -> r.area().equals(country) || r.area().equals(area))
                .filter(r -> r.method() == null || r.method().equals(method))
                .filter(r -> r.hsPrefix() == null || hsCode != null && hsCode.startsWith(r.hsPrefix()))
                .max(Comparator.<LandedCostRule>comparingInt(r -> r.area().equals(country) ? 1 : 0)
                        .thenComparingInt(r -> r.hsPrefix() == null ? 0 : r.hsPrefix().length()));
    }

    /** Whether goods can be sent to the country at all: its VAT or duty is known. */
    public boolean serves(String country, LocalDate day) {
        return find(RuleKind.DUTY, country, null, null, day).isPresent()
                || find(RuleKind.VAT, country, null, null, day).isPresent();
    }
}
