package dev.queuectl.daemon;

import static dev.queuectl.daemon.Jobs.awaitState;
import static dev.queuectl.daemon.Jobs.enqueue;
import static dev.queuectl.daemon.Jobs.history;
import static dev.queuectl.daemon.Jobs.json;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.queuectl.daemon.config.DaemonSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Drain and crash recovery: an interrupted run never counts, never overlaps, and runs again. */
class RecoveryIT {
    @RegisterExtension
    final ShortTempDir tmp = new ShortTempDir();
    private Path root;

    @BeforeEach
    void setUp() {
        root = tmp.path();
    }

    @AfterEach
    void tearDown() {
    }

    /** Runs once for a long time, leaving a child and recording pids; the next run succeeds at once. */
    private String twoPhaseCommand() {
        Path marker = root.resolve("first-run");
        return "if [ -f " + marker + " ]; then echo second run; exit 0; fi; touch " + marker + "; echo $$ > "
                + root.resolve("shell.pid") + "; sleep 300 & echo $! > " + root.resolve("child.pid") + "; wait";
    }

    private long pid(String file) throws Exception {
        return Long.parseLong(Files.readString(root.resolve(file)).strip());
    }

    private void awaitChildStarted() {
        await().atMost(Duration.ofSeconds(15)).until(() -> Files.exists(root.resolve("child.pid"))
                && !Files.readString(root.resolve("child.pid")).isBlank());
    }

    @Test
    void drainInterruptsAJobThatOutlivesTheTimeoutAndItRunsAgainAfterRestart() throws Exception {
        DaemonSettings settings = DaemonSettings.of(root.resolve("data"), root.resolve("d.sock"))
                .withDrainTimeout(Duration.ofMillis(500)).withKillGrace(Duration.ofSeconds(1));
        QueueDaemon daemon = QueueDaemon.start(settings);
        String id;
        try (RawClient c = new RawClient(settings.socket())) {
            id = enqueue(c, "{\"command\":" + json(twoPhaseCommand()) + "}");
            awaitChildStarted();
            Map<String, Object> drained = c.ok("{\"op\":\"drain\"}");
            assertEquals(1L, drained.get("interrupted"));
            assertEquals(0L, drained.get("finished"));
        }
        daemon.awaitTermination();
        assertFalse(EngineIT.alive(pid("shell.pid")));
        assertFalse(EngineIT.alive(pid("child.pid")), "the whole group was stopped");
        assertFalse(Files.exists(settings.socket()));

        try (QueueDaemon again = QueueDaemon.start(settings); RawClient c = new RawClient(settings.socket())) {
            Map<String, Object> job = awaitState(c, id, "completed", Duration.ofSeconds(15));
            List<Map<String, Object>> runs = history(job);
            assertEquals("interrupted", runs.get(0).get("outcome"));
            assertTrue(((String) runs.get(0).get("error")).contains("shutting down"), (String) runs.get(0).get("error"));
            assertEquals("completed", runs.get(1).get("outcome"));
            assertEquals(1L, job.get("attempts"), "the interrupted run does not count");
            assertEquals("second run\n", Jobs.logs(c, id, 2));
        }
    }

    @Test
    void sigtermDrainsAndTheDaemonExitsZero() throws Exception {
        Path data = root.resolve("data");
        Path socket = root.resolve("d.sock");
        String id;
        try (DaemonProcess daemon = DaemonProcess.start(data, socket, "--drain-timeout=300ms", "--kill-grace=1s")) {
            try (RawClient c = new RawClient(socket)) {
                id = enqueue(c, "{\"command\":" + json(twoPhaseCommand()) + "}");
            }
            awaitChildStarted();
            assertEquals(0, daemon.terminate(), "SIGTERM is a clean stop");
        }
        assertFalse(EngineIT.alive(pid("child.pid")));
        try (QueueDaemon again = QueueDaemon.start(DaemonSettings.of(data, socket)); RawClient c = new RawClient(socket)) {
            Map<String, Object> job = awaitState(c, id, "completed", Duration.ofSeconds(15));
            assertEquals("interrupted", history(job).get(0).get("outcome"));
        }
    }

    @Test
    void afterKillMinus9TheSurvivingProcessGroupIsStoppedAndTheJobRunsAgain() throws Exception {
        Path data = root.resolve("data");
        Path socket = root.resolve("d.sock");
        String id;
        try (DaemonProcess daemon = DaemonProcess.start(data, socket)) {
            try (RawClient c = new RawClient(socket)) {
                id = enqueue(c, "{\"command\":" + json(twoPhaseCommand()) + "}");
            }
            awaitChildStarted();
            daemon.kill9();
        }
        long shell = pid("shell.pid");
        long child = pid("child.pid");
        assertTrue(EngineIT.alive(shell) && EngineIT.alive(child), "the run survives its daemon");

        try (QueueDaemon again = QueueDaemon.start(DaemonSettings.of(data, socket)); RawClient c = new RawClient(socket)) {
            // Recovery finishes before start() returns: no new run can overlap a survivor.
            assertFalse(EngineIT.alive(shell), "survivor " + shell + " stopped");
            assertFalse(EngineIT.alive(child), "survivor " + child + " stopped");
            Map<String, Object> job = awaitState(c, id, "completed", Duration.ofSeconds(15));
            List<Map<String, Object>> runs = history(job);
            assertEquals(2, runs.size());
            assertEquals("interrupted", runs.get(0).get("outcome"));
            assertEquals("run 1 interrupted: the daemon stopped unexpectedly", runs.get(0).get("error"));
            assertEquals("completed", runs.get(1).get("outcome"));
            assertEquals(0L, Jobs.count(c, "processing"));
        }
    }
}
