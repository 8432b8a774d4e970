package dev.queuectl.client;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.queuectl.daemon.QueueDaemon;
import dev.queuectl.daemon.ShortTempDir;
import dev.queuectl.daemon.config.DaemonSettings;
import dev.queuectl.protocol.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Where and with what jobs run, and managing them one by one or in bulk, through the real
 * command line against a real daemon: the shell's directory and environment, a directory that
 * went away, rerun/edit/hold/release on every state, bulk cancel by filter with a dry run, cursor
 * paging over 10,000 jobs, and enqueue --if-absent.
 */
class JobContextCliIT {
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

    private CliRun fails(int code, String... args) {
        CliRun r = cli(args);
        assertEquals(code, r.exitCode, r::toString);
        assertTrue(r.err.startsWith("queuectl: "), r::toString);
        return r;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> show(String id) {
        return (Map<String, Object>) Json.parse(ok("show", id, "--json").out);
    }

    private String state(String id) {
        return (String) show(id).get("state");
    }

    @Test
    void aJobRunsInTheEnqueuingShellsDirectoryWithTheVariablesItWasGiven() throws IOException {
        Path project = Files.createDirectories(root.resolve("project"));
        Files.createDirectories(project.resolve("sub"));
        Files.writeString(project.resolve("vars.env"), "# settings\nexport FROM_FILE=\"a file value\"\n\nOVERRIDDEN=file\n");
        Map<String, String> shell = Map.of("SHELL_ONLY", "from the shell", "PASSED", "passed on");
        CliRun r = CliRun.in(socket, project, shell, "", "enqueue", "--id", "ctx", "--env", "GREETING=hello world",
                "--env", "PASSED", "--env-file", "vars.env", "--env", "OVERRIDDEN=flag",
                "pwd > out.txt; echo \"$GREETING|$PASSED|$FROM_FILE|$OVERRIDDEN|${SHELL_ONLY:-unset}\" >> out.txt");
        assertEquals(0, r.exitCode, r::toString);
        assertEquals(0, cli("wait", "ctx").exitCode);
        assertEquals(project + "\nhello world|passed on|a file value|flag|unset\n",
                Files.readString(project.resolve("out.txt")), "the shell's directory; only the variables given");
        assertEquals(List.of("FROM_FILE", "OVERRIDDEN", "GREETING", "PASSED"), show("ctx").get("env_names"),
                "the file's variables first, then --env's, a later one replacing an earlier one's value");

        CliRun inherit = CliRun.in(socket, project, shell, "", "enqueue", "--id", "inherit", "--inherit-env", "--cwd",
                "sub", "pwd > inherited.txt; echo \"$SHELL_ONLY\" >> inherited.txt");
        assertEquals(0, inherit.exitCode, inherit::toString);
        ok("wait", "inherit");
        assertEquals(project.resolve("sub") + "\nfrom the shell\n",
                Files.readString(project.resolve("sub/inherited.txt")), "--cwd relative to the shell's directory");

        String detail = ok("show", "ctx").out;
        assertTrue(detail.contains("directory:  " + project), detail);
        assertTrue(detail.contains("FROM_FILE OVERRIDDEN GREETING PASSED  (values hidden"), detail);
        assertFalse(detail.contains("hello world"), "values are hidden: " + detail);
        assertTrue(ok("show", "ctx", "--show-env").out.contains("GREETING=hello world"));
        assertTrue(CliRun.in(socket, project, Map.of(), "", "enqueue", "--env", "NOT_SET_HERE", "true").err
                .contains("NOT_SET_HERE is not set in this shell"));
        assertEquals(2, CliRun.in(socket, project, Map.of(), "", "enqueue", "--env", "QUEUECTL_JOB_ID=x", "true")
                .exitCode, "queuectl's own variables are refused");
        assertEquals(2, cli("enqueue", "--cwd", root.resolve("nowhere").toString(), "true").exitCode);
    }

    @Test
    void aWorkingDirectoryThatWentAwayBeforeTheRunIsACountedFailure() throws IOException {
        Path dir = Files.createDirectories(root.resolve("temporary"));
        ok("worker", "stop");
        ok("enqueue", "--id", "orphan", "--max-retries", "0", "--cwd", dir.toString(), "true");
        Files.delete(dir);
        ok("worker", "start");
        assertEquals(6, cli("wait", "orphan").exitCode);
        Map<String, Object> job = show("orphan");
        assertEquals("working directory " + dir + " does not exist", job.get("last_error"));
        assertEquals(1L, job.get("attempts"));
    }

    @Test
    void rerunEditHoldAndReleaseOnEveryState() {
        ok("enqueue", "--id", "completed", "true");
        ok("enqueue", "--id", "dead", "--max-retries", "0", "false");
        ok("enqueue", "--id", "failed", "--max-retries", "1", "exit 1");
        ok("enqueue", "--id", "processing", "sleep 60");
        ok("wait", "completed");
        assertEquals(6, cli("wait", "dead").exitCode);
        await().atMost(Duration.ofSeconds(10)).until(() -> state("failed").equals("failed")
                && state("processing").equals("processing"));
        ok("worker", "stop");
        ok("edit", "failed", "--delay", "1h");
        ok("enqueue", "--id", "pending", "true");
        Map<String, Integer> rerun = Map.of("completed", 0, "dead", 0, "pending", 4, "failed", 4, "processing", 4);
        Map<String, Integer> hold = Map.of("completed", 4, "dead", 4, "pending", 0, "failed", 0, "processing", 4);
        Map<String, Integer> edit = Map.of("completed", 4, "dead", 4, "pending", 0, "failed", 0, "processing", 4);
        for (String s : List.of("completed", "dead", "failed", "processing", "pending")) {
            CliRun h = cli("hold", s);
            assertEquals((int) hold.get(s), h.exitCode, s + ": " + h);
            CliRun e = cli("edit", s, "--priority", "7", "--label", "edited=yes");
            assertEquals((int) edit.get(s), e.exitCode, s + ": " + e);
            if (s.equals("processing")) {
                assertTrue(e.err.contains("a running job cannot be edited"), e.err);
            }
            CliRun r = cli("rerun", s);
            assertEquals((int) rerun.get(s), r.exitCode, s + ": " + r);
            if (rerun.get(s) == 4) {
                assertTrue(r.err.contains("only completed and dead jobs can be rerun"), r.err);
            }
        }
        assertEquals("pending", state("completed"));
        assertEquals(0L, show("completed").get("attempts"), "attempts start again");
        assertEquals(Boolean.TRUE, show("pending").get("held"));
        assertEquals(7L, show("failed").get("priority"));
        assertTrue(ok("show", "pending").out.contains("held: it runs once released (queuectl release pending)"));
        assertTrue(ok("list", "--label", "edited=yes").out.contains("pending (held)"));
        assertEquals(4, fails(4, "hold", "pending").exitCode, "already held");
        assertEquals(0, cli("release", "pending").exitCode);
        assertTrue(fails(4, "release", "pending").err.contains("is not held"));
        assertEquals(2, cli("edit", "pending").exitCode, "an edit with no change is a usage error");
        assertEquals(3, cli("rerun", "nobody").exitCode);
        ok("cancel", "processing");
    }

    @Test
    void aBulkCancelByFilterSaysFirstWhatItWouldDoThenDoesIt() {
        ok("worker", "stop");
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < 120; i++) {
            file.append("{\"command\":\"true\",\"labels\":{\"batch\":\"").append(i < 100 ? "mistake" : "fine")
                    .append("\"}}\n");
        }
        CliRun enq = CliRun.withStdin(socket, file.toString(), "enqueue", "--file", "-");
        assertEquals(0, enq.exitCode, enq::toString);
        ok("cancel", "2");
        CliRun dry = ok("cancel", "--label", "batch=mistake", "--dry-run");
        assertTrue(dry.out.startsWith("would cancel 99 jobs: 1, 3, 4, "), dry.out);
        assertTrue(dry.out.contains("would skip 1 job because of their state: 1 dead"), dry.out);
        assertTrue(dry.out.endsWith("nothing was changed (--dry-run)\n"), dry.out);
        assertEquals("pending", state("1"), "a dry run changes nothing");
        CliRun done = ok("cancel", "--label", "batch=mistake");
        assertTrue(done.out.startsWith("cancelled 99 jobs: 1, 3, 4, "), done.out);
        assertEquals("dead", state("100"));
        assertEquals("pending", state("101"));
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) Json.parse(ok("cancel", "--state", "pending", "--label",
                "batch=fine", "--dry-run", "--json").out);
        assertEquals(20L, json.get("count"));
        CliRun byIds = cli("cancel", "101", "1", "nobody");
        assertEquals(3, byIds.exitCode, "an id was not found: " + byIds);
        assertTrue(byIds.out.contains("cancelled 1 job: 101"), byIds.out);
        assertTrue(byIds.out.contains("not found: nobody"), byIds.out);
        assertEquals(2, cli("cancel").exitCode, "which jobs?");
        assertEquals(2, cli("cancel", "1", "--all").exitCode);
    }

    @Test
    @SuppressWarnings("unchecked")
    void cursorPagingOverTenThousandJobsReturnsEachJobOnce() {
        ok("worker", "stop");
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            file.append("{\"command\":\"echo ").append(i).append("\"}\n");
        }
        assertEquals(0, CliRun.withStdin(socket, file.toString(), "enqueue", "--file", "-").exitCode);
        Set<Object> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            CliRun r = cursor == null ? ok("list", "--limit", "333", "--json")
                    : ok("list", "--limit", "333", "--json", "--cursor", cursor);
            Map<String, Object> page = (Map<String, Object>) Json.parse(r.out);
            for (Object j : (List<Object>) page.get("jobs")) {
                assertTrue(seen.add(((Map<String, Object>) j).get("id")), "a job came twice");
            }
            cursor = (String) page.get("next");
            pages++;
        } while (cursor != null);
        assertEquals(10_000, seen.size());
        assertEquals(31, pages);
        CliRun table = ok("list", "--limit", "5", "--newest");
        assertTrue(table.out.contains("(5 of 10000 jobs shown; use --limit to see more)"), table.out);
        assertTrue(table.out.contains("(more: add --cursor "), table.out);
    }

    @Test
    void enqueueIfAbsentIsIdempotent() {
        ok("worker", "stop");
        assertEquals("nightly\n", ok("enqueue", "--id", "nightly", "--if-absent", "./nightly.sh").out);
        assertEquals("nightly already exists (pending)\n",
                ok("enqueue", "--id", "nightly", "--if-absent", "./other.sh").out);
        assertEquals("./nightly.sh", show("nightly").get("command"));
        assertEquals(4, cli("enqueue", "--id", "nightly", "./nightly.sh").exitCode, "without it: a duplicate");
        assertEquals(2, cli("enqueue", "--if-absent", "./nightly.sh").exitCode, "--if-absent needs an id");
    }
}
