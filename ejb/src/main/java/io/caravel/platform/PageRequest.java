package io.caravel.platform;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A request for one page: at most {@code limit} items after {@code cursor}. Cursors are opaque to
 * clients: the base64url form of the last item's sort key.
 */
public record PageRequest(int limit, String after) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    /** Parses the {@code limit} and {@code cursor} query parameters; bad values are a validation problem. */
    public static PageRequest of(Integer limit, String cursor) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw CaravelException.invalid("limit", "error.limit", 1, MAX_LIMIT);
        }
        String after = null;
        if (cursor != null && !cursor.isBlank()) {
            try {
                after = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw CaravelException.invalid("cursor", "error.cursor");
            }
        }
        return new PageRequest(size, after);
    }

    /** The cursor that continues after an item with this sort key. */
    public static String cursorAfter(String sortKey) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sortKey.getBytes(StandardCharsets.UTF_8));
    }
}
