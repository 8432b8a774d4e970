package dev.queuectl.daemon;

import static dev.queuectl.daemon.Jobs.awaitState;
import static dev.queuectl.daemon.Jobs.json;
import static dev.queuectl.daemon.Jobs.show;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.queuectl.protocol.ProtocolVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A job's working directory, environment and labels over the raw protocol, holds and the reasons
 * a job waits, filtered listings paged by cursor, bulk actions and their dry runs, and the
 * completion op, against the real in-process daemon.
 */
class JobContextIT {
    private TestDaemon daemon;
    private RawClient c;

    @BeforeEach
    void start() {
        daemon = TestDaemon.start();
        c = daemon.connect();
    }

    @AfterEach
    void stop() {
        c.close();
        daemon.close();
    }

    @Test
    void aJobRunsInItsDirectoryWithItsVariablesOverTheDaemonsAndNeverOverQueuectls() throws Exception {
        Path dir = Files.createDirectories(daemon.root.resolve("work dir"));
        String id = Jobs.enqueue(c, "{\"command\":" + json("pwd; echo \"$GREETING|$HOME|$QUEUECTL_JOB_ID\"")
                + ",\"cwd\":" + json(dir.toString()) + ",\"env\":{\"GREETING\":\"hello world\",\"HOME\":\"/elsewhere\"}}");
        awaitState(c, id, "completed", Duration.ofSeconds(10));
        assertEquals(dir + "\nhello world|/elsewhere|" + id + "\n", Jobs.logs(c, id, 1),
                "its cwd, its variables, and queuectl's own");
        Map<String, Object> reserved = c.call("{\"op\":\"enqueue\",\"command\":\"true\",\"env\":{\"QUEUECTL_JOB_ID\":\"x\"}}");
        assertEquals("INVALID_ARGUMENT", RawClient.errorCode(reserved));
        assertTrue(RawClient.errorMessage(reserved).contains("set by queuectld"), RawClient.errorMessage(reserved));
        assertEquals("INVALID_ARGUMENT", RawClient.errorCode(c.call("{\"op\":\"enqueue\",\"command\":\"true\","
                + "\"cwd\":\"relative/dir\"}")));
        String home = Jobs.enqueue(c, "{\"command\":\"pwd\"}");
        awaitState(c, home, "completed", Duration.ofSeconds(10));
        assertEquals(dev.queuectl.daemon.engine.EngineSettings.defaultWorkDir(daemon.settings.dataDir()) + "\n",
                Jobs.logs(c, home, 1), "no cwd: the daemon user's home");
        assertNull(show(c, home).get("cwd"));
    }

