package dev.queuectl.client;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.queuectl.daemon.QueueDaemon;
import dev.queuectl.daemon.ShortTempDir;
import dev.queuectl.daemon.config.DaemonSettings;
import dev.queuectl.protocol.ErrorCode;
import dev.queuectl.protocol.json.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Queues and dependencies through the real command line against a real daemon: queue
 * add/list/set/pause/resume/remove, enqueue --queue and --after, list --queue, and what show,
 * list and status say of a job held back by its queue or its dependencies.
 */
class QueuesCliIT {
    @RegisterExtension
    final ShortTempDir temp = new ShortTempDir();
    private Path socket;
    private QueueDaemon daemon;

    @BeforeEach
    void start() throws IOException {
        Path root = temp.path();
        socket = root.resolve("d.sock");
        daemon = QueueDaemon.start(DaemonSettings.of(root.resolve("data"), socket).withDrainTimeout(Duration.ofSeconds(5)));
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

    private CliRun fails(ErrorCode code, String... args) {
        CliRun r = cli(args);
        assertEquals(ExitCodes.of(code), r.exitCode, r::toString);
        assertTrue(r.err.startsWith("queuectl: "), r::toString);
        return r;
    }

    @SuppressWarnings("unchecked")
    private String state(String id) {
        return (String) ((Map<String, Object>) Json.parse(ok("show", id, "--json").out)).get("state");
    }

    @Test
    void queuesAreAddedChangedPausedListedAndRemoved() {
        assertEquals("backups: concurrency 2, max_retries 1, timeout 10m\n",
                ok("queue", "add", "backups", "--concurrency", "2", "--max-retries", "1", "--timeout", "10m").out);
        assertEquals("backups: concurrency unlimited, max_retries 1, timeout default\n",
                ok("queue", "set", "backups", "--concurrency", "unlimited", "--timeout", "default").out);
        fails(ErrorCode.INVALID_ARGUMENT, "queue", "set", "backups");
        fails(ErrorCode.INVALID_ARGUMENT, "queue", "add", "bad name");
        fails(ErrorCode.INVALID_ARGUMENT, "queue", "set", "backups", "--concurrency", "0");
        fails(ErrorCode.DUPLICATE_ID, "queue", "add", "backups");
        assertEquals("backups paused (0 jobs)\n", ok("queue", "pause", "backups").out);
        ok("enqueue", "--id", "b1", "--queue", "backups", "--", "true");
        String list = ok("queue", "list").out;
        assertTrue(list.startsWith("QUEUE"), list);
        assertTrue(list.lines().anyMatch(l -> l.startsWith("backups ") && l.contains(" yes ")), list);
        String shown = ok("show", "b1").out;
        assertTrue(shown.contains("queue:      backups"), shown);
        assertTrue(shown.contains("waiting:    queue paused: backups takes no jobs until resumed"), shown);
        assertTrue(ok("list", "--queue", "backups").out.contains("pending (queue paused)"));
        assertTrue(ok("list", "--queue", "default").out.contains("no jobs"), "another queue's list is empty");
        String status = ok("status").out;
        assertTrue(status.contains("QUEUES"), status);
        assertTrue(status.lines().anyMatch(l -> l.startsWith("  backups") && l.endsWith("paused")), status);
        fails(ErrorCode.INVALID_STATE, "queue", "remove", "backups");
        assertEquals("backups resumed (1 job)\n", ok("queue", "resume", "backups").out);
        await().atMost(Duration.ofSeconds(10)).until(() -> state("b1").equals("completed"));
        fails(ErrorCode.NOT_FOUND, "queue", "pause", "nope");
        assertTrue(ok("queue", "list", "--json").out.contains("\"name\":\"backups\""));
    }

    @Test
    void enqueueAfterWaitsForItsDependenciesAndShowListsThem() {
        ok("worker", "stop");
        ok("enqueue", "--id", "build", "--", "true");
        ok("enqueue", "--id", "test", "--", "true");
        ok("enqueue", "--id", "deploy", "--after", "build,test", "--", "true");
        ok("enqueue", "--id", "notify", "--after", "deploy", "--after", "build", "--", "true");
        String shown = ok("show", "deploy").out;
        assertTrue(shown.contains("after:      build (pending)\n            test (pending)"), shown);
        assertTrue(shown.contains("needed by:  notify (pending)"), shown);
        assertTrue(shown.contains("waiting:    waiting for 2 jobs it depends on to complete"), shown);
        assertTrue(ok("list").out.contains("pending (waiting for 2)"));
        assertTrue(ok("status").out.contains("2 waiting for dependencies"), ok("status").out);
        CliRun unknown = fails(ErrorCode.NOT_FOUND, "enqueue", "--after", "ghost", "--", "true");
        assertTrue(unknown.err.contains("no job ghost to wait for"), unknown.err);
        ok("worker", "start");
        await().atMost(Duration.ofSeconds(10)).until(() -> state("notify").equals("completed"));
    }

    @Test
    void schedulesAreAddedListedShownRunPausedAndRemoved() {
        assertTrue(ok("schedule", "add", "nightly", "--cron", "0 3 * * *", "--tz", "Europe/Berlin", "--queue", "reports",
                "--label", "team=ops", "--", "echo", "report").out.startsWith("nightly: next fire "));
        ok("schedule", "add", "tick", "--every", "1h", "--catch-up", "none", "--overlap", "queue", "--", "true");
        String list = ok("schedule", "list").out;
        assertTrue(list.startsWith("SCHEDULE"), list);
        assertTrue(list.contains("cron 0 3 * * * (Europe/Berlin)"), list);
        assertTrue(list.contains("every 1h"), list);
        String shown = ok("schedule", "show", "tick").out;
        assertTrue(shown.contains("catch-up:    none"), shown);
        assertTrue(shown.contains("overlap:     queue"), shown);
        String id = ok("schedule", "run", "nightly").out.strip();
        assertTrue(id.startsWith("nightly@"), id);
        await().atMost(Duration.ofSeconds(10)).until(() -> state(id).equals("completed"));
        assertTrue(ok("list", "--label", "schedule=nightly").out.contains(id));
        assertTrue(ok("schedule", "show", "nightly").out.contains("last job:    " + id + " (completed)"));
        assertEquals("tick: paused\n", ok("schedule", "pause", "tick").out);
        assertTrue(ok("schedule", "resume", "tick").out.startsWith("tick: next fire "));
        fails(ErrorCode.INVALID_ARGUMENT, "schedule", "add", "x", "--every", "1h", "--cron", "@daily", "--", "true");
        fails(ErrorCode.INVALID_ARGUMENT, "schedule", "add", "x", "--cron", "0 3 * *", "--", "true");
        fails(ErrorCode.INVALID_ARGUMENT, "schedule", "add", "x", "--every", "1h");
        fails(ErrorCode.DUPLICATE_ID, "schedule", "add", "tick", "--every", "1h", "--", "true");
        assertEquals("removed schedule tick\n", ok("schedule", "remove", "tick").out);
        fails(ErrorCode.NOT_FOUND, "schedule", "show", "tick");
    }
}
