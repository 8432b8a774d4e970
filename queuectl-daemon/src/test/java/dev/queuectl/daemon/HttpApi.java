package dev.queuectl.daemon;

import dev.queuectl.protocol.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * A client of the daemon's HTTP API made of the JDK's HttpClient, as a script with curl would be:
 * each request carries the headers given as name/value pairs (a bearer token, a cookie, an
 * Origin), and answers come back as status, headers and body.
 */
public final class HttpApi {
    /** One answer. */
    public record Answer(int status, HttpHeaders headers, String body) {
        @SuppressWarnings("unchecked")
        public Map<String, Object> json() {
            return (Map<String, Object>) Json.parse(body);
        }

        /** The result of a successful answer; fails the test on anything else. */
        @SuppressWarnings("unchecked")
        public Map<String, Object> result() {
            Map<String, Object> m = json();
            if (status != 200 || !Boolean.TRUE.equals(m.get("ok"))) {
                throw new AssertionError("expected success, got " + status + " " + body);
            }
            return (Map<String, Object>) m.get("result");
        }

        /** The protocol error code of a refusal. */
        @SuppressWarnings("unchecked")
        public String code() {
            Map<String, Object> m = json();
            if (!Boolean.FALSE.equals(m.get("ok"))) {
                throw new AssertionError("expected an error, got " + status + " " + body);
            }
            return (String) ((Map<String, Object>) m.get("error")).get("code");
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    private final String base;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    public HttpApi(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public String base() {
        return base;
    }

    public Answer get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    public Answer post(String path, String body, String... headers) {
        return send("POST", path, body, headers);
    }

    public Answer send(String method, String path, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
