package io.caravel.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@value #HEADER} header of a delivery: {@code t=<unix seconds>,v1=<hex HMAC-SHA256>} where the
 * HMAC is taken with the subscription's secret over {@code <t>.<body>}. A receiver recomputes it,
 * compares in constant time, and refuses a {@code t} far from its clock (a replayed old delivery).
 */
public final class WebhookSignature {

    public static final String HEADER = "Caravel-Signature";

    private WebhookSignature() {
    }

    public static String header(String secret, long unixSeconds, String body) {
        return "t=" + unixSeconds + ",v1=" + hmac(secret, unixSeconds + "." + body);
    }

    static String hmac(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
