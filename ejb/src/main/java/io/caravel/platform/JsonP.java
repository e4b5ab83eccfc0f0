package io.caravel.platform;

import jakarta.json.spi.JsonProvider;

/**
 * The JSON-P provider, looked up once. {@code jakarta.json.Json}'s factory methods look the provider up
 * through the service loader on every call (a scan of the application's class path), which on a
 * request path costs more than the JSON itself; use {@link #PROVIDER} instead.
 */
public final class JsonP {

    public static final JsonProvider PROVIDER = JsonProvider.provider();

    private JsonP() {
    }
}
