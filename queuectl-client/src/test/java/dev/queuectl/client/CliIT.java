package dev.queuectl.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.queuectl.daemon.ShortTempDir;
import dev.queuectl.daemon.QueueDaemon;
import dev.queuectl.daemon.config.DaemonSettings;
import dev.queuectl.protocol.json.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every queuectl command against a real daemon on a temporary socket. */
class CliIT {
    @RegisterExtension
    static final ShortTempDir DIR = ShortTempDir.perClass();
    private static Path root;
    private static QueueDaemon daemon;
    private static Path socket;

    @BeforeAll
    static void start() throws IOException {
        root = DIR.path();
        socket = root.resolve("d.sock");
        daemon = QueueDaemon.start(DaemonSettings.of(root.resolve("data"), socket));
        // These tests look at jobs as they were enqueued; EngineCliIT covers running them.
        assertEquals(0, CliRun.run(socket, "worker", "stop").exitCode);
    }

    @AfterAll
    static void stop() throws IOException {
        daemon.close();
    }

    private static CliRun ok(String... args) {
        CliRun r = CliRun.run(socket, args);
        assertEquals(0, r.exitCode, r::toString);
        assertEquals("", r.err, r::toString);
        return r;
    }

    private static CliRun fails(int code, String... args) {
        CliRun r = CliRun.run(socket, args);
        assertEquals(code, r.exitCode, r::toString);
        assertEquals("", r.out, "nothing on stdout when a command fails");
        assertTrue(r.err.startsWith("queuectl: "), r::toString);
        assertFalse(r.err.contains("\tat "), "no stack trace");
        return r;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(CliRun r) {
        return (Map<String, Object>) Json.parse(r.out.strip());
    }

    @Test
    void enqueueWithArgumentsQuotesThemIntoOneShellCommand() {
        CliRun r = ok("enqueue", "--id", "args-1", "--priority", "4", "--max-retries", "1", "--timeout", "30s",
                "--", "printf", "%s\\n", "it's", "a $HOME");
        assertEquals("args-1\n", r.out);
        Map<String, Object> job = json(ok("show", "args-1", "--json"));
        assertEquals("printf '%s\\n' 'it'\\''s' 'a $HOME'", job.get("command"));
        assertEquals(4L, job.get("priority"));
        assertEquals(1L, job.get("max_retries"));
        assertEquals(30L, job.get("timeout"));
    }

    @Test
    void enqueueWithOneArgumentTakesItAsAShellCommand() {
        ok("enqueue", "--id", "one-arg", "make && make test");
        assertEquals("make && make test", json(ok("show", "one-arg", "--json")).get("command"));
    }

    @Test
    void enqueueAcceptsAJsonJob() {
        CliRun r = ok("enqueue", "{\"id\":\"json-1\",\"command\":\"sleep 2\",\"max_retries\":2,\"priority\":5,"
                + "\"run_at\":\"2030-11-23T10:00:00Z\",\"timeout\":30}");
        assertEquals("json-1\n", r.out);
        Map<String, Object> job = json(ok("show", "--json", "json-1"));
        assertEquals("2030-11-23T10:00:00Z", job.get("run_at"));
        assertEquals(2L, job.get("max_retries"));
    }

    @Test
    void enqueueGeneratesAnIdWhenNoneIsGiven() {
        String id = ok("enqueue", "--", "true").out.strip();
        assertTrue(id.matches("\\d+(-\\d+)?"), id);
        assertEquals("pending", json(ok("show", id, "--json")).get("state"));
    }

    @Test
    void enqueueWithDelayStartsLater() {
        ok("enqueue", "--id", "later", "--delay", "1h", "--", "true");
        CliRun show = ok("show", "later");
        assertTrue(show.out.contains("pending — not before"), show.out);
        assertTrue(show.out.contains("(in 59m") || show.out.contains("(in 1h"), show.out);
    }

    @Test
    void badEnqueuesAreUsageErrorsAndEnqueueNothing() {
        long before = pending();
        fails(2, "enqueue", "{\"command\":\"\"}");
        fails(2, "enqueue", "{\"command\":\"x\",\"prio\":1}");
        fails(2, "enqueue", "{not json");
        fails(2, "enqueue", "--id", "bad id", "--", "true");
        fails(2, "enqueue", "--run-at", "tomorrow", "--", "true");
        fails(2, "enqueue", "--delay", "soon", "--", "true");
        fails(2, "enqueue", "--priority", "high", "--", "true");
        fails(2, "enqueue");
        fails(2, "enqueue", "--id", "x", "{\"command\":\"true\"}");
        assertEquals(before, pending());
    }

    @Test
    void aDuplicateIdIsAConflict() {
        ok("enqueue", "--id", "dup-cli", "--", "echo", "one");
        CliRun r = fails(4, "enqueue", "--id", "dup-cli", "--", "echo", "two");
        assertTrue(r.err.contains("'dup-cli' already exists"), r.err);
        assertEquals("echo one", json(ok("show", "dup-cli", "--json")).get("command"));
    }

    @Test
    void showPrintsEveryFieldAndTheHistory() {
        ok("enqueue", "--id", "show-me", "--priority", "2", "--", "echo", "hi");
        CliRun r = ok("show", "show-me");
        for (String label : List.of("id:", "state:", "command:", "attempts:", "priority:", "run at:", "timeout:",
                "created:", "updated:", "started:", "finished:", "exit code:", "last error:", "history:")) {
            assertTrue(r.out.contains(label), label + " in\n" + r.out);
        }
        assertTrue(r.out.contains("echo hi"));
        fails(3, "show", "no-such-job");
        fails(2, "show", "bad/id");
    }

    @Test
    void listFiltersByStateLimitsAndSaysHowManyMoreThereAre() {
        for (int i = 0; i < 3; i++) {
            ok("enqueue", "--id", "list-" + i, "--", "true");
        }
        CliRun table = ok("list", "--state", "pending", "--limit", "2");
        assertTrue(table.out.startsWith("ID"), table.out);
        assertTrue(table.out.contains("jobs shown; use --limit to see more"), table.out);
        Map<String, Object> page = json(ok("list", "--state", "pending", "--limit", "2", "--json"));
        assertEquals(2, ((List<?>) page.get("jobs")).size());
        assertTrue((Long) page.get("total") >= 3);
        Map<String, Object> newest = json(ok("list", "--newest", "--limit", "1", "--json"));
        Map<String, Object> oldest = json(ok("list", "--limit", "1", "--json"));
        assertFalse(((List<?>) newest.get("jobs")).get(0).equals(((List<?>) oldest.get("jobs")).get(0)));
        fails(2, "list", "--state", "running");
        assertEquals("no jobs in state completed\n", ok("list", "--state", "completed").out);
    }

    @Test
    void dlqListIsListStateDead() {
        assertEquals("the dead-letter queue is empty\n", ok("dlq", "list").out);
        Map<String, Object> dead = json(ok("dlq", "list", "--json"));
        assertEquals(0L, dead.get("total"));
    }

    @Test
    void statusShowsEveryStateDaemonFactsAndWorkers() {
        CliRun r = ok("status");
        for (String s : List.of("pending", "processing", "completed", "failed", "dead", "pid " + ProcessHandle.current().pid(),
                "protocol " + dev.queuectl.protocol.ProtocolVersion.CURRENT, socket.toString(), "data dir", "node ",
                "store     sqlite", "workers:")) {
            assertTrue(r.out.contains(s), s + " in\n" + r.out);
        }
        Map<String, Object> st = json(ok("status", "--json"));
        assertEquals(5, ((Map<?, ?>) st.get("jobs")).size());
        assertTrue(((Map<?, ?>) st.get("workers")).containsKey("configured"));
    }

    @Test
    void configGetSetShow() {
        assertEquals("5\n", ok("config", "set", "max-retries", "5").out.replace("max_retries = ", ""));
        assertEquals("5\n", ok("config", "get", "max_retries").out);
        assertTrue(ok("config", "get").out.contains("backoff_base = 2\n"));
        CliRun show = ok("config", "show");
        assertTrue(show.out.startsWith("KEY"), show.out);
        assertTrue(show.out.contains("job_timeout"), show.out);
        fails(2, "config", "set", "max_retries", "lots");
        fails(2, "config", "set", "colour", "red");
        fails(2, "config", "get", "colour");
        assertEquals("5\n", ok("config", "get", "max_retries").out, "a refused value changes nothing");
        ok("config", "set", "max_retries", "3");
        Map<String, Object> entry = json(ok("config", "set", "job_timeout", "45s", "--json"));
        assertEquals(45L, entry.get("value"));
        ok("config", "set", "job_timeout", "none");
    }

    @Test
    void enqueueFileSendsEveryLineAndReportsASummary() {
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < 25_000; i++) {
            file.append("{\"id\":\"bulk-").append(i).append("\",\"command\":\"echo ").append(i).append("\"}\n");
            if (i % 1000 == 0) {
                file.append("\n");
            }
        }
        CliRun r = CliRun.withStdin(socket, file.toString(), "enqueue", "--file", "-");
        assertEquals(0, r.exitCode, r::toString);
        assertEquals("enqueued 25000 jobs from stdin\n", r.out);
        assertEquals("echo 24999", json(ok("show", "bulk-24999", "--json")).get("command"));
    }

