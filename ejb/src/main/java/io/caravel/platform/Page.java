package io.caravel.platform;

import java.util.List;

/** One page of a list in a stable order, with the cursor of the next page (null on the last page). */
public record Page<T>(List<T> items, String nextCursor) {

    public Page {
        items = List.copyOf(items);
    }
}
