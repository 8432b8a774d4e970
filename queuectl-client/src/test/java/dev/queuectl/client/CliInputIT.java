package dev.queuectl.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.queuectl.daemon.ShortTempDir;
import dev.queuectl.daemon.QueueDaemon;
import dev.queuectl.daemon.config.DaemonSettings;
import dev.queuectl.protocol.json.Json;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the CLI makes of its arguments: commands after --, flags named in errors, time ranges, socket paths. */
class CliInputIT {
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
        assertEquals(0, CliRun.run(socket, "worker", "stop").exitCode);
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

    private static String command(String id) {
        return (String) ((Map<?, ?>) Json.parse(ok("show", id, "--json").out)).get("command");
    }

    private static long jobs() {
        Map<?, ?> counts = (Map<?, ?>) ((Map<?, ?>) Json.parse(ok("status", "--json").out)).get("jobs");
        long n = 0;
        for (Object v : counts.values()) {
            n += (Long) v;
        }
        return n;
    }

    @Test
    void afterDoubleDashTheArgumentsAreAlwaysACommand() {
        ok("enqueue", "--id", "brace", "--", "{ echo a; echo b; } > /tmp/f");
        assertEquals("{ echo a; echo b; } > /tmp/f", command("brace"));
        ok("enqueue", "--id", "json-looking", "--", "{\"command\":\"true\"}");
        assertEquals("{\"command\":\"true\"}", command("json-looking"), "after -- even JSON is a command");
        ok("enqueue", "{\"id\":\"lone-json\",\"command\":\"echo from json\"}");
        assertEquals("echo from json", command("lone-json"), "a lone argument before -- may be a JSON job");
    }

    @Test
    void aBraceCommandWithoutDoubleDashSaysHowToGiveIt() {
        CliRun r = CliRun.run(socket, "enqueue", "{ echo a; echo b; } > /tmp/f");
        assertEquals(2, r.exitCode, r::toString);
        assertTrue(r.err.contains("not valid JSON") && r.err.contains("goes after --"), r.err);
        assertTrue(CliRun.run(socket, "enqueue", "--help").out.contains("a command that starts with {"));
    }

