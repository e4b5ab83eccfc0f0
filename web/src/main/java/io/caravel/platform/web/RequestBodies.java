package io.caravel.platform.web;

import io.caravel.platform.CaravelException;
import io.caravel.platform.ProblemType;
import java.io.IOException;
import java.io.InputStream;

/** The one way a raw request body (a file upload, a provider's event) is read: never more than its limit. */
public final class RequestBodies {

    private RequestBodies() {
    }

    /** The body, at most {@code maxBytes}: a larger one is a 413 problem, a missing or empty one a 400. */
    public static byte[] read(InputStream body, int maxBytes) throws IOException {
        byte[] content = body == null ? new byte[0] : body.readNBytes(maxBytes + 1);
        if (content.length > maxBytes) {
            throw new CaravelException(ProblemType.PAYLOAD_TOO_LARGE, "error.document.too-large",
                    Math.max(1, maxBytes / (1024 * 1024)));
        }
        if (content.length == 0) {
            throw new CaravelException(ProblemType.VALIDATION, "error.body-required");
        }
        return content;
    }
}
