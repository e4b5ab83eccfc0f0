package io.caravel.platform.web;

import io.caravel.platform.StoredFile;
import jakarta.ws.rs.core.Response;

/** The one way resources send an uploaded file back: its checked content type, as an attachment, never sniffed. */
public final class Downloads {

    private Downloads() {
    }

    public static Response attachment(StoredFile file) {
        return Response.ok(file.content(), file.contentType())
                .header("Content-Disposition", "attachment; filename=\"" + file.fileName().replace("\"", "") + "\"")
                .header("X-Content-Type-Options", "nosniff").build();
    }
}
