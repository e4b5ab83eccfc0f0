package io.caravel.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.CharArrayWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * Payara's {@code /metrics} (Prometheus text) writes the base and vendor series once for the server
 * and again for each deployed application, with the same names and labels; Prometheus refuses a
 * scrape with duplicate series. This filter passes each series (and each {@code # TYPE}/{@code # HELP}
 * line) on once, the first time it appears.
 */
public class MetricsOutputFilter extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!"GET".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        Capture capture = new Capture(response);
        chain.doFilter(request, capture);
        String body = capture.text();
        String type = response.getContentType();
        if (type != null && type.startsWith("text/plain") && response.getStatus() == HttpServletResponse.SC_OK) {
            body = withoutDuplicates(body);
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /** The exposition text with each sample series and each comment line kept at its first appearance only. */
    static String withoutDuplicates(String text) {
        Set<String> seen = new HashSet<>();
        StringBuilder out = new StringBuilder(text.length());
        for (String line : text.split("\n", -1)) {
            if (line.isBlank()) {
                continue;
            }
            // a sample is "name{labels} value [timestamp]": the series is everything before the value
            String key = line.startsWith("#") ? line : seriesOf(line);
            if (seen.add(key)) {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }

    private static String seriesOf(String sample) {
        int labelsEnd = sample.lastIndexOf('}');
        int valueStart = sample.indexOf(' ', labelsEnd < 0 ? 0 : labelsEnd);
        return valueStart < 0 ? sample : sample.substring(0, valueStart);
    }

    /** Holds what the metrics servlet writes (it writes through getWriter) until the filter passes it on. */
    private static final class Capture extends HttpServletResponseWrapper {
        private final CharArrayWriter chars = new CharArrayWriter();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private PrintWriter writer;
        private ServletOutputStream stream;

        Capture(HttpServletResponse response) {
            super(response);
        }

        @Override
        public PrintWriter getWriter() {
            if (writer == null) {
                writer = new PrintWriter(chars);
            }
            return writer;
        }

        @Override
        public ServletOutputStream getOutputStream() {
            if (stream == null) {
                stream = new ServletOutputStream() {
                    @Override
                    public void write(int b) {
                        bytes.write(b);
                    }

                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        throw new UnsupportedOperationException();
                    }
                };
            }
            return stream;
        }

        @Override
        public void setContentLength(int length) {
            // the filter sets the length of what it passes on
        }

        @Override
        public void setContentLengthLong(long length) {
        }

        @Override
        public void flushBuffer() {
        }

        String text() {
            if (writer != null) {
                writer.flush();
            }
            return chars.toString() + bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
