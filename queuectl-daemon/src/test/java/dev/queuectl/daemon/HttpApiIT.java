package dev.queuectl.daemon;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint of the JSON API over real HTTP against the real daemon: each answers what the
 * same operation answers on the socket, in the protocol's envelope.
 */
class HttpApiIT {
    private HttpDaemon d;
    private HttpApi api;

    @BeforeEach
    void start() {
        d = HttpDaemon.start();
        api = d.api;
    }

    @AfterEach
    void stop() {
        d.close();
    }

    private Map<String, Object> ok(String method, String path, String body) {
        return api.send(method, path, body, d.bearer()).result();
    }

    private Map<String, Object> get(String path) {
        return ok("GET", path, null);
    }

    private String stateOf(String id) {
        return (String) get("/api/v1/jobs/" + id).get("state");
    }

    @Test
    void statusAndStatsAnswerAsTheSocketDoes() {
        Map<String, Object> status = get("/api/v1/status");
        Map<String, Object> bySocket = d.socket.ok("{\"op\":\"status\"}");
        assertEquals(bySocket.get("pid"), status.get("pid"));
        assertEquals(bySocket.get("node"), status.get("node"));
        assertEquals((long) dev.queuectl.protocol.ProtocolVersion.CURRENT, status.get("protocol"));
        Map<String, Object> stats = get("/api/v1/stats");
        assertEquals(60, ((List<?>) stats.get("minutes")).size());
        assertEquals(24, ((List<?>) stats.get("hours")).size());
        Map<String, Object> session = get("/api/v1/session");
        assertEquals("read-write", session.get("role"));
        assertTrue(((List<?>) session.get("ops")).containsAll(List.of("enqueue", "stats", "dlq_retry")));
        assertEquals(List.of("search", "labels", "since", "until", "cursor"), session.get("list_fields"),
                "the list filters this daemon takes, which the Jobs page offers");
        assertEquals("read-only", api.get("/api/v1/session", d.readOnly()).result().get("role"));
    }

    @Test
    void jobsAreEnqueuedListedShownAndTheirOutputRead() {
        ok("POST", "/api/v1/workers/stop", "{}");
        Map<String, Object> job = ok("POST", "/api/v1/jobs", "{\"id\":\"a\",\"command\":\"echo hello a\",\"priority\":3}");
        assertEquals("a", job.get("id"));
        assertEquals(3L, job.get("priority"));
        Map<String, Object> batch = ok("POST", "/api/v1/jobs",
                "{\"jobs\":[{\"id\":\"b\",\"command\":\"echo b\"},{\"id\":\"c\",\"command\":\"exit 3\",\"max_retries\":0}]}");
        assertEquals(2L, batch.get("count"));

        Map<String, Object> all = get("/api/v1/jobs");
        assertEquals(3L, all.get("total"));
        Map<String, Object> newest = get("/api/v1/jobs?newest_first=true&limit=1");
        assertEquals("c", ((Map<?, ?>) ((List<?>) newest.get("jobs")).get(0)).get("id"));
        assertEquals(1, ((List<?>) newest.get("jobs")).size());
        assertEquals(3L, get("/api/v1/jobs?state=pending").get("total"));
        assertEquals(0L, get("/api/v1/jobs?state=dead").get("total"));

        ok("POST", "/api/v1/workers/start", "{\"count\":2}");
        Map<String, Object> waited = get("/api/v1/jobs/a/wait?timeout=20s");
        assertEquals(Boolean.TRUE, waited.get("finished"));
        await().atMost(Duration.ofSeconds(20)).until(() -> "dead".equals(stateOf("c")));
        Map<String, Object> shown = get("/api/v1/jobs/a");
        assertEquals("completed", shown.get("state"));
        assertEquals(1, ((List<?>) shown.get("history")).size());
        Map<String, Object> logs = get("/api/v1/jobs/a/logs");
        assertEquals("hello a\n", logs.get("data"));
        Map<String, Object> tail = get("/api/v1/jobs/a/logs?attempt=1&offset=6");
        assertEquals("a\n", tail.get("data"));
    }

