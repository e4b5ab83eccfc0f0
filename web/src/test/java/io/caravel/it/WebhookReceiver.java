package io.caravel.it;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook receiver as an integrator would run one: an HTTP server on 127.0.0.1 that keeps every
 * request and answers 500 to the first attempts of each delivery it is told to fail, 200 otherwise.
 */
final class WebhookReceiver implements AutoCloseable {

    /** One request as received: the path, the headers (lower-case names) and the body. */
    record Received(String path, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }

        /** Whether the signature header is the HMAC-SHA256 of "t.body" with this secret. */
        boolean signedWith(String secret) throws Exception {
            String signature = header("Caravel-Signature");
            String t = signature.replaceAll("^t=(\\d+),v1=[0-9a-f]{64}$", "$1");
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String expected = java.util.HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
            return signature.equals("t=" + t + ",v1=" + expected);
        }
    }

    private final HttpServer server;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
    private final List<Received> received = new ArrayList<>();
    private volatile int failFirst;

    WebhookReceiver() throws IOException {
        this(0);
    }

    WebhookReceiver(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", exchange -> {
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((name, values) ->
                    headers.put(name.toLowerCase(java.util.Locale.ROOT), String.join(",", values)));
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            int status;
            synchronized (this) {
                received.add(new Received(exchange.getRequestURI().getPath(), headers, body));
                String attempt = headers.getOrDefault("caravel-delivery-attempt", "1");
                status = Integer.parseInt(attempt) <= failFirst ? 500 : 200;
                notifyAll();
            }
            byte[] answer = ("{\"received\": " + (status < 300) + "}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** Attempts 1 to {@code attempts} of every delivery are answered 500 (0: none fails). */
    void failFirst(int attempts) {
        failFirst = attempts;
    }

    synchronized List<Received> received(Predicate<Received> which) {
        return received.stream().filter(which).toList();
    }

    /** Waits until {@code count} requests that match were received; fails after {@code within}. */
    synchronized List<Received> await(Predicate<Received> which, int count, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (received(which).size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("received " + received(which).size() + " of " + count + " expected webhook requests"
                        + " within " + within + "; all received: " + received);
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return received(which);
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.stop(0);
        }
    }
}
