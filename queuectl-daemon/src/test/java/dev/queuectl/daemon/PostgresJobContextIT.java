package dev.queuectl.daemon;

import static dev.queuectl.daemon.Jobs.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A job's context and actions on request with two daemons sharing a PostgreSQL database: a job
 * held through one node is run by neither until released, and runs with its directory and
 * environment on whichever node claims it; a bulk action by filter through one node covers jobs
 * enqueued through the other, with its dry run first.
 */
class PostgresJobContextIT {
    @RegisterExtension
    final ShortTempDir tmp = new ShortTempDir();
    private final PgNodes nodes = new PgNodes();

    @AfterEach
    void stop() {
        nodes.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aJobHeldThroughOneNodeRunsNowhereUntilReleasedThenWithItsDirectoryAndEnvironment() throws Exception {
        TestDaemon a = nodes.start("node-a", Duration.ofSeconds(10), s -> s);
        TestDaemon b = nodes.start("node-b", Duration.ofSeconds(10), s -> s);
        Path dir = Files.createDirectories(tmp.resolve("project"));
        Path out = dir.resolve("out");
        try (RawClient ca = a.connect(); RawClient cb = b.connect()) {
            ca.ok("{\"op\":\"worker_stop\"}");
            cb.ok("{\"op\":\"worker_stop\"}");
            ca.ok("{\"op\":\"enqueue\",\"id\":\"kept\",\"command\":" + json("echo \"$GREETING\" > out; pwd >> out")
                    + ",\"cwd\":" + json(dir.toString()) + ",\"env\":{\"GREETING\":\"hello there\"}}");
            Map<String, Object> held = cb.ok("{\"op\":\"hold\",\"id\":\"kept\"}");
            assertEquals(Boolean.TRUE, held.get("held"));
            ca.ok("{\"op\":\"enqueue\",\"id\":\"due\",\"command\":\"true\"}");
            Map<String, Object> waiting = (Map<String, Object>) ca.ok("{\"op\":\"status\"}").get("waiting");
            assertEquals(1L, ((Map<String, Object>) waiting.get("pending")).get("held"), waiting.toString());
            ca.ok("{\"op\":\"worker_start\"}");
            cb.ok("{\"op\":\"worker_start\"}");
            Jobs.awaitState(cb, "due", "completed", Duration.ofSeconds(30));
            assertEquals("pending", Jobs.state(ca, "kept"), "a held job is claimed by no node");
            ca.ok("{\"op\":\"release\",\"id\":\"kept\"}");
            Jobs.awaitState(cb, "kept", "completed", Duration.ofSeconds(30));
            assertEquals(List.of("hello there", dir.toRealPath().toString()), Files.readAllLines(out));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aBulkCancelByFilterThroughOneNodeCoversJobsEnqueuedThroughTheOther() {
        TestDaemon a = nodes.start("node-a", Duration.ofSeconds(10), s -> s);
        TestDaemon b = nodes.start("node-b", Duration.ofSeconds(10), s -> s);
        try (RawClient ca = a.connect(); RawClient cb = b.connect()) {
            ca.ok("{\"op\":\"worker_stop\"}");
            cb.ok("{\"op\":\"worker_stop\"}");
            StringBuilder batch = new StringBuilder("{\"op\":\"enqueue_batch\",\"jobs\":[");
            for (int i = 0; i < 2_500; i++) {
                batch.append(i == 0 ? "" : ",").append("{\"id\":\"m").append(i)
                        .append("\",\"command\":\"true\",\"labels\":{\"run\":\"").append(i < 2_400 ? "mistake" : "keep")
                        .append("\"}}");
            }
            ca.ok(batch.append("]}").toString());
            cb.ok("{\"op\":\"cancel\",\"id\":\"m0\"}");
            Map<String, Object> dry = cb.ok("{\"op\":\"cancel\",\"filter\":{\"labels\":[\"run=mistake\"]},"
                    + "\"dry_run\":true}");
            assertEquals(2_399L, dry.get("count"));
            assertEquals(Map.of("dead", 1L), dry.get("skipped_states"));
            assertEquals(1L, Jobs.count(ca, "dead"), "a dry run changes nothing");
            Map<String, Object> done = cb.ok("{\"op\":\"cancel\",\"filter\":{\"labels\":[\"run=mistake\"]}}");
            assertEquals(2_399L, done.get("count"));
            assertEquals(2_400L, Jobs.count(ca, "dead"));
            assertEquals(100L, Jobs.count(ca, "pending"));
            Map<String, Object> rerun = ca.ok("{\"op\":\"rerun\",\"filter\":{\"state\":\"dead\","
                    + "\"labels\":[\"run\"]}}");
            assertEquals(2_400L, rerun.get("count"));
            Map<String, Object> listed = cb.ok("{\"op\":\"list\",\"labels\":[\"run=keep\"],\"limit\":60}");
            assertEquals(60, ((List<Object>) listed.get("jobs")).size());
            Object next = listed.get("next");
            assertTrue(next instanceof String, "a cursor to the next page: " + next);
            Map<String, Object> rest = cb.ok("{\"op\":\"list\",\"labels\":[\"run=keep\"],\"limit\":60,\"cursor\":"
                    + json((String) next) + "}");
            assertEquals(40, ((List<Object>) rest.get("jobs")).size());
            assertEquals(null, rest.get("next"));
        }
    }
}
