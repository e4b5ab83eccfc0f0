package io.caravel.platform.web;

import io.caravel.platform.CaravelException;
import io.caravel.platform.ProblemType;
import jakarta.ws.rs.core.EntityTag;

/** The one way resources turn an entity's version into an ETag and read it back from If-Match. */
public final class Versions {

    private Versions() {
    }

    public static EntityTag etag(int version) {
        return new EntityTag(Integer.toString(version));
    }

    /** The version an If-Match header names; null when absent or "*"; anything unreadable is stale (412). */
    public static Integer ifMatch(String header) {
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return null;
        }
        try {
            return Integer.valueOf(header.replace("W/", "").replace("\"", "").trim());
        } catch (NumberFormatException e) {
            throw new CaravelException(ProblemType.PRECONDITION_FAILED, "error.stale-version");
        }
    }
}
