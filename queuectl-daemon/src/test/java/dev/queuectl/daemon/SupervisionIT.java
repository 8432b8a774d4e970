package dev.queuectl.daemon;

import static dev.queuectl.daemon.Jobs.awaitState;
import static dev.queuectl.daemon.Jobs.config;
import static dev.queuectl.daemon.Jobs.enqueue;
import static dev.queuectl.daemon.Jobs.history;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.queuectl.daemon.health.FatalFailure;
import dev.queuectl.daemon.health.Loop;
import dev.queuectl.protocol.ProtocolVersion;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * No long-lived loop of the daemon dies silently: a failure injected into a turn of each loop
 * (dispatcher, store writer, workers, output guard, retention) is logged at ERROR — with the
 * job's id where the turn is about one — counted in {@code status}, and the queue goes on running
 * jobs; an {@link Error} stops the daemon, which {@code main} turns into exit status 3. And the
 * reported stall: a job due as far ahead as the protocol allows (the year 2400 is refused at the
 * edge), or a store row with an extreme run_at, stops nothing, before or after a cancel or a
 * restart.
 */
class SupervisionIT {
    private final FaultInjector faults = new FaultInjector();
    private final LogCapture logs = new LogCapture();
    private TestDaemon daemon;
    private RawClient c;

    private void start() {
        daemon = TestDaemon.start(Clock.systemUTC(), s -> s.withDrainTimeout(Duration.ofSeconds(2)), faults);
        c = daemon.connect();
    }

