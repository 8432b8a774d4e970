package dev.queuectl.client;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.queuectl.daemon.ShortTempDir;
import dev.queuectl.client.render.DisplayText;
import dev.queuectl.daemon.QueueDaemon;
import dev.queuectl.daemon.config.DaemonSettings;
import dev.queuectl.protocol.json.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the CLI prints: one JSON document per command, errors as JSON, escaped text, fitted tables, local times. */
class CliOutputIT {
    @RegisterExtension
    static final ShortTempDir DIR = ShortTempDir.perClass();
    private static final String ESC = "\u001b";

    private static Path root;
    private static QueueDaemon daemon;
    private static Path socket;

    @BeforeAll
    static void start() throws IOException {
        root = DIR.path();
        socket = root.resolve("d.sock");
        daemon = QueueDaemon.start(DaemonSettings.of(root.resolve("data"), socket));
    }

    @AfterAll
    static void stop() throws IOException {
        daemon.close();
    }

    private static CliRun ok(String... args) {
        CliRun r = CliRun.run(socket, args);
        assertEquals(0, r.exitCode, r::toString);
        return r;
    }

    private static Map<?, ?> json(String line) {
        return (Map<?, ?>) Json.parse(line);
    }

    @Test
    void logsJsonIsOneDocumentHoldingTheWholeOutputAndFollowJsonIsOneLinePerChunk() {
        // 200,000 bytes: more than three of the daemon's 64 KiB chunks
        String id = ok("enqueue", "--id", "big-output", "head -c 200000 /dev/zero | tr '\\0' x").out.strip();
        assertEquals(0, CliRun.run(socket, "wait", id).exitCode);
        CliRun whole = ok("logs", id, "--json");
        assertEquals(1, whole.out.lines().count(), "one JSON document");
        Map<?, ?> doc = json(whole.out);
        assertEquals("x".repeat(200_000), doc.get("data"));
        assertEquals(0L, doc.get("offset"));
        assertEquals(200_000L, doc.get("next_offset"));
        assertEquals(false, doc.get("running"));

        CliRun stream = ok("logs", id, "--follow", "--json");
        List<String> lines = stream.out.lines().toList();
        assertTrue(lines.size() > 1, "JSON lines, one per chunk: " + lines.size());
        StringBuilder data = new StringBuilder();
        for (String line : lines) {
            data.append(json(line).get("data"));
        }
        assertEquals("x".repeat(200_000), data.toString());
    }

    @Test
    void everyJsonSuccessIsOneDocument() {
        ok("enqueue", "--id", "doc-1", "--", "true");
        assertEquals(0, CliRun.run(socket, "wait", "doc-1").exitCode);
        String[][] commands = {{"show", "doc-1"}, {"list"}, {"status"}, {"config", "show"}, {"config", "get"},
            {"config", "get", "workers"}, {"wait", "doc-1"}, {"dlq", "list"}, {"logs", "doc-1"}, {"metrics"},
            {"enqueue", "--", "true"}, {"prune", "--older-than", "1d"}};
        for (String[] c : commands) {
            String[] args = new String[c.length + 1];
            System.arraycopy(c, 0, args, 1, c.length);
            args[0] = "--json";
            CliRun r = ok(args);
            assertEquals(1, r.out.lines().count(), String.join(" ", c) + ": " + r.out);
            json(r.out);
        }
    }

    @Test
    void withJsonAFailurePrintsTheErrorObjectOnStdoutToo() {
        CliRun missing = CliRun.run(socket, "show", "no-such-job", "--json");
        assertEquals(3, missing.exitCode, missing::toString);
        assertEquals("NOT_FOUND", json(missing.out).get("code"));
        assertTrue(((String) json(missing.out).get("message")).contains("no-such-job"));
        assertTrue(missing.err.startsWith("queuectl: "), missing.err);

        CliRun usage = CliRun.run(socket, "--json", "enqueue", "--delay", "soon", "--", "true");
        assertEquals(2, usage.exitCode, usage::toString);
        assertEquals("INVALID_ARGUMENT", json(usage.out).get("code"));

        CliRun parse = CliRun.run(socket, "list", "--limit", "lots", "--json");
        assertEquals(2, parse.exitCode, parse::toString);
        assertEquals("INVALID_ARGUMENT", json(parse.out).get("code"));

        CliRun down = CliRun.run(root.resolve("none.sock"), "status", "--json");
        assertEquals(5, down.exitCode, down::toString);
        assertEquals("UNAVAILABLE", json(down.out).get("code"));
        assertEquals(1, down.out.lines().count());

        CliRun other = CliRun.run(socket, "dlq", "retry", "no-such-dead-job", "--json");
        assertEquals(3, other.exitCode, other::toString);
        assertEquals(List.of("code", "message"), List.copyOf(json(other.out).keySet()));
    }

