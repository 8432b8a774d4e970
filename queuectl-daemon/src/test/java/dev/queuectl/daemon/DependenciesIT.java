package dev.queuectl.daemon;

import static dev.queuectl.daemon.Jobs.awaitState;
import static dev.queuectl.daemon.Jobs.json;
import static dev.queuectl.daemon.Jobs.show;
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
 * Dependencies against the real daemon and real processes: a job runs after what it names, a
 * dead dependency takes its dependents along and bringing it back brings them back, {@code wait}
 * hears of a dependent that died, unknown ids are refused, and prune keeps what waiting jobs need.
 */
class DependenciesIT {
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

    @SuppressWarnings("unchecked")
    private static Map<String, Object> why(Map<String, Object> job) {
        return (Map<String, Object>) job.get("why_waiting");
    }

    @Test
    void aJobRunsOnlyAfterItsDependenciesAndShowSaysWhatItWaitsFor() throws Exception {
        Path gate = daemon.root.resolve("gate");
        Path order = daemon.root.resolve("order");
        Jobs.enqueue(c, "{\"id\":\"build\",\"command\":" + json("while [ ! -e " + gate + " ]; do sleep 0.02; done;"
                + " echo build >> " + order) + "}");
        Jobs.enqueue(c, "{\"id\":\"test\",\"command\":" + json("echo test >> " + order) + "}");
        Jobs.enqueue(c, "{\"id\":\"deploy\",\"after\":[\"build\",\"test\"],\"command\":"
                + json("echo deploy >> " + order) + "}");
        awaitState(c, "test", "completed", Duration.ofSeconds(10));
        Map<String, Object> deploy = show(c, "deploy");
        assertEquals("pending", deploy.get("state"));
        assertEquals("dependencies", why(deploy).get("reason"));
        assertEquals(1L, why(deploy).get("waiting_for"));
        assertEquals(List.of(Map.of("id", "build", "state", "processing"), Map.of("id", "test", "state", "completed")),
                deploy.get("dependencies"));
        assertEquals(List.of(Map.of("id", "deploy", "state", "pending")), show(c, "build").get("dependents"));
        Files.createFile(gate);
        awaitState(c, "deploy", "completed", Duration.ofSeconds(10));
        assertEquals(List.of("test", "build", "deploy"), Files.readAllLines(order));
    }

    @Test
    void aDeadDependencyKillsItsDependentsAndRetryingItBringsThemBack() throws Exception {
        Path ok = daemon.root.resolve("ok");
        Jobs.enqueue(c, "{\"id\":\"x\",\"max_retries\":0,\"command\":" + json("test -e " + ok) + "}");
        c.ok("{\"op\":\"enqueue_batch\",\"jobs\":[{\"id\":\"y\",\"after\":\"x\",\"command\":\"true\"},"
                + "{\"id\":\"z\",\"after\":[\"y\"],\"command\":\"true\"}]}");
        CompletableWait waitZ = new CompletableWait(daemon, "z");
        Map<String, Object> y = awaitState(c, "y", "dead", Duration.ofSeconds(10));
        assertEquals("dependency x is dead", y.get("last_error"));
        assertEquals("dependency y is dead", awaitState(c, "z", "dead", Duration.ofSeconds(10)).get("last_error"));
        assertEquals("dead", waitZ.result().get("state"), "wait hears of a job that died with its dependency");
        Files.createFile(ok);
        c.ok("{\"op\":\"dlq_retry\",\"id\":\"x\"}");
        awaitState(c, "z", "completed", Duration.ofSeconds(10));
        assertEquals("completed", Jobs.state(c, "y"));
    }

    @Test
    void unknownDependenciesAreRefusedAndNothingIsEnqueued() {
        Map<String, Object> refused = c.call("{\"op\":\"enqueue\",\"id\":\"lost\",\"after\":[\"ghost\",\"phantom\"],"
                + "\"command\":\"true\"}");
        assertEquals("NOT_FOUND", RawClient.errorCode(refused));
        assertTrue(RawClient.errorMessage(refused).contains("ghost, phantom"), RawClient.errorMessage(refused));
        assertEquals("NOT_FOUND", RawClient.errorCode(c.call("{\"op\":\"show\",\"id\":\"lost\"}")));
        assertEquals("INVALID_ARGUMENT", RawClient.errorCode(c.call("{\"op\":\"enqueue\",\"id\":\"me\","
                + "\"after\":[\"me\"],\"command\":\"true\"}")));
    }

    @Test
    void pruneKeepsAJobThatAWaitingJobDependsOnAndSaysSo() {
        c.ok("{\"op\":\"worker_stop\"}");
        Jobs.enqueue(c, "{\"id\":\"dep\",\"command\":\"true\"}");
        Jobs.enqueue(c, "{\"id\":\"slow\",\"command\":\"true\",\"delay\":\"1h\"}");
        Jobs.enqueue(c, "{\"id\":\"waiter\",\"after\":[\"dep\",\"slow\"],\"command\":\"true\"}");
        c.ok("{\"op\":\"worker_start\"}");
        awaitState(c, "dep", "completed", Duration.ofSeconds(10));
        Map<String, Object> pruned = c.ok("{\"op\":\"prune\",\"completed\":true,\"older_than\":\"0s\"}");
        assertEquals(0L, pruned.get("count"));
        assertEquals(1L, pruned.get("kept"));
        assertEquals("completed", Jobs.state(c, "dep"));
    }

    /** A {@code wait} for a job on a connection of its own, started now. */
    private static final class CompletableWait {
        private final java.util.concurrent.CompletableFuture<Map<String, Object>> result;

        CompletableWait(TestDaemon daemon, String id) {
            RawClient own = daemon.connect();
            result = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try (own) {
                    return own.ok("{\"op\":\"wait\",\"id\":\"" + id + "\",\"timeout\":\"20s\"}");
                }
            });
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> result() {
            Map<String, Object> r = result.orTimeout(20, java.util.concurrent.TimeUnit.SECONDS).join();
            return r.containsKey("job") ? (Map<String, Object>) r.get("job") : r;
        }
    }
}
