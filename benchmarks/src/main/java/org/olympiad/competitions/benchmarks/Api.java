package org.olympiad.competitions.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** JSON over HTTP for a scenario's set-up and checks (not the measured requests: see {@link LoadDriver}). */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;

    Api(HttpClient http) {
        this.http = http;
    }

    /** A client for the suite: HTTP/1.1 (no h2c upgrade attempt), one connection per concurrent request. */
    static HttpClient newClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    HttpClient client() {
        return http;
    }

    static HttpRequest.Builder request(String url, String bearer) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Accept", "application/json");
        return bearer == null ? b : b.header("Authorization", bearer);
    }

    static HttpRequest jsonPost(String url, String bearer, String body) {
        return request(url, bearer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    JsonNode post(String url, String bearer, Object body, int expected) throws IOException, InterruptedException {
        return send(jsonPost(url, bearer, JSON.writeValueAsString(body)), expected);
    }

    JsonNode patch(String url, String bearer, Object body, int expected) throws IOException, InterruptedException {
        return send(request(url, bearer).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(), expected);
    }

    JsonNode get(String url, String bearer, int expected) throws IOException, InterruptedException {
        return send(request(url, bearer).GET().build(), expected);
    }

    /** The status code of a GET, or -1 when nothing answers. */
    int status(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** The plain-text body of a GET (metrics), or null when it does not answer 200. */
    String text(String url) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? r.body() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    JsonNode send(HttpRequest request, int expected) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IOException(request.method() + " " + request.uri() + " answered " + response.statusCode()
                    + " (expected " + expected + "): " + abbreviate(response.body()));
        }
        String body = response.body();
        return body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
    }

    static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        return s.length() <= 500 ? s : s.substring(0, 500) + "…";
    }
}
