package io.caravel.webhook;

import io.caravel.platform.CaravelException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Which addresses may receive webhooks: absolute {@code https} URLs (plain {@code http} only where
 * configured) without user information, and by default none that resolves to this host or a private
 * network (a subscription must not make the server call its own admin pages or the office network).
 * Checked when a subscription is made and again before each delivery (an address can change).
 */
public final class WebhookTargets {

    static final int MAX_URL_LENGTH = 2000;

    private final boolean requireHttps;
    private final boolean allowPrivateAddresses;

    WebhookTargets(boolean requireHttps, boolean allowPrivateAddresses) {
        this.requireHttps = requireHttps;
        this.allowPrivateAddresses = allowPrivateAddresses;
    }

    /** The URL as a URI, or a validation problem on field {@code url} saying what is allowed. */
    public URI parse(String url) {
        // the message names the schemes this node accepts
        String malformed = requireHttps ? "error.webhook.url" : "error.webhook.url-http-allowed";
        String trimmed = url == null ? "" : url.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_URL_LENGTH) {
            throw CaravelException.invalid("url", malformed, MAX_URL_LENGTH);
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw CaravelException.invalid("url", malformed, MAX_URL_LENGTH);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null
                || !(scheme.equals("https") || scheme.equals("http"))) {
            throw CaravelException.invalid("url", malformed, MAX_URL_LENGTH);
        }
        if (requireHttps && !scheme.equals("https")) {
            throw CaravelException.invalid("url", "error.webhook.https");
        }
        Optional<String> refused = refusedAddress(uri);
        if (refused.isPresent()) {
            throw CaravelException.invalid("url", "error.webhook.private-address", refused.get());
        }
        return uri;
    }

    /**
     * The address the host resolves to when it is one deliveries must not go to (loopback, private,
     * link-local, multicast or unspecified); empty when it is allowed or does not resolve (a
     * delivery to a host that does not resolve fails and is retried).
     */
    Optional<String> refusedAddress(URI uri) {
        if (allowPrivateAddresses) {
            return Optional.empty();
        }
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (internal(address)) {
                    return Optional.of(address.getHostAddress());
                }
            }
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static boolean internal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            return (bytes[0] & 0xfe) == 0xfc; // unique local fc00::/7
        }
        // carrier-grade NAT 100.64.0.0/10 and the cloud metadata range 169.254.0.0/16 (link-local, above)
        return (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64;
    }
}