    @Test
    void deadJobsAreRetriedAndPurgedOneByOneOrInBulk() {
        for (String id : List.of("d1", "d2", "d3", "d4")) {
            ok("POST", "/api/v1/jobs", "{\"id\":\"" + id + "\",\"command\":\"exit 1\",\"max_retries\":0}");
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> ((Long) get("/api/v1/jobs?state=dead").get("total")) == 4);
        ok("POST", "/api/v1/workers/stop", "{}");
        assertEquals("pending", ok("POST", "/api/v1/jobs/d1/retry", null).get("state"));
        assertEquals(1L, ok("DELETE", "/api/v1/jobs/d2", null).get("count"));
        assertEquals(404, api.get("/api/v1/jobs/d2", d.bearer()).status());

        Map<String, Object> bulk = ok("POST", "/api/v1/dlq/retry", "{\"ids\":[\"d3\",\"d1\"]}");
        assertEquals(1L, bulk.get("count"));
        assertEquals(1L, bulk.get("skipped"), "d1 is pending again, not dead");
        assertEquals(1L, ((Map<?, ?>) bulk.get("skipped_states")).get("pending"));
        assertEquals("pending", stateOf("d3"));
        assertEquals(1L, ok("POST", "/api/v1/dlq/purge", "{\"all\":true}").get("count"));
        assertEquals(404, api.get("/api/v1/jobs/d4", d.bearer()).status());
        ok("POST", "/api/v1/jobs/d3/cancel", null);
        assertEquals("dead", stateOf("d3"));
        assertEquals(1L, ok("POST", "/api/v1/dlq/retry", "{\"all\":true}").get("count"), "d3 was the only dead job");
        Map<String, Object> purged = ok("POST", "/api/v1/dlq/purge", "{\"ids\":[\"d1\"]}");
        assertEquals(0L, purged.get("count"), "d1 is pending, not dead");
    }

    @Test
    void settingsAndWorkersChangeAsWithTheCli() {
        Map<String, Object> config = get("/api/v1/config");
        assertEquals(7, ((List<?>) config.get("config")).size());
        assertEquals("3", ((Map<?, ?>) ((List<?>) get("/api/v1/config/max_retries").get("config")).get(0)).get("text"));
        Map<String, Object> set = ok("PUT", "/api/v1/config/backoff-max", "{\"value\":\"10m\"}");
        assertEquals("backoff_max", set.get("key"));
        assertEquals("10m", set.get("text"));
        HttpApi.Answer bad = api.send("PUT", "/api/v1/config/workers", "{\"value\":\"lots\"}", d.bearer());
        assertEquals(400, bad.status());
        assertEquals("INVALID_ARGUMENT", bad.code());

        Map<String, Object> stopped = ok("POST", "/api/v1/workers/stop", "{\"wait\":true}");
        assertEquals(Boolean.TRUE, stopped.get("stopped"));
        assertEquals(Boolean.TRUE, get("/api/v1/workers").get("stopped"));
        Map<String, Object> started = ok("POST", "/api/v1/workers/start", "{\"count\":3}");
        assertEquals(3L, started.get("configured"));
        assertEquals(Boolean.FALSE, started.get("stopped"));
    }

    @Test
    void everyOperationIsReachableThroughItsOwnNameAndPruneAndDrainWork() {
        Map<String, Object> list = ok("POST", "/api/v1/ops/list", "{\"limit\":5}");
        assertEquals(0L, list.get("total"));
        Map<String, Object> metrics = ok("POST", "/api/v1/ops/metrics", "{}");
        assertTrue(((String) metrics.get("text")).contains("queuectl_jobs_enqueued_total"));
        assertEquals(0L, ok("POST", "/api/v1/prune", "{\"completed\":true,\"older_than\":\"1m\"}").get("count"));
        HttpApi.Answer login = api.post("/api/v1/ops/dashboard", "{}", d.bearer());
        assertEquals(403, login.status(), "login links come from the socket only");
        Map<String, Object> drained = ok("POST", "/api/v1/drain", "{\"timeout\":\"5s\"}");
        assertNotNull(drained.get("finished"));
        await().atMost(Duration.ofSeconds(20)).until(() -> !d.daemon.socket().toFile().exists());
    }

    @Test
    void metricsNeedASessionUnlessOpenedToLoopback() {
        assertEquals(401, api.get("/metrics").status());
        HttpApi.Answer m = api.get("/metrics", d.bearer());
        assertEquals(200, m.status());
        assertTrue(m.header("content-type").startsWith("text/plain; version=0.0.4"));
        assertTrue(m.body().contains("queuectl_http_connections"), "the listener's own gauges are there");
        assertFalse(m.body().isEmpty());
    }

    @Test
    void withHttpOpenMetricsPrometheusScrapesWithoutASession() {
        try (HttpDaemon open = HttpDaemon.start(s -> s.with(dev.queuectl.daemon.config.DaemonOption.HTTP_OPEN_METRICS,
                "true"))) {
            HttpApi.Answer m = open.api.get("/metrics");
            assertEquals(200, m.status());
            assertTrue(m.body().contains("queuectl_jobs{state=\"pending\"}"));
            assertEquals(401, open.api.get("/api/v1/status").status(), "only /metrics is open");
        }
    }
}
