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
        return attachment(file.content(), file.contentType(), file.fileName());
    }

    /** A document the product made (a statement): its content type, as an attachment. */
    public static Response attachment(byte[] content, String contentType, String fileName) {
        return Response.ok(content, contentType)
                .header("Content-Disposition", "attachment; filename=\"" + fileName.replace("\"", "") + "\"")
                .header("X-Content-Type-Options", "nosniff").build();
    }

    /** A document the product made, as a page's download. */
    public static StreamedContent of(byte[] content, String contentType, String fileName) {
        return DefaultStreamedContent.builder().name(fileName).contentType(contentType)
                .stream(() -> new ByteArrayInputStream(content)).build();
    }

    /** The file as a page's download (PrimeFaces file download). */
    public static StreamedContent of(StoredFile file) {
        return of(file.content(), file.contentType(), file.fileName());
    }
}