    @Test
    void aWorkingDirectoryThatIsGoneIsACountedFailureThatSaysSo() throws Exception {
        Path dir = Files.createDirectories(daemon.root.resolve("gone"));
        Files.delete(dir);
        String id = Jobs.enqueue(c, "{\"command\":\"true\",\"max_retries\":0,\"cwd\":" + json(dir.toString()) + "}");
        Map<String, Object> dead = awaitState(c, id, "dead", Duration.ofSeconds(10));
        assertEquals("working directory " + dir + " does not exist", dead.get("last_error"));
        assertEquals(1L, dead.get("attempts"), "a counted attempt");
        assertEquals("failed", Jobs.history(dead).get(0).get("outcome"));
        assertTrue(c.ok("{\"op\":\"metrics\"}").toString().contains("queuectl_runs_failed_total 1.0"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void environmentValuesAreShownOnlyWhenAskedAndLabelsFilterListings() {
        c.ok("{\"op\":\"worker_stop\"}");
        c.ok("{\"op\":\"enqueue\",\"id\":\"s\",\"command\":\"true\",\"env\":{\"TOKEN\":\"hunter2\"},"
                + "\"labels\":{\"team\":\"infra\",\"tier\":\"1\"}}");
        Map<String, Object> shown = show(c, "s");
        assertEquals(List.of("TOKEN"), shown.get("env_names"));
        assertFalse(shown.containsKey("env"));
        assertFalse(shown.toString().contains("hunter2"));
        Map<String, Object> withEnv = c.ok("{\"op\":\"show\",\"id\":\"s\",\"show_env\":true}");
        assertEquals(Map.of("TOKEN", "hunter2"), withEnv.get("env"));
        assertFalse(c.ok("{\"op\":\"list\"}").toString().contains("hunter2"));
        assertEquals(Map.of("team", "infra", "tier", "1"), shown.get("labels"));
        c.ok("{\"op\":\"enqueue\",\"id\":\"other\",\"command\":\"true\",\"labels\":{\"team\":\"web\"}}");
        List<Object> infra = (List<Object>) c.ok("{\"op\":\"list\",\"labels\":[\"team=infra\"]}").get("jobs");
        assertEquals(1, infra.size());
        assertEquals(2, ((List<Object>) c.ok("{\"op\":\"list\",\"labels\":[\"team\"]}").get("jobs")).size());
        Map<String, Object> refused = c.call("{\"op\":\"enqueue\",\"command\":\"true\",\"env\":{\"1BAD\":\"hunter2\"}}");
        assertFalse(RawClient.errorMessage(refused).contains("hunter2"), "errors never show a value");
        assertEquals(List.of("team", "tier"), c.ok("{\"op\":\"complete\",\"kind\":\"label_keys\"}").get("values"));
        assertEquals(List.of("other", "s"), c.ok("{\"op\":\"complete\",\"kind\":\"job_ids\"}").get("values"));
        assertTrue(((List<Object>) c.ok("{\"op\":\"complete\",\"kind\":\"config_keys\",\"prefix\":\"back\"}")
                .get("values")).contains("backoff_max"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyWaitingJobSaysWhyAndStatusCountsThem() {
        c.ok("{\"op\":\"worker_stop\"}");
        c.ok("{\"op\":\"enqueue\",\"id\":\"due\",\"command\":\"true\"}");
        c.ok("{\"op\":\"enqueue\",\"id\":\"later\",\"command\":\"true\",\"delay\":\"1h\"}");
        c.ok("{\"op\":\"enqueue\",\"id\":\"kept\",\"command\":\"true\"}");
        Map<String, Object> held = c.ok("{\"op\":\"hold\",\"id\":\"kept\"}");
        assertEquals(Boolean.TRUE, held.get("held"));
        assertEquals("held", ((Map<String, Object>) held.get("why_waiting")).get("reason"));
        assertEquals("workers_stopped", why("due").get("reason"));
        assertEquals("not_due", why("later").get("reason"));
        assertTrue(why("later").containsKey("until"));
        Map<String, Object> status = c.ok("{\"op\":\"status\"}");
        assertEquals(Map.of("held", 1L, "not_due", 1L, "due", 1L),
                ((Map<String, Object>) status.get("waiting")).get("pending"));
        assertEquals((long) ProtocolVersion.CURRENT, status.get("protocol"));
        assertEquals("INVALID_STATE", RawClient.errorCode(c.call("{\"op\":\"hold\",\"id\":\"kept\"}")));
        c.ok("{\"op\":\"worker_start\"}");
        awaitState(c, "due", "completed", Duration.ofSeconds(10));
        assertEquals("pending", Jobs.state(c, "kept"), "a held job is not run");
        c.ok("{\"op\":\"release\",\"id\":\"kept\"}");
        awaitState(c, "kept", "completed", Duration.ofSeconds(10));
    }

    private Map<String, Object> why(String id) {
        @SuppressWarnings("unchecked")
        Map<String, Object> w = (Map<String, Object>) show(c, id).get("why_waiting");
        return w;
    }

    @Test
    @SuppressWarnings("unchecked")
    void aBulkActionByFilterSaysWhatItWouldDoThenDoesItInBatches() {
        c.ok("{\"op\":\"worker_stop\"}");
        StringBuilder batch = new StringBuilder("{\"op\":\"enqueue_batch\",\"jobs\":[");
        for (int i = 0; i < 4_500; i++) {
            batch.append(i == 0 ? "" : ",").append("{\"command\":\"true\",\"labels\":{\"run\":\"")
                    .append(i < 4_200 ? "mistake" : "keep").append("\"}}");
        }
        c.ok(batch.append("]}").toString());
        c.ok("{\"op\":\"cancel\",\"id\":\"1\"}");
        Map<String, Object> dry = c.ok("{\"op\":\"cancel\",\"filter\":{\"labels\":[\"run=mistake\"]},\"dry_run\":true}");
        assertEquals(4_199L, dry.get("count"));
        assertEquals(1L, dry.get("skipped"));
        assertEquals(Map.of("dead", 1L), dry.get("skipped_states"));
        assertEquals(Boolean.TRUE, dry.get("dry_run"));
        assertEquals(20, ((List<Object>) dry.get("sample")).size());
        assertEquals(1L, ((Map<String, Object>) c.ok("{\"op\":\"status\"}").get("jobs")).get("dead"),
                "a dry run changes nothing");
        Map<String, Object> done = c.ok("{\"op\":\"cancel\",\"filter\":{\"labels\":[\"run=mistake\"]}}");
        assertEquals(4_199L, done.get("count"));
        assertEquals(Boolean.FALSE, done.get("dry_run"));
        Map<String, Object> jobs = (Map<String, Object>) c.ok("{\"op\":\"status\"}").get("jobs");
        assertEquals(4_200L, jobs.get("dead"));
        assertEquals(300L, jobs.get("pending"));
        Map<String, Object> byIds = c.ok("{\"op\":\"rerun\",\"ids\":[\"1\",\"4300\",\"nope\"]}");
        assertEquals(1L, byIds.get("count"));
        assertEquals(List.of("nope"), byIds.get("not_found"));
        assertEquals(Map.of("pending", 1L), byIds.get("skipped_states"));
        Map<String, Object> retried = c.ok("{\"op\":\"dlq_retry\",\"all\":true}");
        assertEquals(4_199L, retried.get("count"), "the old form keeps its count");
        assertEquals("INVALID_ARGUMENT", RawClient.errorCode(c.call("{\"op\":\"cancel\",\"id\":\"2\",\"all\":true}")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void pagesOfAFilteredListingFollowTheirCursorAndACursorFitsOnlyItsListing() {
        c.ok("{\"op\":\"worker_stop\"}");
        StringBuilder batch = new StringBuilder("{\"op\":\"enqueue_batch\",\"jobs\":[");
        for (int i = 0; i < 1_000; i++) {
            batch.append(i == 0 ? "" : ",").append("{\"command\":\"echo ").append(i % 2 == 0 ? "even" : "odd")
                    .append("\"}");
        }
        c.ok(batch.append("]}").toString());
        Set<String> seen = new HashSet<>();
        String cursor = null;
        List<String> order = new ArrayList<>();
        do {
            Map<String, Object> page = c.ok("{\"op\":\"list\",\"search\":\"even\",\"limit\":77,\"newest_first\":true"
                    + (cursor == null ? "" : ",\"cursor\":\"" + cursor + "\"") + "}");
            for (Object o : (List<Object>) page.get("jobs")) {
                String id = (String) ((Map<String, Object>) o).get("id");
                assertTrue(seen.add(id), "once: " + id);
                order.add(id);
            }
            assertNull(page.get("total"), "a search is not counted");
            cursor = (String) page.get("next");
        } while (cursor != null);
        assertEquals(500, seen.size());
        assertEquals("999", order.get(0), "newest first");
        Map<String, Object> first = c.ok("{\"op\":\"list\",\"state\":\"pending\",\"limit\":10}");
        assertEquals(1_000L, first.get("total"));
        Map<String, Object> wrong = c.call("{\"op\":\"list\",\"limit\":10,\"cursor\":\"" + first.get("next") + "\"}");
        assertEquals("INVALID_ARGUMENT", RawClient.errorCode(wrong));
        assertTrue(RawClient.errorMessage(wrong).contains("another listing"), RawClient.errorMessage(wrong));
        assertEquals("INVALID_ARGUMENT", RawClient.errorCode(c.call("{\"op\":\"list\",\"cursor\":\"bm9wZQ\"}")));
    }

    @Test
    void anEnqueueIfAbsentAnswersWithTheJobThatHasTheId() {
        Map<String, Object> first = c.ok("{\"op\":\"enqueue\",\"id\":\"once\",\"command\":\"sleep 60\",\"delay\":\"1h\",\"if_absent\":true}");
        assertEquals(Boolean.FALSE, first.get("existed"));
        Map<String, Object> again = c.ok("{\"op\":\"enqueue\",\"id\":\"once\",\"command\":\"rm -rf /\",\"if_absent\":true}");
        assertEquals(Boolean.TRUE, again.get("existed"));
        assertEquals("sleep 60", again.get("command"), "the existing job, untouched");
        assertEquals("DUPLICATE_ID", RawClient.errorCode(c.call("{\"op\":\"enqueue\",\"id\":\"once\",\"command\":\"x\"}")));
        assertEquals("INVALID_ARGUMENT", RawClient.errorCode(c.call("{\"op\":\"enqueue\",\"command\":\"x\","
                + "\"if_absent\":true}")), "without an id every job is new");
    }
}
