package dev.queuectl.daemon;

import static dev.queuectl.daemon.Jobs.awaitState;
import static dev.queuectl.daemon.Jobs.enqueue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Metrics through the socket and over HTTP, and the run statistics in status. */
class MetricsIT {
    /** One sample line of the Prometheus text format: name{labels} value. */
    private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})? (\\S+)");

    private TestDaemon daemon;
    private RawClient c;

    @BeforeEach
    void start() throws Exception {
        daemon = TestDaemon.start(s -> s.withMetricsListen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)));
        c = daemon.connect();
    }

    @AfterEach
    void stop() {
        c.close();
        daemon.close();
    }

    /** Parses Prometheus text strictly enough to catch malformed output; returns samples by name+labels. */
    static Map<String, Double> parse(String text) {
        Map<String, Double> samples = new HashMap<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty() || line.startsWith("# HELP ") || line.startsWith("# TYPE ") || line.equals("# EOF")) {
                continue;
            }
            Matcher m = SAMPLE.matcher(line);
            assertTrue(m.matches(), "not a Prometheus sample line: " + line);
            samples.put(m.group(1) + (m.group(2) == null ? "" : m.group(2)), Double.parseDouble(m.group(3)));
        }
        return samples;
    }

    private Map<String, Double> metrics() {
        Map<String, Object> r = c.ok("{\"op\":\"metrics\"}");
        assertTrue(((String) r.get("content_type")).startsWith("text/plain; version=0.0.4"));
        return parse((String) r.get("text"));
    }

    @Test
    void countersMoveWhenJobsRunAndGaugesFollowTheStore() {
        Map<String, Double> before = metrics();
        assertEquals(0.0, before.get("queuectl_jobs_enqueued_total"));
        assertEquals(0.0, before.get("queuectl_jobs{state=\"pending\"}"));
        String ok = enqueue(c, "{\"command\":\"true\"}");
        String bad = enqueue(c, "{\"command\":\"exit 2\",\"max_retries\":0}");
        String slow = enqueue(c, "{\"command\":\"sleep 5\",\"timeout\":0.2,\"max_retries\":0}");
        awaitState(c, ok, "completed", Duration.ofSeconds(10));
        awaitState(c, bad, "dead", Duration.ofSeconds(10));
        awaitState(c, slow, "dead", Duration.ofSeconds(10));
        Map<String, Double> after = metrics();
        assertEquals(3.0, after.get("queuectl_jobs_enqueued_total"));
        assertEquals(3.0, after.get("queuectl_runs_started_total"));
        assertEquals(1.0, after.get("queuectl_runs_completed_total"));
        assertEquals(2.0, after.get("queuectl_runs_failed_total"));
        assertEquals(1.0, after.get("queuectl_runs_timed_out_total"));
        assertEquals(2.0, after.get("queuectl_jobs_dead_total"));
        assertEquals(1.0, after.get("queuectl_jobs{state=\"completed\"}"));
        assertEquals(2.0, after.get("queuectl_jobs{state=\"dead\"}"));
        assertEquals(3.0, after.get("queuectl_run_duration_seconds_count"));
        assertEquals(3.0, after.get("queuectl_queue_wait_seconds_count"));
        assertNotNull(after.get("queuectl_workers_configured"));
        assertEquals(0.0, after.get("queuectl_workers_busy"));
        assertEquals(0.0, after.get("queuectl_oldest_pending_age_seconds"));

        Map<String, Object> stats = (Map<String, Object>) c.ok("{\"op\":\"status\"}").get("stats");
        Map<?, ?> minute = (Map<?, ?>) stats.get("last_minute");
        assertEquals(1L, minute.get("completed"));
        assertEquals(2L, minute.get("failed"));
        assertTrue(((Number) minute.get("p95_run_seconds")).doubleValue() >= 0.1, "the timed-out run took 0.2s");
        assertNotNull(minute.get("mean_run_seconds"));
    }

    @Test
    void theOldestPendingAgeShowsAJobWaitingForAWorker() {
        c.ok("{\"op\":\"worker_stop\"}");
        enqueue(c, "{\"command\":\"true\"}");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> metrics().get("queuectl_oldest_pending_age_seconds") > 0.2);
        assertEquals(1.0, metrics().get("queuectl_jobs{state=\"pending\"}"));
    }

    @Test
    void theHttpEndpointServesTheSameMetrics() throws Exception {
        enqueue(c, "{\"command\":\"true\"}");
        HttpClient http = HttpClient.newHttpClient();
        URI uri = URI.create("http://127.0.0.1:" + daemon.daemon().metricsPort() + "/metrics");
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
        Map<String, Double> overHttp = parse(r.body());
        assertEquals(metrics().keySet(), overHttp.keySet());
        assertEquals(1.0, overHttp.get("queuectl_jobs_enqueued_total"));
        HttpResponse<String> missing = http.send(HttpRequest.newBuilder(uri.resolve("/other")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, missing.statusCode());
        assertFalse(overHttp.isEmpty());
    }
}
