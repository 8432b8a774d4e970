package dev.queuectl.client;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.queuectl.daemon.ShortTempDir;
import dev.queuectl.daemon.QueueDaemon;
import dev.queuectl.daemon.config.DaemonSettings;
import dev.queuectl.protocol.json.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The commands that deal with running jobs: logs, wait, cancel, dlq, worker, drain. */
class EngineCliIT {
    @RegisterExtension
    final ShortTempDir temp = new ShortTempDir();
    private Path root;
    private Path socket;
    private QueueDaemon daemon;

    @BeforeEach
    void start() throws IOException {
        root = temp.path();
        socket = root.resolve("d.sock");
        daemon = QueueDaemon.start(DaemonSettings.of(root.resolve("data"), socket).withDrainTimeout(Duration.ofSeconds(5)));
    }

    @AfterEach
    void stop() throws IOException {
        daemon.close();
    }

    private CliRun cli(String... args) {
        return CliRun.run(socket, args);
    }

    private CliRun ok(String... args) {
        CliRun r = cli(args);
        assertEquals(0, r.exitCode, r::toString);
        return r;
    }

    private String state(String id) {
        return (String) ((Map<?, ?>) Json.parse(ok("show", id, "--json").out)).get("state");
    }

    @Test
    void waitExitsZeroForCompletedSixForDeadSevenForTimeout() {
        String good = ok("enqueue", "--", "echo", "fine").out.strip();
        CliRun waited = cli("wait", good);
        assertEquals(0, waited.exitCode, waited::toString);
        assertEquals(good + " completed\n", waited.out);

        String bad = ok("enqueue", "--max-retries", "0", "echo broken >&2; exit 4").out.strip();
        CliRun dead = cli("wait", bad);
        assertEquals(6, dead.exitCode, dead::toString);
        assertTrue(dead.out.contains("exit code 4: broken"), dead.out);

        String slow = ok("enqueue", "--", "sleep", "30").out.strip();
        CliRun timedOut = cli("wait", slow, "--timeout", "200ms");
        assertEquals(7, timedOut.exitCode, timedOut::toString);
        assertTrue(timedOut.err.contains("still"), timedOut.err);
        ok("cancel", slow);
        assertEquals(3, cli("wait", "no-such-job").exitCode);
    }

    @Test
    void logsPrintsARunsOutputAndFollowStreamsUntilTheEnd() {
        String id = ok("enqueue", "for i in 1 2 3; do echo line $i; sleep 0.3; done").out.strip();
        CliRun followed = cli("logs", "--follow", id);
        assertEquals(0, followed.exitCode, followed::toString);
        assertEquals("line 1\nline 2\nline 3\n", followed.out);
        assertEquals("line 1\nline 2\nline 3\n", ok("logs", id, "--attempt", "1").out);
        CliRun noSuchRun = cli("logs", id, "--attempt", "2");
        assertEquals(2, noSuchRun.exitCode, noSuchRun::toString);
        String later = ok("enqueue", "--delay", "1h", "--", "true").out.strip();
        CliRun notYet = cli("logs", later);
        assertEquals(0, notYet.exitCode);
        assertTrue(notYet.err.contains("has not run yet"), notYet.err);
        ok("cancel", later);
        CliRun never = cli("logs", "--follow", later);
        assertEquals(0, never.exitCode, never::toString);
        assertTrue(never.err.contains("is dead and never ran"), never.err);
    }

    @Test
    void followingAJobThatHasNotRunYetWaitsForItsFirstRun() throws Exception {
        ok("worker", "stop");
        String id = ok("enqueue", "echo started").out.strip();
        java.util.concurrent.CompletableFuture<CliRun> follow =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> cli("logs", "--follow", id));
        ok("worker", "start");
        CliRun followed = follow.get(60, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(0, followed.exitCode, followed::toString);
        assertEquals("started\n", followed.out);
    }

    @Test
    void cancelAndTheDeadLetterQueue() {
        String waiting = ok("enqueue", "--delay", "1h", "--id", "w1", "--", "true").out.strip();
        assertEquals("cancelled w1 (now dead)\n", ok("cancel", waiting).out);
        CliRun twice = cli("cancel", waiting);
        assertEquals(4, twice.exitCode, twice::toString);
        assertTrue(ok("dlq", "list").out.contains("cancelled"));

        String running = ok("enqueue", "--id", "r1", "--", "sleep", "60").out.strip();
        await().atMost(Duration.ofSeconds(10)).until(() -> state(running).equals("processing"));
        ok("cancel", running);
        assertEquals("dead", state(running));

        CliRun notDead = cli("dlq", "retry", ok("enqueue", "--delay", "1h", "--", "true").out.strip());
        assertEquals(4, notDead.exitCode, notDead::toString);
        assertTrue(notDead.err.contains("not dead"), notDead.err);
        assertEquals(2, cli("dlq", "retry").exitCode, "an id or --all is required");
        assertEquals(2, cli("dlq", "retry", "w1", "--all").exitCode);

        assertEquals("w1 is pending again\n", ok("dlq", "retry", "w1").out);
        await().atMost(Duration.ofSeconds(10)).until(() -> state("w1").equals("completed"));
        for (String id : new String[] {"d1", "d2", "d3"}) {
            ok("enqueue", "--id", id, "--max-retries", "0", "--", "false");
            assertEquals(6, cli("wait", id).exitCode);
        }
        assertTrue(ok("dlq", "retry", "--all").out.startsWith("moved 4 jobs"), "r1, d1, d2, d3");
        for (String id : new String[] {"d1", "d2", "d3"}) {
            assertEquals(6, cli("wait", id).exitCode);
        }
        ok("cancel", "r1");
        assertEquals("deleted d1\n", ok("dlq", "purge", "d1").out);
        assertEquals(3, cli("show", "d1").exitCode);
        assertEquals(4, cli("dlq", "purge", "w1").exitCode, "w1 is completed, not dead");
        assertEquals("deleted 3 jobs: r1, d2, d3\n", ok("dlq", "purge", "--all").out);
        assertEquals("the dead-letter queue is empty\n", ok("dlq", "list").out);
    }

    @Test
    void workerStopAndStart() {
        assertTrue(ok("worker", "stop").out.startsWith("stopped taking jobs"));
        String id = ok("enqueue", "--", "true").out.strip();
        assertTrue(ok("status").out.contains("stopped (queuectl worker start resumes taking jobs)"));
        assertEquals("pending", state(id));
        assertEquals("taking jobs with 2 workers (0 busy)\n", ok("worker", "start", "--count", "2").out);
        await().atMost(Duration.ofSeconds(10)).until(() -> state(id).equals("completed"));
        assertEquals(2, cli("worker", "start", "--count", "0").exitCode);
    }

    @Test
    void drainStopsTheDaemon() throws Exception {
        ok("enqueue", "--", "sleep", "0.2");
        CliRun r = ok("drain", "--timeout", "10s");
        assertTrue(r.out.startsWith("queuectld drained and is stopping"), r.out);
        daemon.awaitTermination();
        assertEquals(5, cli("status").exitCode, "the daemon is gone");
    }
}
