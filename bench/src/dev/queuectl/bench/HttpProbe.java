package dev.queuectl.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Requests to a daemon's JSON API with its bearer token over one keep-alive connection, as a
 * dashboard page makes them; each returns its round trip in nanoseconds and fails on anything
 * but 200.
 */
final class HttpProbe {
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final String token;

    HttpProbe(int port, String token) {
        this.base = "http://127.0.0.1:" + port;
        this.token = token;
    }

    /** GET {@code path}; the round trip in ns. */
    long get(String path) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(60)).build();
        long t0 = System.nanoTime();
        HttpResponse<byte[]> r = client.send(req, HttpResponse.BodyHandlers.ofByteArray());
        long t = System.nanoTime() - t0;
        if (r.statusCode() != 200) {
            throw new IOException("GET " + path + ": HTTP " + r.statusCode() + " " + new String(r.body()));
        }
        return t;
    }

    /** What the overview page asks for when it opens: status, the charts' statistics, the oldest waiting job. */
    long overview() throws IOException, InterruptedException {
        return get("/api/v1/status") + get("/api/v1/stats") + get("/api/v1/jobs?state=pending&limit=1");
    }

    /** What the jobs page asks for: the first page of 100 jobs, newest first. */
    long jobsPage() throws IOException, InterruptedException {
        return get("/api/v1/jobs?limit=100&newest_first=true");
    }
}
