package io.caravel.screening;

import java.util.List;

/** The outcome of screening one name: the hits, the list version and the threshold used. */
public record ScreeningResult(String name, PartyType type, String listVersion, double threshold, List<ScreeningHit> hits) {

    public ScreeningResult {
        hits = List.copyOf(hits);
    }

    public boolean hit() {
        return !hits.isEmpty();
    }

    public double topScore() {
        return hits.isEmpty() ? 0.0 : hits.get(0).score();
    }
}
