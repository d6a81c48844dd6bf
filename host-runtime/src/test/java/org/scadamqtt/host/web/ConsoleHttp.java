package org.scadamqtt.host.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.IntSupplier;

/** A small HTTP client for console tests; every request is bounded by a timeout. */
final class ConsoleHttp {

    static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final IntSupplier port;

    ConsoleHttp(int port) {
        this(() -> port);
    }

    /** A client asking {@code port} at every request: for a console that binds its port only when started. */
    ConsoleHttp(IntSupplier port) {
        this.port = port;
    }

    /** A response with its body parsed as JSON (null when it is not JSON). */
    record Reply(int status, String body, JsonNode json, HttpResponse<String> raw) {
    }

    Reply get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(10)).GET().build());
    }

    Reply post(String path, String body) throws IOException, InterruptedException {
        return post(path, body, "application/json", null);
    }

    Reply post(String path, String body, String contentType, String authorization)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return send(b.build());
    }

    Reply send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
        JsonNode json;
        try {
            json = r.body().isEmpty() ? null : JSON.readTree(r.body());
        } catch (IOException e) {
            json = null;
        }
        return new Reply(r.statusCode(), r.body(), json, r);
    }

    HttpClient client() {
        return client;
    }

    String base() {
        return "http://127.0.0.1:" + port.getAsInt();
    }
}
