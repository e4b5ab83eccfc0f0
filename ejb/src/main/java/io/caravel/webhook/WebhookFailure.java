package io.caravel.webhook;

import java.util.Optional;

/**
 * Why an attempt got no answer, as the delivery log records it: one English sentence with one detail
 * (the API's {@code error} and {@code lastError}, stable for integrators' scripts). The same forms are
 * read back here, so a page can say them in the reader's language ({@code webhooks.failure.*}).
 */
public enum WebhookFailure {

    /** The address resolved to a private or local one (checked again before each attempt); the detail: that address. */
    REFUSED_ADDRESS("not sent: the address resolves to ", ", a private or local address"),
    /** The receiver accepted the connection but did not answer in time; the detail: the seconds waited. */
    NO_ANSWER("no answer within ", " s"),
    /** The receiver's host name does not resolve; the detail: the host. */
    UNKNOWN_HOST("could not connect: the host ", " is unknown"),
    /** The receiver answered with a redirect, which deliveries do not follow; the detail: the HTTP status. */
    REDIRECT("redirect not followed (HTTP ", ")"),
    /** No connection (refused, unreachable, TLS failed); the detail: the Java runtime's reason, in English. */
    CONNECT("could not connect: ", "");

    /** The usual reasons a connection fails, told apart in a {@link #CONNECT} detail so a page can say them in words. */
    public enum Cause {
        REFUSED, RESET, UNREACHABLE, TIMED_OUT, TLS
    }

    private final String prefix;
    private final String suffix;

    WebhookFailure(String prefix, String suffix) {
        this.prefix = prefix;
        this.suffix = suffix;
    }

    /** The known reason in a {@link #CONNECT} failure's detail, or empty for another one (shown as it is). */
    public static Optional<Cause> cause(String detail) {
        String text = detail == null ? "" : detail.toLowerCase(java.util.Locale.ROOT);
        if (text.startsWith("tls") || text.contains("ssl") || text.contains("certificat") || text.contains("pkix")) {
            return Optional.of(Cause.TLS);
        }
        if (text.contains("refused")) {
            return Optional.of(Cause.REFUSED);
        }
        if (text.contains("reset") || text.contains("closed") || text.contains("end of file")) {
            return Optional.of(Cause.RESET);
        }
        if (text.contains("unreachable") || text.contains("no route")) {
            return Optional.of(Cause.UNREACHABLE);
        }
        if (text.contains("timed out")) {
            return Optional.of(Cause.TIMED_OUT);
        }
        return Optional.empty();
    }

    /** The recorded sentence. */
    public String text(String detail) {
        return prefix + detail + suffix;
    }

    /** A recorded sentence read back: which failure, with its detail. */
    public record Read(WebhookFailure failure, String detail) {
    }

    /** The failure a recorded sentence says (the more particular forms first), or empty for another text. */
    public static Optional<Read> read(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (WebhookFailure failure : values()) {
            if (text.startsWith(failure.prefix) && text.endsWith(failure.suffix)
                    && text.length() > failure.prefix.length() + failure.suffix.length()) {
                return Optional.of(new Read(failure, text.substring(failure.prefix.length(), text.length() - failure.suffix.length())));
            }
        }
        return Optional.empty();
    }
}
