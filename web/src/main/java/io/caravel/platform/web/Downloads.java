package io.caravel.platform.web;

import io.caravel.platform.StoredFile;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

/**
 * The one way resources and pages send an uploaded file back: its checked content type, as an
 * attachment, never sniffed.
 */
public final class Downloads {

    private Downloads() {
    }

    public static Response attachment(StoredFile file) {
        return Response.ok(file.content(), file.contentType())
                .header("Content-Disposition", "attachment; filename=\"" + file.fileName().replace("\"", "") + "\"")
                .header("X-Content-Type-Options", "nosniff").build();
    }

    /** The file as a page's download (PrimeFaces file download). */
    public static StreamedContent of(StoredFile file) {
        return DefaultStreamedContent.builder().name(file.fileName()).contentType(file.contentType())
                .stream(() -> new ByteArrayInputStream(file.content())).build();
    }
}
