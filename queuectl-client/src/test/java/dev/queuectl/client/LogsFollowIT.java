package dev.queuectl.client;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.queuectl.daemon.QueueDaemon;
import dev.queuectl.daemon.ShortTempDir;
import dev.queuectl.daemon.config.DaemonSettings;
import dev.queuectl.protocol.json.Json;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code logs --follow} follows a job, not one run: it waits for a job that has not started,
 * goes on through its retries with a header per run, ends when the job is completed or dead, and
 * says so (exit 5) when a drain interrupts the run it follows.
 */
class LogsFollowIT {
    @RegisterExtension
    final ShortTempDir temp = new ShortTempDir();
    private Path root;
    private Path socket;
    private QueueDaemon daemon;

    @BeforeEach
    void start() {
        root = temp.path();
        socket = root.resolve("d.sock");
        daemon = QueueDaemon.start(DaemonSettings.of(root.resolve("data"), socket)
                .withDrainTimeout(Duration.ofMillis(300)).withKillGrace(Duration.ofMillis(500)));
        ok("config", "set", "backoff_base", "1");
    }

    @AfterEach
    void stop() {
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

    private static long headers(CliRun r) {
        return r.err.lines().filter(l -> l.startsWith("==> ")).count();
    }

    @Test
    void aJobThatHasNotStartedIsWaitedFor() {
        String id = ok("enqueue", "--delay", "1s", "--", "echo", "finally").out.strip();
        CliRun followed = cli("logs", "--follow", id);
        assertEquals(0, followed.exitCode, followed::toString);
        assertEquals("finally\n", followed.out);
        assertEquals("==> " + id + ": run 1 <==\n", followed.err);
        CliRun plain = cli("logs", ok("enqueue", "--delay", "1h", "--", "true").out.strip());
        assertTrue(plain.err.contains("has not run yet"), "without --follow nothing is waited for: " + plain);
    }

    @Test
    void retriesAreFollowedWithAHeaderPerRunUntilTheJobCompletes() {
        String id = ok("enqueue", "--max-retries", "3",
                "echo run $QUEUECTL_ATTEMPT; [ \"$QUEUECTL_ATTEMPT\" -ge 3 ]").out.strip();
        CliRun followed = cli("logs", "-f", id);
        assertEquals(0, followed.exitCode, followed::toString);
        assertEquals("run 1\nrun 2\nrun 3\n", followed.out);
        assertEquals(List.of("==> " + id + ": run 1 <==", "==> " + id + ": run 2 <==", "==> " + id + ": run 3 <=="),
                followed.err.lines().toList());
    }

    @Test
    void followingEndsWhenTheJobIsDead() {
        String id = ok("enqueue", "--max-retries", "1", "echo try $QUEUECTL_ATTEMPT; exit 3").out.strip();
        CliRun followed = cli("logs", "--follow", id);
        assertEquals(0, followed.exitCode, followed::toString);
        assertEquals("try 1\ntry 2\n", followed.out);
        assertEquals(2, headers(followed));
        String cancelled = ok("enqueue", "--delay", "1h", "--", "true").out.strip();
        CompletableFuture<CliRun> waiting = CompletableFuture.supplyAsync(() -> cli("logs", "--follow", cancelled));
        ok("cancel", cancelled);
        CliRun never = waiting.join();
        assertEquals(0, never.exitCode, never::toString);
        assertTrue(never.err.contains(cancelled + " is dead and never ran"), never.err);
    }

    @Test
    void withAnAttemptOnlyThatRunIsFollowed() {
        String id = ok("enqueue", "--max-retries", "2", "echo run $QUEUECTL_ATTEMPT; [ \"$QUEUECTL_ATTEMPT\" -ge 2 ]")
                .out.strip();
        CliRun first = cli("logs", "--follow", "--attempt", "1", id);
        assertEquals(0, first.exitCode, first::toString);
        assertEquals("run 1\n", first.out);
    }

    @Test
    void aDrainThatInterruptsTheFollowedRunIsReportedWithExitStatusFive() {
        String id = ok("enqueue", "echo started; sleep 60").out.strip();
        CompletableFuture<CliRun> following = CompletableFuture.supplyAsync(() -> cli("logs", "--follow", id));
        await().atMost(Duration.ofSeconds(10)).until(() -> cli("logs", id).out.contains("started"));
        ok("drain", "--timeout", "200ms");
        CliRun followed = following.join();
        assertEquals(5, followed.exitCode, followed::toString);
        assertEquals("started\n", followed.out);
        assertTrue(followed.err.contains("run 1 of " + id + " was interrupted: queuectld is shutting down"),
                followed.err);
    }

    @Test
    void followWithJsonPrintsJsonLines() {
        String id = ok("enqueue", "--max-retries", "1", "echo run $QUEUECTL_ATTEMPT; [ \"$QUEUECTL_ATTEMPT\" -ge 2 ]")
                .out.strip();
        CliRun followed = cli("logs", "--follow", "--json", id);
        assertEquals(0, followed.exitCode, followed::toString);
        List<String> lines = followed.out.lines().toList();
        assertTrue(lines.size() >= 2, followed.out);
        StringBuilder data = new StringBuilder();
        for (String line : lines) {
            Map<?, ?> chunk = (Map<?, ?>) Json.parse(line);
            assertEquals(id, chunk.get("id"));
            data.append(chunk.get("data"));
        }
        assertEquals("run 1\nrun 2\n", data.toString());
        Map<?, ?> last = (Map<?, ?>) Json.parse(lines.get(lines.size() - 1));
        assertEquals("completed", last.get("state"));
        assertEquals("completed", last.get("outcome"));
        assertFalse((Boolean) last.get("running"));
        assertEquals("", followed.err, "no headers in JSON mode");
    }
}
