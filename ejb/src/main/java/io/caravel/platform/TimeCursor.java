package io.caravel.platform;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** The sort key of lists ordered by a time and then an id: the position after which the next page starts. */
public record TimeCursor(Instant at, String id) {

    /** Reads the key of a {@link PageRequest#after()}; a key not written by {@link #toString()} is a bad cursor. */
    public static TimeCursor parse(String key) {
        int bar = key.indexOf('|');
        try {
            if (bar < 1 || bar == key.length() - 1) {
                throw new IllegalArgumentException(key);
            }
            return new TimeCursor(Instant.parse(key.substring(0, bar)), key.substring(bar + 1));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw CaravelException.invalid("cursor", "error.cursor");
        }
    }

    /** The opaque cursor of the next page, after this key. */
    public String next() {
        return PageRequest.cursorAfter(toString());
    }

    @Override
    public String toString() {
        return at + "|" + id;
    }
}
