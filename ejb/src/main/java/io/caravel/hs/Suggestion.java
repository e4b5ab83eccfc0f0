package io.caravel.hs;

import java.util.List;

/**
 * A code that may fit a product description: the subheading (or undivided heading), its description,
 * a score from 0 to 1 (the share of the product's words found, weighted by how telling they are) and
 * the way to it from the section.
 */
public record Suggestion(String code, String description, double score, HsSection section, List<HsNode> path) {

    public Suggestion {
        path = List.copyOf(path);
    }
}
