package dev.queuectl.daemon;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A job's context and the actions on it over real HTTP: directory, environment (names only
 * unless asked by a read-write session), labels, hold and release, edit, rerun, filtered
 * listings paged by cursor, and bulk actions by ids or filter with a dry run.
 */
class HttpJobContextIT {
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
        HttpApi.Answer a = api.send(method, path, body, d.bearer());
        assertEquals(200, a.status(), a::toString);
        return a.result();
    }

    private Map<String, Object> get(String path) {
        return ok("GET", path, null);
    }

    private HttpApi.Answer post(String path, String body) {
        return api.send("POST", path, body, d.bearer());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> jobs(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("jobs");
    }

    @Test
    void aJobsDirectoryEnvironmentAndLabelsAreShownWithEnvironmentValuesForReadWriteOnly() {
        ok("POST", "/api/v1/jobs", "{\"id\":\"ctx\",\"command\":\"make test\",\"cwd\":\"/tmp\","
                + "\"env\":{\"API_TOKEN\":\"hunter2\"},\"labels\":{\"team\":\"web\"},\"delay\":\"1h\"}");
        HttpApi.Answer shown = api.get("/api/v1/jobs/ctx", d.bearer());
        assertFalse(shown.body().contains("hunter2"), "no value without show_env: " + shown.body());
        Map<String, Object> job = shown.result();
        assertEquals("/tmp", job.get("cwd"));
        assertEquals(List.of("API_TOKEN"), job.get("env_names"));
        assertEquals(Map.of("team", "web"), job.get("labels"));
        assertEquals(Boolean.FALSE, job.get("held"));
        assertEquals("not_due", ((Map<?, ?>) job.get("why_waiting")).get("reason"));

        assertEquals(Map.of("API_TOKEN", "hunter2"), get("/api/v1/jobs/ctx?show_env=true").get("env"));
        HttpApi.Answer readOnly = api.get("/api/v1/jobs/ctx?show_env=true", d.readOnly());
        assertEquals(403, readOnly.status());
        assertEquals("PERMISSION_DENIED", readOnly.code());
        assertFalse(readOnly.body().contains("hunter2"));
        HttpApi.Answer listed = api.get("/api/v1/jobs", d.readOnly());
        assertEquals(200, listed.status());
        assertFalse(listed.body().contains("hunter2"), "listings never carry values");
    }

    @Test
    void holdReleaseEditAndRerunFollowTheJobsState() {
        ok("POST", "/api/v1/jobs", "{\"id\":\"h\",\"command\":\"echo one\",\"delay\":\"1h\"}");
        Map<String, Object> held = ok("POST", "/api/v1/jobs/h/hold", null);
        assertEquals(Boolean.TRUE, held.get("held"));
        assertEquals("held", ((Map<?, ?>) get("/api/v1/jobs/h").get("why_waiting")).get("reason"));
        HttpApi.Answer again = post("/api/v1/jobs/h/hold", null);
        assertEquals(409, again.status(), again::toString);
        assertEquals("INVALID_STATE", again.code());

        Map<String, Object> edited = ok("POST", "/api/v1/jobs/h/edit",
                "{\"command\":\"echo two\",\"priority\":5,\"labels\":{\"tier\":\"1\"},\"delay\":\"0s\"}");
        assertEquals("echo two", edited.get("command"));
        assertEquals(5L, edited.get("priority"));
        assertEquals(Map.of("tier", "1"), edited.get("labels"));
        assertEquals(Boolean.TRUE, edited.get("held"), "an edit keeps the hold");
        HttpApi.Answer nothing = post("/api/v1/jobs/h/edit", "{}");
        assertEquals(400, nothing.status(), nothing::toString);
        HttpApi.Answer rerunPending = post("/api/v1/jobs/h/rerun", null);
        assertEquals(409, rerunPending.status(), "a pending job is not rerun: " + rerunPending);
        HttpApi.Answer readOnly = api.send("POST", "/api/v1/jobs/h/release", null, d.readOnly());
        assertEquals(403, readOnly.status());

        assertEquals(Boolean.FALSE, ok("POST", "/api/v1/jobs/h/release", null).get("held"));
        Map<String, Object> done = get("/api/v1/jobs/h/wait?timeout=20s");
        assertEquals(Boolean.TRUE, done.get("finished"));
        assertEquals("two\n", get("/api/v1/jobs/h/logs").get("data"));
        HttpApi.Answer editDone = post("/api/v1/jobs/h/edit", "{\"priority\":1}");
        assertEquals(409, editDone.status(), "a completed job is not edited: " + editDone);

        assertEquals("pending", ok("POST", "/api/v1/jobs/h/rerun", null).get("state"));
        await().atMost(Duration.ofSeconds(20)).until(() -> "completed".equals(get("/api/v1/jobs/h").get("state")));
        assertEquals(2, ((List<?>) get("/api/v1/jobs/h").get("history")).size(), "history kept, a new run");
    }

    @Test
    void listingsFilterByStateLabelAndSearchAndPageByCursorEachJobOnce() {
        ok("POST", "/api/v1/workers/stop", "{}");
        StringBuilder batch = new StringBuilder("{\"jobs\":[");
        for (int i = 0; i < 250; i++) {
            batch.append(i == 0 ? "" : ",").append("{\"id\":\"j").append(i).append("\",\"command\":\"echo ")
                    .append(i % 5 == 0 ? "needle" : "hay").append("\",\"labels\":{\"team\":\"")
                    .append(i % 2 == 0 ? "web" : "db").append("\"}}");
        }
        ok("POST", "/api/v1/jobs", batch.append("]}").toString());

        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            Map<String, Object> page = get("/api/v1/jobs?labels=team%3Dweb&limit=40"
                    + (cursor == null ? "" : "&cursor=" + cursor));
            for (Map<String, Object> j : jobs(page)) {
                assertTrue(seen.add((String) j.get("id")), "each job once: " + j.get("id"));
                assertEquals("web", ((Map<?, ?>) j.get("labels")).get("team"));
            }
            cursor = (String) page.get("next");
            pages++;
        } while (cursor != null && pages < 20);
        assertEquals(125, seen.size());
        assertTrue(pages >= 4, "paged: " + pages);

        Map<String, Object> found = get("/api/v1/jobs?search=needle&labels=team%3Dweb&limit=100");
        assertEquals(25, jobs(found).size());
        assertEquals(250L, get("/api/v1/jobs?state=pending&state=dead&limit=1").get("total"));
        HttpApi.Answer bad = api.get("/api/v1/jobs?cursor=not*a*cursor", d.bearer());
        assertEquals(400, bad.status());
        assertEquals("INVALID_ARGUMENT", bad.code());
    }

    @Test
    void bulkActionsTakeIdsOrAFilterWithADryRun() {
        ok("POST", "/api/v1/workers/stop", "{}");
        for (int i = 0; i < 6; i++) {
            ok("POST", "/api/v1/jobs", "{\"id\":\"b" + i + "\",\"command\":\"exit 1\",\"max_retries\":0,"
                    + "\"labels\":{\"batch\":\"" + (i < 4 ? "x" : "y") + "\"}}");
        }
        Map<String, Object> dry = ok("POST", "/api/v1/bulk/hold",
                "{\"filter\":{\"labels\":[\"batch=x\"]},\"dry_run\":true}");
        assertEquals(4L, dry.get("count"));
        assertEquals(Boolean.TRUE, dry.get("dry_run"));
        assertEquals(Boolean.FALSE, get("/api/v1/jobs/b0").get("held"), "a dry run changes nothing");
        assertEquals(4L, ok("POST", "/api/v1/bulk/hold", "{\"filter\":{\"labels\":[\"batch=x\"]}}").get("count"));
        ok("POST", "/api/v1/workers/start", "{\"count\":2}");
        await().atMost(Duration.ofSeconds(20)).until(() -> "dead".equals(get("/api/v1/jobs/b5").get("state")));
        assertEquals("dead", get("/api/v1/jobs/b4").get("state"));
        assertEquals("pending", get("/api/v1/jobs/b0").get("state"), "held jobs are not claimed");

        Map<String, Object> retried = ok("POST", "/api/v1/dlq/retry", "{\"ids\":[\"b4\",\"b0\",\"gone\"]}");
        assertEquals(1L, retried.get("count"));
        assertEquals(1L, retried.get("skipped"), "b0 is pending, not dead");
        assertEquals(List.of("gone"), retried.get("not_found"));
        await().atMost(Duration.ofSeconds(20)).until(() -> "dead".equals(get("/api/v1/jobs/b4").get("state")));
        Map<String, Object> purgeDry = ok("POST", "/api/v1/dlq/purge",
                "{\"filter\":{\"state\":\"dead\",\"labels\":[\"batch=y\"]},\"dry_run\":true}");
        assertEquals(2L, purgeDry.get("count"));
        assertEquals(2L, ok("POST", "/api/v1/dlq/purge", "{\"filter\":{\"state\":\"dead\",\"labels\":[\"batch=y\"]}}")
                .get("count"));
        assertEquals(404, api.get("/api/v1/jobs/b5", d.bearer()).status());
        assertEquals(4L, ok("POST", "/api/v1/bulk/cancel", "{\"filter\":{\"labels\":[\"batch=x\"]}}").get("count"));
        HttpApi.Answer unknown = post("/api/v1/bulk/frobnicate", "{\"all\":true}");
        assertEquals(404, unknown.status());
        HttpApi.Answer readOnly = api.send("POST", "/api/v1/bulk/rerun", "{\"all\":true,\"dry_run\":true}",
                d.readOnly());
        assertEquals(403, readOnly.status(), "a dry run is still an action");
        HttpApi.Answer both = post("/api/v1/bulk/cancel", "{\"all\":true,\"ids\":[\"b0\"]}");
        assertEquals(400, both.status());
        assertNotNull(both.code());
        assertNull(both.json().get("result"));
    }

    @Test
    void aHoldFromTheCliReachesOpenStreamsAsAChangedJob() {
        ok("POST", "/api/v1/jobs", "{\"id\":\"live\",\"command\":\"true\",\"delay\":\"1h\"}");
        try (SseClient s = new SseClient(d.daemon.daemon().httpPort(), d.token, null)) {
            assertNotNull(s.next("status", Duration.ofSeconds(5)));
            d.socket.ok("{\"op\":\"hold\",\"id\":\"live\"}");
            SseClient.Event jobs = s.next("jobs", Duration.ofSeconds(5));
            assertNotNull(jobs, "a jobs event within a tick or two");
            assertEquals(List.of(Map.of("id", "live", "state", "modified")), jobs.json().get("changed"));
        }
    }
}