    @Test
    void atSignArgumentsAreNeverReadAsArgumentFiles() throws IOException {
        Path file = Files.writeString(root.resolve("args"), "rm -rf /\n");
        ok("enqueue", "--id", "at-arg", "--", "cat", "@" + file);
        assertEquals("cat @" + file, command("at-arg"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "enqueue --delay 5s --run-at 2030-01-01T00:00:00Z -- true|give either --delay or --run-at, not both",
        "enqueue --run-at 2400-01-01T00:00:00Z -- true|--run-at must be from 1970-01-01T00:00:00Z to 2199-12-31T23:59:59.999Z",
        "enqueue --run-at +300000000-01-01T00:00:00Z -- true|--run-at must be from 1970-01-01T00:00:00Z",
        "enqueue --run-at 1960-01-01T00:00 -- true|--run-at must be from 1970-01-01T00:00:00Z",
        "enqueue --delay 36501d -- true|--delay: '36501d' is longer than 36500d",
        "enqueue --timeout 0 -- true|--timeout must be from 1ms to 30d, not 0",
        "enqueue --timeout 31d -- true|--timeout must be from 1ms to 30d, not 31d",
        "enqueue --timeout 0.0001 -- true|--timeout: '0.0001' is finer than a millisecond",
        "enqueue --max-retries 2000 -- true|--max-retries must be from 0 to 1000, not 2000",
        "enqueue --id bad/id -- true|invalid job id 'bad/id'",
        "list --limit 0|--limit must be from 1 to 10000, not 0",
        "list --state running|--state: unknown state 'running'",
        "dlq retry|which job? give a dead job's ID, or --all",
        "dlq purge|which job? give a dead job's ID, or --all",
        "dlq purge some-id --all|give either an ID or --all, not both",
        "wait some-id --timeout 31d|--timeout must be from 0 to 30d, not 31d",
        "drain --timeout 2d|--timeout must be from 0 to 1d, not 2d",
        "prune --older-than 3651d|--older-than must be from 0 to 3650d, not 3651d",
        "logs some-id --attempt 0|--attempt must be 1 or more, not 0",
        "worker start --count 0|--count must be from 1 to 256, not 0",
        "config set job_timeout 0|(0 is not \"no limit\": write none)",
    })
    void badArgumentsAreUsageErrorsThatNameTheFlagAndChangeNothing(String args, String expected) {
        long before = jobs();
        CliRun r = CliRun.run(socket, args.split(" "));
        assertEquals(2, r.exitCode, r::toString);
        assertTrue(r.err.contains(expected), "wanted: " + expected + "\n" + r);
        for (String wire : new String[] {"'run_at'", "'delay'", "'timeout'", "'id'", "\"all\"", "'limit'", "'attempt'",
                "'older_than'", "'count'", "field '"}) {
            assertFalse(r.err.contains(wire), "names a wire field, not the flag: " + r.err);
        }
        assertEquals(before, jobs(), "nothing was enqueued");
        assertEquals(0, CliRun.run(socket, "status").exitCode, "the daemon is still there");
    }

    @Test
    void badArgumentsAreUsageErrorsEvenWhenNoDaemonRuns() {
        Path nowhere = root.resolve("nowhere.sock");
        for (String[] args : new String[][] {{"enqueue", "{bad"}, {"enqueue", "--delay", "soon", "--", "true"},
                {"list", "--limit", "0"}, {"wait", "x", "--timeout", "31d"}, {"dlq", "retry"}, {"show", "bad/id"}}) {
            CliRun r = CliRun.run(nowhere, args);
            assertEquals(2, r.exitCode, String.join(" ", args) + ": " + r);
            assertFalse(r.err.contains("not running"), r.err);
        }
        assertEquals(5, CliRun.run(nowhere, "enqueue", "--", "true").exitCode, "good arguments: then the daemon is missed");
    }

    @Test
    void aJsonJobOutOfRangeNamesItsFieldAndTheRange() {
        CliRun r = CliRun.run(socket, "enqueue", "{\"command\":\"true\",\"run_at\":\"2400-01-01T00:00:00Z\"}");
        assertEquals(2, r.exitCode, r::toString);
        assertTrue(r.err.contains("field 'run_at' must be from 1970-01-01T00:00:00Z to 2199-12-31T23:59:59.999Z"), r.err);
    }

    @Test
    void theSocketPathIsDescribedAsItIs() throws IOException {
        CliRun file = CliRun.run(null, "--socket", "/etc/passwd", "status");
        assertEquals(5, file.exitCode, file::toString);
        assertTrue(file.err.contains("/etc/passwd is a regular file, not a socket"), file.err);
        assertFalse(file.err.contains("stale"), file.err);

        CliRun dir = CliRun.run(null, "--socket", "/tmp", "status");
        assertEquals(5, dir.exitCode, dir::toString);
        assertTrue(dir.err.contains("/tmp is a directory, not a socket"), dir.err);

        String longPath = "/tmp/" + "x".repeat(120) + ".sock";
        CliRun tooLong = CliRun.run(null, "--socket", longPath, "status");
        assertEquals(2, tooLong.exitCode, tooLong::toString);
        assertTrue(tooLong.err.contains("is 130 bytes long; a Unix socket path holds at most 107 bytes"), tooLong.err);

        CliRun empty = CliRun.run(socket, "--socket", "", "status");
        assertEquals(2, empty.exitCode, empty::toString);
        assertTrue(empty.err.contains("--socket: the path is empty"), empty.err);
        Path elsewhere = root.resolve("elsewhere");
        CliRun unset = CliRun.with(null).env("QUEUECTL_SOCKET", "").env("QUEUECTL_DATA_DIR", elsewhere.toString())
                .run("status");
        assertEquals(5, unset.exitCode, unset::toString);
        assertTrue(unset.err.contains("not running at " + elsewhere.resolve("queuectld.sock")),
                "an empty QUEUECTL_SOCKET counts as unset: " + unset.err);

        Path stale = root.resolve("stale.sock");
        try (ServerSocketChannel s = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            s.bind(UnixDomainSocketAddress.of(stale));
        }
        CliRun gone = CliRun.run(stale, "status");
        assertEquals(5, gone.exitCode, gone::toString);
        assertTrue(gone.err.contains("the socket file is stale"), gone.err);
    }
}