    @AfterEach
    void stop() {
        if (c != null) {
            c.close();
        }
        if (daemon != null) {
            daemon.close();
        }
        logs.close();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> loop(String name) {
        List<Map<String, Object>> loops = (List<Map<String, Object>>) c.ok("{\"op\":\"status\"}").get("loops");
        for (Map<String, Object> l : loops) {
            if (l.get("name").equals(name)) {
                return l;
            }
        }
        throw new AssertionError("status lists no loop " + name + ": " + loops);
    }

    /** The loop survived one injected failure: alive, the failure counted, and jobs still run. */
    private void assertSurvived(String name) {
        await().atMost(Duration.ofSeconds(10)).until(() -> ((Long) loop(name).get("errors")) >= 1);
        Map<String, Object> l = loop(name);
        assertEquals(Boolean.TRUE, l.get("alive"), name + " is alive: " + l);
        assertTrue(((String) l.get("last_error")).contains("injected failure in the " + name), l.toString());
        assertTrue(logs.errors().stream().anyMatch(m -> m.contains(name + " loop: unexpected failure")),
                "logged at ERROR: " + logs.errors());
        String after = enqueue(c, "{\"command\":\"echo after\"}");
        awaitState(c, after, "completed", Duration.ofSeconds(15));
    }

    @Test
    void statusShowsTheDispatcherAndTheStoreWriterAliveWithTheirLastTurn() {
        start();
        String id = enqueue(c, "{\"command\":\"true\"}");
        awaitState(c, id, "completed", Duration.ofSeconds(10));
        for (String name : List.of(Loop.DISPATCHER, Loop.STORE_WRITER, Loop.WORKERS, Loop.OUTPUT_GUARD,
                Loop.RETENTION)) {
            Map<String, Object> l = loop(name);
            assertEquals(Boolean.TRUE, l.get("alive"), l.toString());
            assertEquals(0L, l.get("errors"), l.toString());
        }
        assertNotNull(loop(Loop.DISPATCHER).get("last_turn"), "the dispatcher took a turn");
        assertNotNull(loop(Loop.STORE_WRITER).get("last_turn"), "the writer took a turn");
        assertEquals((long) ProtocolVersion.CURRENT, c.ok("{\"op\":\"status\"}").get("protocol"));
    }

    @Test
    void theDispatcherSurvivesAFailureAndStillClaims() {
        start();
        faults.failNext(Loop.DISPATCHER);
        String id = enqueue(c, "{\"command\":\"echo ran\"}");
        awaitState(c, id, "completed", Duration.ofSeconds(15));
        assertEquals(1, faults.injected(Loop.DISPATCHER));
        assertSurvived(Loop.DISPATCHER);
    }

    @Test
    void theStoreWriterSurvivesAFailureRefusingOnlyTheRequestsOfThatBatch() {
        start();
        faults.failNext(Loop.STORE_WRITER);
        Map<String, Object> refused = c.call("{\"op\":\"enqueue\",\"id\":\"lost\",\"command\":\"true\"}");
        assertEquals("INTERNAL", RawClient.errorCode(refused), "the failed batch's request is told");
        assertEquals("NOT_FOUND", RawClient.errorCode(c.call("{\"op\":\"show\",\"id\":\"lost\"}")),
                "and its work was rolled back");
        assertSurvived(Loop.STORE_WRITER);
    }

    @Test
    void aWorkerFailureIsLoggedWithTheJobAndCountsAsAFailedRunThatRetries() {
        start();
        config(c, "backoff_base", 1);
        faults.failNextAbout(Loop.WORKERS, "victim");
        enqueue(c, "{\"id\":\"victim\",\"max_retries\":1,\"command\":\"echo second try\"}");
        Map<String, Object> job = awaitState(c, "victim", "completed", Duration.ofSeconds(15));
        List<Map<String, Object>> runs = history(job);
        assertEquals(2, runs.size());
        assertEquals("failed", runs.get(0).get("outcome"));
        assertTrue(((String) runs.get(0).get("error")).startsWith("internal error in queuectld"), runs.toString());
        assertEquals("completed", runs.get(1).get("outcome"));
        assertTrue(logs.errors().stream().anyMatch(m -> m.contains("workers loop: unexpected failure on job victim")),
                "the job's id is in the log line: " + logs.errors());
        assertEquals(0L, ((Map<?, ?>) c.ok("{\"op\":\"status\"}").get("workers")).get("busy"),
                "the worker's slot was given back");
        assertSurvived(Loop.WORKERS);
    }

    @Test
    void theOutputGuardSurvivesAFailure() {
        start();
        faults.failNext(Loop.OUTPUT_GUARD);
        String id = enqueue(c, "{\"command\":\"sleep 1.5; echo guarded\"}");
        awaitState(c, id, "completed", Duration.ofSeconds(15));
        assertSurvived(Loop.OUTPUT_GUARD);
    }

    @Test
    void theRetentionLoopSurvivesAFailedSweep() {
        start();
        faults.failNext(Loop.RETENTION);
        assertEquals("INTERNAL", RawClient.errorCode(c.call("{\"op\":\"prune\",\"completed\":true}")));
        assertEquals(0L, c.ok("{\"op\":\"prune\",\"completed\":true}").get("count"), "the next sweep works");
        assertSurvived(Loop.RETENTION);
    }

    @Test
    void aFailureNoLoopCanCarryOnFromStopsTheDaemonWithExitStatusThree() throws Exception {
        start();
        String running = enqueue(c, "{\"command\":\"sleep 0.5\"}");
        awaitState(c, running, "processing", Duration.ofSeconds(10));
        faults.fatalNext(Loop.DISPATCHER);
        enqueue(c, "{\"command\":\"true\"}");
        FatalFailure f = daemon.daemon().fatalFailure().get();
        assertEquals(Loop.DISPATCHER, f.loop());
        assertEquals(Main.FAILED, Main.awaitStop(daemon.daemon(), daemon.settings), "main exits 3");
        assertTrue(daemon.daemon().termination().isDone(), "the daemon stopped itself (a drain)");
        assertFalse(java.nio.file.Files.exists(daemon.socket()), "and its socket is gone");
        assertTrue(logs.errors().stream().anyMatch(m -> m.contains("queuectld cannot carry on")), logs.errors().toString());
        c.close();
        c = null;
        daemon.restart();
        c = daemon.connect();
        assertEquals("completed", Jobs.state(c, running), "the run in progress was let finish by the drain");
    }

    @Test
    void aFatalStoreWriterFailureRefusesRequestsAtOnceInsteadOfHangingThem() throws Exception {
        start();
        faults.fatalNext(Loop.STORE_WRITER);
        Map<String, Object> first = c.call("{\"op\":\"enqueue\",\"command\":\"true\"}");
        // INTERNAL when the enqueue's own turn hit the failure; UNAVAILABLE when an earlier write's
        // turn did (run statistics are saved in the background) and the enqueue was refused after it
        assertTrue(Set.of("INTERNAL", "UNAVAILABLE").contains(RawClient.errorCode(first)), first.toString());
        assertEquals(Loop.STORE_WRITER, daemon.daemon().fatalFailure().get().loop());
        assertEquals(Main.FAILED, Main.awaitStop(daemon.daemon(), daemon.settings));
    }

    @Test
    void aJobDueFarAheadStopsNothingBeforeOrAfterItsCancelOrARestart() {
        start();
        Map<String, Object> y2400 = c.call("{\"op\":\"enqueue\",\"id\":\"y2400\",\"command\":\"true\","
                + "\"run_at\":\"2400-01-01T00:00:00Z\"}");
        assertEquals("INVALID_ARGUMENT", RawClient.errorCode(y2400), "beyond the documented range: refused at the edge");
        awaitState(c, enqueue(c, "{\"id\":\"now0\",\"command\":\"echo hi\"}"), "completed", Duration.ofSeconds(10));
        String farthest = "2199-12-31T23:59:59.999Z"; // the last run_at the protocol accepts
        enqueue(c, "{\"id\":\"far\",\"command\":\"true\",\"run_at\":\"" + farthest + "\"}");
        awaitState(c, enqueue(c, "{\"id\":\"now1\",\"command\":\"echo hi\"}"), "completed", Duration.ofSeconds(10));
        assertEquals("pending", Jobs.state(c, "far"));
        assertEquals("dead", c.ok("{\"op\":\"cancel\",\"id\":\"far\"}").get("state"));
        awaitState(c, enqueue(c, "{\"id\":\"now2\",\"command\":\"true\"}"), "completed", Duration.ofSeconds(10));
        enqueue(c, "{\"id\":\"far2\",\"command\":\"true\",\"run_at\":\"" + farthest + "\"}");
        c.close();
        daemon.restart();
        c = daemon.connect();
        awaitState(c, enqueue(c, "{\"id\":\"now3\",\"command\":\"true\"}"), "completed", Duration.ofSeconds(10));
        assertEquals("pending", Jobs.state(c, "far2"));
        assertEquals(0L, loop(Loop.DISPATCHER).get("errors"));
    }

    @Test
    void storeRowsWithExtremeRunAtStopNothing() throws Exception {
        start();
        enqueue(c, "{\"id\":\"far\",\"command\":\"true\",\"run_at\":\"2099-01-01T00:00:00Z\"}");
        enqueue(c, "{\"id\":\"past\",\"command\":\"echo past\",\"run_at\":\"2099-01-01T00:00:00Z\"}");
        c.close();
        daemon.stop();
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + daemon.settings.databaseFile());
             PreparedStatement update = db.prepareStatement("UPDATE jobs SET run_at = ? WHERE id = ?")) {
            update.setLong(1, Long.MAX_VALUE);
            update.setString(2, "far");
            update.executeUpdate();
            update.setLong(1, Long.MIN_VALUE);
            update.setString(2, "past");
            update.executeUpdate();
        }
        daemon.restart();
        c = daemon.connect();
        awaitState(c, enqueue(c, "{\"command\":\"echo hi\"}"), "completed", Duration.ofSeconds(10));
        awaitState(c, "past", "completed", Duration.ofSeconds(10));
        assertEquals("pending", Jobs.state(c, "far"));
        assertEquals(3L, c.ok("{\"op\":\"list\"}").get("total"));
        assertNotNull(c.ok("{\"op\":\"metrics\"}"));
        for (String name : List.of(Loop.DISPATCHER, Loop.STORE_WRITER, Loop.WORKERS)) {
            assertEquals(0L, loop(name).get("errors"), name);
        }
        assertEquals(List.of(), logs.errors(), "nothing failed");
    }
}
