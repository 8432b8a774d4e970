package dev.queuectl.daemon;

import static dev.queuectl.daemon.Jobs.awaitState;
import static dev.queuectl.daemon.Jobs.json;
import static dev.queuectl.daemon.Jobs.show;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Named queues against the real daemon and real processes: a queue's concurrency holds however
 * many workers are free, a paused queue holds its jobs back and never the others', a queue's
 * defaults reach the jobs enqueued into it, and the reasons a job waits name its queue.
 */
class QueuesIT {
    private TestDaemon daemon;
    private RawClient c;

    @BeforeEach
    void start() {
        daemon = TestDaemon.start();
        c = daemon.connect();
        Jobs.config(c, "workers", 4);
    }

    @AfterEach
    void stop() {
        c.close();
        daemon.close();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> queue(String name) {
        for (Object q : (List<Object>) c.ok("{\"op\":\"queue_list\"}").get("queues")) {
            if (name.equals(((Map<String, Object>) q).get("name"))) {
                return (Map<String, Object>) q;
            }
        }
        throw new AssertionError("no queue " + name);
    }

    @SuppressWarnings("unchecked")
    private static String reason(Map<String, Object> job) {
        Map<String, Object> why = (Map<String, Object>) job.get("why_waiting");
        return why == null ? null : (String) why.get("reason");
    }

    @Test
    void aQueuesConcurrencyHoldsWhileOtherQueuesUseTheFreeWorkers() throws Exception {
        Path lock = daemon.root.resolve("lock");
        Path gate = daemon.root.resolve("gate");
        c.ok("{\"op\":\"queue_add\",\"name\":\"backups\",\"concurrency\":1}");
        // two backups at once would find the lock taken and fail (max_retries 0: dead)
        String backup = "mkdir " + lock + " || exit 3; while [ ! -e " + gate + " ]; do sleep 0.02; done;"
                + " sleep 0.1; rmdir " + lock;
        for (int i = 0; i < 3; i++) {
            Jobs.enqueue(c, "{\"id\":\"b" + i + "\",\"queue\":\"backups\",\"max_retries\":0,\"command\":"
                    + json(backup) + "}");
        }
        Jobs.enqueue(c, "{\"id\":\"other\",\"command\":\"true\"}");
        awaitState(c, "other", "completed", Duration.ofSeconds(10));
        await().atMost(Duration.ofSeconds(10)).until(() -> "processing".equals(Jobs.state(c, "b0")));
        assertEquals("queue_full", reason(show(c, "b1")), "three free workers, but the queue is full");
        assertEquals(1L, ((Map<?, ?>) queue("backups").get("jobs")).get("processing"));
        Files.createFile(gate);
        for (int i = 0; i < 3; i++) {
            awaitState(c, "b" + i, "completed", Duration.ofSeconds(20));
        }
    }

    @Test
    void aPausedQueueHoldsItsJobsNotOthersAndResumingRunsThem() {
        c.ok("{\"op\":\"queue_add\",\"name\":\"slow\"}");
        Map<String, Object> paused = c.ok("{\"op\":\"queue_pause\",\"names\":[\"slow\"]}");
        assertEquals(true, ((Map<?, ?>) ((List<?>) paused.get("queues")).get(0)).get("paused"));
        Jobs.enqueue(c, "{\"id\":\"s\",\"queue\":\"slow\",\"priority\":100,\"command\":\"true\"}");
        Jobs.enqueue(c, "{\"id\":\"f\",\"command\":\"true\"}");
        awaitState(c, "f", "completed", Duration.ofSeconds(10));
        Map<String, Object> s = show(c, "s");
        assertEquals("pending", s.get("state"));
        assertEquals("queue_paused", reason(s));
        assertEquals("slow", s.get("queue"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> queues = (List<Map<String, Object>>) c.ok("{\"op\":\"status\"}").get("queues");
        assertTrue(queues.stream().anyMatch(q -> "slow".equals(q.get("name")) && Boolean.TRUE.equals(q.get("paused"))));
        Map<String, Object> listed = c.ok("{\"op\":\"list\",\"queue\":\"slow\"}");
        assertEquals(1, ((List<?>) listed.get("jobs")).size(), "list --queue");
        assertEquals("NOT_FOUND", RawClient.errorCode(c.call("{\"op\":\"queue_resume\",\"names\":[\"slow\",\"nope\"]}")));
        c.ok("{\"op\":\"queue_resume\",\"names\":[\"slow\"]}");
        awaitState(c, "s", "completed", Duration.ofSeconds(10));
    }

    @Test
    void aQueuesDefaultsApplyToItsJobsWithoutTheirOwn() {
        c.ok("{\"op\":\"queue_add\",\"name\":\"strict\",\"max_retries\":0,\"timeout\":\"1s\"}");
        Jobs.enqueue(c, "{\"id\":\"long\",\"queue\":\"strict\",\"command\":\"sleep 30\"}");
        Map<String, Object> dead = awaitState(c, "long", "dead", Duration.ofSeconds(20));
        assertEquals(0L, dead.get("max_retries"));
        assertEquals(1L, dead.get("timeout"), "seconds on the wire");
        assertEquals("timed_out", Jobs.history(dead).get(0).get("outcome"));
        Map<String, Object> set = c.ok("{\"op\":\"queue_set\",\"name\":\"strict\",\"reset\":[\"timeout\"],"
                + "\"concurrency\":2}");
        assertEquals(null, set.get("timeout"));
        assertEquals(2L, set.get("concurrency"));
        assertEquals("DUPLICATE_ID", RawClient.errorCode(c.call("{\"op\":\"queue_add\",\"name\":\"strict\"}")));
        assertEquals("NOT_FOUND", RawClient.errorCode(c.call("{\"op\":\"queue_set\",\"name\":\"nope\",\"concurrency\":1}")));
        assertEquals("INVALID_ARGUMENT", RawClient.errorCode(c.call("{\"op\":\"queue_add\",\"name\":\"a b\"}")));
        assertEquals("INVALID_ARGUMENT", RawClient.errorCode(c.call("{\"op\":\"queue_set\",\"name\":\"strict\","
                + "\"concurrency\":0}")));
    }

    @Test
    void aQueueWithJobsIsNotRemovedAndMetricsCarryTheQueue() {
        Jobs.enqueue(c, "{\"id\":\"m\",\"queue\":\"mail\",\"command\":\"true\"}");
        awaitState(c, "m", "completed", Duration.ofSeconds(10));
        Map<String, Object> refused = c.call("{\"op\":\"queue_remove\",\"name\":\"mail\"}");
        assertEquals("INVALID_STATE", RawClient.errorCode(refused));
        assertTrue(RawClient.errorMessage(refused).contains("still has 1 job"), RawClient.errorMessage(refused));
        String metrics = c.ok("{\"op\":\"metrics\"}").toString();
        assertTrue(metrics.contains("queuectl_queue_jobs{queue=\"mail\",state=\"completed\"} 1.0"), metrics);
        assertEquals(1L, c.ok("{\"op\":\"prune\",\"completed\":true,\"older_than\":\"0s\"}").get("count"));
        assertEquals(1L, c.ok("{\"op\":\"queue_remove\",\"name\":\"mail\"}").get("count"));
    }
}
