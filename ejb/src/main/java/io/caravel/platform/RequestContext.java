package io.caravel.platform;

/** The id of the HTTP request the current thread serves, for logs, audit entries and problem responses. */
public final class RequestContext {

    private static final ThreadLocal<String> REQUEST_ID = new ThreadLocal<>();

    private RequestContext() {
    }

    public static String requestId() {
        return REQUEST_ID.get();
    }

    public static void begin(String requestId) {
        REQUEST_ID.set(requestId);
    }

    public static void end() {
        REQUEST_ID.remove();
    }
}
