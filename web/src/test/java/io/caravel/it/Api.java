package io.caravel.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A small HTTP client for integration tests: real HTTP against the running server, JSON in and out. */
public final class Api {

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    public Api(String base) {
        this.base = URI.create(base.endsWith("/") ? base : base + "/");
    }

    public Response get(String path, String user) {
        return send(request(path, user).GET().build());
    }

    public Response post(String path, String user, String json) {
        return send(request(path, user).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public Response send(String method, String path, String user, String json, String... headers) {
        HttpRequest.Builder builder = request(path, user)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            builder.header("Content-Type", "application/json");
        }
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return send(builder.build());
    }

    /** A POST of text in a given content type (e.g. text/csv). */
    public Response postText(String path, String user, String contentType, String body) {
        return send(request(path, user).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Any method with any body in any content type (null: no body, no content type). */
    public Response sendRaw(String method, String path, String user, String contentType, String body) {
        HttpRequest.Builder builder = request(path, user)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        return send(builder.build());
    }

    public Response sendBytes(String path, String user, byte[] body) {
        return sendBytes(path, user, "application/octet-stream", body);
    }

    /** A POST of bytes in a content type (a file upload). */
    public Response sendBytes(String path, String user, String contentType, byte[] body) {
        return send(request(path, user).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    /** A GET whose answer is read as bytes (a PDF), with optional headers. */
    public HttpResponse<byte[]> getBytes(String path, String user, String... headers) {
        HttpRequest.Builder builder = request(path, user).GET();
        if (headers.length > 0) {
            builder.headers(headers);
        }
        try {
            return http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** user "name:password", or null for an anonymous call; a bare name means password "demo". */
    private HttpRequest.Builder request(String path, String user) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path.startsWith("/") ? path.substring(1) : path))
                .timeout(Duration.ofSeconds(60));
        if (user != null) {
            String credentials = user.contains(":") ? user : user + ":demo";
            builder.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return builder;
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response with helpers to read its JSON body. */
    public record Response(HttpResponse<String> raw) {

        public int status() {
            return raw.statusCode();
        }

        public String body() {
            return raw.body();
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public JsonObject json() {
            return (JsonObject) structure();
        }

        public JsonStructure structure() {
            try (var reader = Json.createReader(new StringReader(raw.body()))) {
                return reader.read();
            }
        }

        @Override
        public String toString() {
            return raw.statusCode() + " " + raw.body();
        }
    }
}
