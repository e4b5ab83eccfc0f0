package io.caravel.platform.web;

import io.caravel.platform.CaravelException;
import io.caravel.platform.ProblemType;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Providers;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.util.List;

/**
 * A file sent to an upload operation, either way a client sends one: the raw body (any type but a
 * form; {@code fileName} as a query parameter), or the part {@value #PART} of a
 * {@code multipart/form-data} form (the part's file name unless the query names one), as generated
 * clients and HTML forms send it. The content is read to one byte over its limit, so the component
 * that checks uploads can tell a file that is too large.
 */
public record Upload(byte[] content, String fileName) {

    /** What the document says of an upload's body. */
    public static final String DESCRIPTION = "The file: a multipart/form-data form with the part 'file' (its file name is"
            + " kept unless fileName is given), or the raw bytes; the type is checked from the content";

    /** The name of the form part that carries the file. */
    public static final String PART = "file";

    private static final int FORM_OVERHEAD = 64 * 1024;

    private static final GenericType<List<EntityPart>> PARTS = new GenericType<>() {
    };
    @SuppressWarnings("unchecked")
    private static final Class<List<EntityPart>> LIST = (Class<List<EntityPart>>) (Class<?>) List.class;

    /** The file in this request: the raw body, or the form part {@value #PART}. */
    public static Upload read(HttpHeaders headers, Providers providers, InputStream body, String fileName, int maxBytes)
            throws IOException {
        MediaType type = headers.getMediaType();
        if (type == null || !type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE)) {
            return new Upload(body == null ? new byte[0] : body.readNBytes(maxBytes + 1), fileName);
        }
        MessageBodyReader<List<EntityPart>> reader = providers.getMessageBodyReader(LIST, PARTS.getType(),
                new Annotation[0], type);
        if (reader == null) {
            throw new CaravelException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "error.upload.form");
        }
        List<EntityPart> parts;
        try {
            // the form around the file may add its boundaries and part headers, no more
            parts = reader.readFrom(LIST, PARTS.getType(), new Annotation[0], type, headers.getRequestHeaders(),
                    new Limited(body, maxBytes + FORM_OVERHEAD));
        } catch (RuntimeException e) { // a form that is not one (no boundary, cut short), or one far too large
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof CaravelException tooLarge) {
                    throw tooLarge;
                }
            }
            throw new CaravelException(ProblemType.MALFORMED_REQUEST, "error.upload.form");
        }
        EntityPart file = parts.stream().filter(part -> PART.equals(part.getName())).findFirst()
                .orElseThrow(() -> CaravelException.invalid(PART, "error.upload.part"));
        try (InputStream content = file.getContent()) {
            return new Upload(content.readNBytes(maxBytes + 1),
                    fileName != null && !fileName.isBlank() ? fileName : file.getFileName().orElse(null));
        }
    }

    /** A form body that ends in a 413 problem once it passes its limit, before the parser stores more of it. */
    private static final class Limited extends FilterInputStream {

        private final long limit;
        private long read;

        Limited(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit) {
                throw new CaravelException(ProblemType.PAYLOAD_TOO_LARGE, "error.document.too-large",
                        Math.max(1, (limit - FORM_OVERHEAD) / (1024 * 1024)));
            }
        }
    }
}
