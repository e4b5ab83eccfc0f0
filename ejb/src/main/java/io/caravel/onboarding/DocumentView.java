package io.caravel.onboarding;

import java.time.Instant;

/** A document's metadata. */
public record DocumentView(String id, DocumentKind kind, String fileName, String contentType, long sizeBytes,
                           String sha256, Instant uploadedAt) {

    static DocumentView of(ApplicationDocument d) {
        return new DocumentView(d.id(), d.kind(), d.fileName(), d.contentType(), d.sizeBytes(), d.sha256(), d.uploadedAt());
    }
}
