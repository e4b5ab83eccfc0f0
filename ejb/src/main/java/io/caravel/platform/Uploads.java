package io.caravel.platform;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;

/**
 * The one way uploads are accepted: size limit, content type recognised from the first bytes
 * (never from the name or a header), a safe file name and a SHA-256 fingerprint.
 */
public final class Uploads {

    public static final String PDF = "application/pdf";
    public static final String JPEG = "image/jpeg";
    public static final String PNG = "image/png";

    private Uploads() {
    }

    /** Checks an upload and returns its content type; empty, too large or another type is a problem (400/413/415). */
    public static String check(byte[] content, int maxBytes, Set<String> accepted) {
        if (content == null || content.length == 0) {
            throw CaravelException.invalid("file", "error.document.empty");
        }
        if (content.length > maxBytes) {
            throw new CaravelException(ProblemType.PAYLOAD_TOO_LARGE, "error.document.too-large", maxBytes / (1024 * 1024));
        }
        String type = detect(content);
        if (type == null || !accepted.contains(type)) {
            throw new CaravelException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "error.document.type");
        }
        return type;
    }

    /** "application/pdf", "image/jpeg" or "image/png"; null for anything else. */
    public static String detect(byte[] content) {
        if (startsWith(content, '%', 'P', 'D', 'F', '-')) {
            return PDF;
        }
        if (startsWith(content, 0xFF, 0xD8, 0xFF)) {
            return JPEG;
        }
        if (startsWith(content, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return PNG;
        }
        return null;
    }

    /** A file name safe to store and to send back in Content-Disposition, at most 200 characters. */
    public static String safeName(String fileName, String fallback) {
        String name = fileName == null || fileName.isBlank() ? fallback : fileName.replaceAll("[^\\p{L}\\p{N}._ -]", "_");
        return name.length() > 200 ? name.substring(0, 200) : name;
    }

    /** The content's SHA-256 in hex. */
    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean startsWith(byte[] content, int... prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((content[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
