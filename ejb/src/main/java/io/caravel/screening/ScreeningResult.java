package io.caravel.screening;

import java.util.List;

/** The outcome of screening one name: the hits (those that stand first, then the discounted ones), the list versions and the threshold used. */
public record ScreeningResult(String name, PartyType type, String listVersion, double threshold, List<ScreeningHit> hits) {

    public ScreeningResult {
        hits = List.copyOf(hits);
    }

    /** Whether a hit stands after the identifiers were compared (discounted hits do not). */
    public boolean hit() {
        return hits.stream().anyMatch(h -> !h.discounted());
    }

    /** The best score of a hit that stands, 0 without one. */
    public double topScore() {
        return hits.stream().filter(h -> !h.discounted()).mapToDouble(ScreeningHit::finalScore).max().orElse(0.0);
    }
}
