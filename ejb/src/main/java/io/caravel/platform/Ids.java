package io.caravel.platform;

import java.util.UUID;

/** Public identifiers: random UUIDs, so ids in URLs cannot be guessed. */
public final class Ids {

    private Ids() {
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }
}
