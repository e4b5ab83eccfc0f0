package io.caravel.platform;

import java.net.URI;

/**
 * The stable problem types of the API (RFC 9457 {@code type}). Clients may rely on these URIs; the
 * titles are translated through the {@code i18n/problems} bundle under {@code problem.<slug>.title}.
 */
public enum ProblemType {
    MALFORMED_REQUEST(400, "malformed-request"),
    VALIDATION(400, "validation"),
    UNAUTHENTICATED(401, "unauthenticated"),
    FORBIDDEN(403, "forbidden"),
    /** The caller's password was reset by an administrator: only choosing a new one is allowed. */
    PASSWORD_CHANGE_REQUIRED(403, "password-change-required"),
    NOT_FOUND(404, "not-found"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed"),
    NOT_ACCEPTABLE(406, "not-acceptable"),
    CONFLICT(409, "conflict"),
    /** Fewer units in stock than ordered (someone else bought them since the quote). */
    OUT_OF_STOCK(409, "out-of-stock"),
    PRECONDITION_FAILED(412, "precondition-failed"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type"),
    IDEMPOTENCY_KEY_REUSED(422, "idempotency-key-reused"),
    /** The quote's prices are no longer guaranteed: ask for a new quote. */
    QUOTE_EXPIRED(422, "quote-expired"),
    /** A dispute opened after its claim window closed (the rules say how long it is). */
    CLAIM_WINDOW_CLOSED(422, "claim-window-closed"),
    TOO_MANY_REQUESTS(429, "too-many-requests"),
    INTERNAL(500, "internal-error"),
    UNAVAILABLE(503, "service-unavailable");

    public static final String BASE = "https://caravel.io/problems/";

    private final int status;
    private final String slug;

    ProblemType(int status, String slug) {
        this.status = status;
        this.slug = slug;
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public URI uri() {
        return URI.create(BASE + slug);
    }

    public String titleKey() {
        return "problem." + slug + ".title";
    }

    /** The problem type a bare HTTP status maps to, for errors raised by the container. */
    public static ProblemType forStatus(int status) {
        for (ProblemType type : values()) {
            if (type.status == status && type != VALIDATION && type != IDEMPOTENCY_KEY_REUSED
                    && type != OUT_OF_STOCK && type != QUOTE_EXPIRED && type != CLAIM_WINDOW_CLOSED
                    && type != PASSWORD_CHANGE_REQUIRED) {
                return type;
            }
        }
        return status >= 500 ? INTERNAL : MALFORMED_REQUEST;
    }
}