    @Test
    void controlCharactersFromTheStoreAreEscapedWhereverTheyAreShown() {
        String command = "printf '" + ESC + "[31mred" + ESC + "]0;pwned\\007'; printf '" + ESC + "[2J\\n'; exit 3";
        ok("enqueue", "--id", "colour", "--max-retries", "0", "--", "sh", "-c", command);
        assertEquals(6, CliRun.run(socket, "wait", "colour").exitCode);
        for (String[] args : new String[][] {{"list"}, {"show", "colour"}, {"dlq", "list"}, {"status"}, {"config", "show"},
                {"wait", "colour"}}) {
            CliRun r = CliRun.run(socket, args);
            assertFalse(r.out.contains(ESC) || r.out.contains("\u0007"), String.join(" ", args) + " printed a raw control: "
                    + r.out.replace(ESC, "<ESC>"));
        }
        String show = ok("show", "colour").out;
        assertTrue(show.contains("\\e[31mred\\e]0;pwned"), show);
        assertTrue(show.contains("\\e[2J"), "last error: " + show);
        assertTrue(ok("logs", "colour").out.contains(ESC + "[31mred"), "logs prints output raw, as cat would");
        assertTrue(((String) json(ok("show", "colour", "--json").out).get("command")).contains(ESC + "[31m"),
                "JSON keeps the exact text");
        CliRun bad = CliRun.run(socket, "config", "get", "x" + ESC + "[31m");
        assertEquals(2, bad.exitCode);
        assertFalse(bad.err.contains(ESC), "error messages are escaped too: " + bad.err);
    }

    @Test
    void tablesMeasureDisplayWidthAndCutLongValuesToTheTerminal() {
        String longId = "very-long-id-" + "x".repeat(100);
        ok("enqueue", "--id", longId, "--delay", "1h", "--", "sleep", "1", "&&", "echo", "a".repeat(60));
        ok("enqueue", "--id", "cjk-1", "--delay", "1h", "--", "echo 日本語のコマンド e\u0301t\u00e9");
        CliRun narrow = CliRun.with(socket).env("COLUMNS", "100").run("list", "--state", "pending");
        assertEquals(0, narrow.exitCode, narrow::toString);
        List<String> lines = narrow.out.lines().filter(l -> !l.startsWith("(")).toList();
        for (String line : lines) {
            assertTrue(DisplayText.width(line) <= 100, "wider than the terminal: " + line);
        }
        String header = lines.get(0);
        int lastColumn = DisplayText.width(header.substring(0, header.indexOf("LAST ERROR")));
        for (String line : lines.subList(1, lines.size())) {
            assertEquals(lastColumn, DisplayText.width(line.substring(0, line.lastIndexOf("  -") + 2)),
                    "columns line up in terminal columns:\n" + narrow.out);
        }
        // cut, not dropped (how much of it fits depends on the other columns, such as why a job waits)
        assertTrue(narrow.out.contains("very-long-i") && narrow.out.contains("…"), narrow.out);
        assertFalse(narrow.out.contains(longId), "the long id is cut in the table");
        assertTrue(ok("show", longId).out.contains(longId), "show has it whole");
        assertTrue(ok("list", "--json").out.contains(longId), "--json has it whole");
        assertTrue(ok("list", "--state", "pending").out.contains(longId), "without a terminal width nothing is cut to fit");
    }

    @Test
    void timesAreShownInTheLocalZoneWithItsOffsetUtcWithTheFlagAndJsonStaysUtc() {
        CliRun.Setup tokyo = CliRun.with(socket).zone(ZoneId.of("Asia/Tokyo"));
        assertEquals(0, tokyo.run("enqueue", "--id", "tz-1", "--run-at", "2030-01-15T19:00", "--", "true").exitCode);
        assertEquals("2030-01-15T10:00:00Z", json(ok("show", "tz-1", "--json").out).get("run_at"),
                "a local --run-at is read in the local zone; JSON is UTC");
        CliRun local = tokyo.run("show", "tz-1");
        assertTrue(local.out.contains("run at:     2030-01-15 19:00:00+09:00"), local.out);
        CliRun utc = tokyo.run("show", "tz-1", "--utc");
        assertTrue(utc.out.contains("run at:     2030-01-15 10:00:00Z"), utc.out);
        CliRun list = tokyo.run("list", "--state", "pending");
        assertTrue(list.out.contains("2030-01-15 19:00:00+09:00"), list.out);
        CliRun paris = CliRun.with(socket).zone(ZoneId.of("Europe/Paris")).run("show", "tz-1");
        assertTrue(paris.out.contains("2030-01-15 11:00:00+01:00"), paris.out);
        ok("cancel", "tz-1");
    }

    @Test
    void aRunningJobsStatusLineShowsItsStartInTheLocalZone() {
        ok("enqueue", "--id", "tz-running", "--", "sleep", "30");
        await().atMost(Duration.ofSeconds(10)).until(() -> ok("status").out.contains("tz-running"));
        CliRun status = CliRun.with(socket).zone(ZoneId.of("Asia/Kolkata")).run("status");
        assertTrue(status.out.contains("+05:30"), status.out);
        ok("cancel", "tz-running");
    }
}