    @Test
    void enqueueFileWithABadLineSendsNothingAndNamesTheLine() {
        long before = pending();
        String file = "{\"id\":\"bf-1\",\"command\":\"true\"}\n{\"id\":\"bf-2\",\"command\":\"true\",\"priority\":\"x\"}\n"
                + "not json\n{\"id\":\"bf-1\",\"command\":\"again\"}\n";
        CliRun r = CliRun.withStdin(socket, file, "enqueue", "-f", "-");
        assertEquals(2, r.exitCode, r::toString);
        assertTrue(r.err.contains("stdin: line 2: job field 'priority' must be an integer"), r.err);
        assertTrue(r.err.contains("stdin: line 3: the job is not valid JSON"), r.err);
        assertTrue(r.err.contains("stdin: line 4: id 'bf-1' is already used on line 1"), r.err);
        assertTrue(r.err.contains("3 bad lines; nothing was enqueued"), r.err);
        assertEquals(before, pending());
    }

    @Test
    void enqueueFileStopsAtABatchTheDaemonRefusesAndSaysWhatWentIn() {
        ok("enqueue", "--id", "bf-taken", "--", "true");
        long before = pending();
        String file = "{\"id\":\"bf-a\",\"command\":\"true\"}\n{\"id\":\"bf-taken\",\"command\":\"true\"}\n";
        CliRun r = CliRun.withStdin(socket, file, "enqueue", "--file", "-");
        assertEquals(4, r.exitCode, r::toString);
        assertTrue(r.err.contains("line 2: a job with id 'bf-taken' already exists"), r.err);
        assertTrue(r.err.contains("nothing was enqueued"), r.err);
        assertEquals(before, pending(), "the batch is all or nothing");
    }

    @Test
    void aMissingDaemonIsOneLineWithThePathAndHowToStartIt() {
        Path nowhere = root.resolve("none.sock");
        CliRun r = CliRun.run(nowhere, "status");
        assertEquals(5, r.exitCode);
        assertEquals(1, r.err.strip().lines().count(), r.err);
        assertTrue(r.err.contains(nowhere.toString()) && r.err.contains("queuectld --detach"), r.err);
        CliRun flag = CliRun.run(null, "--socket", nowhere.toString(), "list");
        assertEquals(5, flag.exitCode, flag::toString);
    }

    @Test
    void helpListsTheExitCodes() {
        CliRun r = CliRun.run(socket, "--help");
        assertEquals(0, r.exitCode);
        for (String line : ExitCodes.HELP) {
            assertTrue(r.out.contains(line), line);
        }
        assertTrue(CliRun.run(socket, "enqueue", "--help").out.contains("Exit status:"));
        CliRun unknown = CliRun.run(socket, "frobnicate");
        assertEquals(2, unknown.exitCode);
    }

    private static long pending() {
        Map<String, Object> st = json(ok("status", "--json"));
        return (Long) ((Map<?, ?>) st.get("jobs")).get("pending");
    }
}
