package dev.queuectl.client;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.queuectl.daemon.ShortTempDir;
import dev.queuectl.protocol.json.Json;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The packaged launchers, run as a user would: from another directory, through a symlink. */
class LauncherIT {
    @RegisterExtension
    final ShortTempDir temp = new ShortTempDir();
    private static final Path ROOT = Path.of(System.getProperty("queuectl.root", "..")).toAbsolutePath().normalize();

    private Path tmp;
    private Path socket;
    private Long daemonPid;

    record Result(int code, String out, String err) {
    }

    @BeforeEach
    void setUp() throws IOException {
        tmp = temp.path();
        socket = tmp.resolve("d.sock");
    }

    @AfterEach
    void tearDown() throws IOException {
        if (daemonPid != null) {
            ProcessHandle.of(daemonPid).ifPresent(ProcessHandle::destroy);
            ProcessHandle.of(daemonPid).ifPresent(h -> h.onExit().orTimeout(30, TimeUnit.SECONDS).join());
        }
    }

    private Result run(Path program, String... args) throws IOException, InterruptedException {
        return run(Map.of(), program, args);
    }

    private Result run(Map<String, String> env, Path program, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(program.toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(new File("/"));
        pb.environment().putAll(env);
        pb.environment().put("QUEUECTL_SOCKET", socket.toString());
        pb.environment().put("XDG_STATE_HOME", tmp.resolve("state").toString());
        pb.environment().put("XDG_CONFIG_HOME", tmp.resolve("config").toString());
        Path out = tmp.resolve("out.txt");
        Path err = tmp.resolve("err.txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "launcher finished");
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void detachStartsADaemonThatTheClientLauncherTalksToUntilSigtermStopsIt() throws Exception {
        Path queuectld = ROOT.resolve("bin/queuectld");
        Path link = tmp.resolve("qctl");
        Files.createSymbolicLink(link, ROOT.resolve("bin/queuectl"));

        Result started = run(queuectld, "--detach", "--data-dir", tmp.resolve("data").toString(),
                "--socket", socket.toString());
        assertEquals(0, started.code, started.toString());
        assertTrue(started.out.contains("queuectld started (pid "), started.out);
        assertTrue(Files.exists(socket));

        Result status = run(link, "status", "--json");
        assertEquals(0, status.code, status.toString());
        @SuppressWarnings("unchecked")
        Map<String, Object> st = (Map<String, Object>) Json.parse(status.out.strip());
        daemonPid = (Long) st.get("pid");
        assertEquals(tmp.resolve("data").toString(), st.get("data_dir"));

        Result enqueued = run(link, "enqueue", "--id", "from-launcher", "--", "echo", "hello world");
        assertEquals(0, enqueued.code, enqueued.toString());
        assertEquals("from-launcher\n", enqueued.out);

        Result again = run(queuectld, "--detach", "--data-dir", tmp.resolve("data").toString(),
                "--socket", socket.toString());
        assertEquals(1, again.code, again.toString());
        assertTrue(again.err.contains("already listening on " + socket), again.err);

        ProcessHandle daemon = ProcessHandle.of(daemonPid).orElseThrow();
        daemon.destroy(); // SIGTERM
        await().atMost(Duration.ofSeconds(30)).until(() -> !daemon.isAlive());
        assertFalse(Files.exists(socket), "a clean stop removes the socket");
        String log = Files.readString(tmp.resolve("data/queuectld.log"));
        assertTrue(log.contains("queuectld stopped"), log);

        Result down = run(link, "status");
        assertEquals(5, down.code);
        assertEquals(1, down.err.strip().lines().count(), down.err);
        assertTrue(down.err.contains(socket.toString()) && down.err.contains("queuectld --detach"), down.err);
        daemonPid = null;
    }

    @Test
    void aDaemonThatCannotStartSaysWhyAndDetachFails() throws Exception {
        Path conf = tmp.resolve("bad.conf");
        Files.writeString(conf, "max-connections = many\n");
        Result r = run(ROOT.resolve("bin/queuectld"), "--detach", "--config", conf.toString(),
                "--data-dir", tmp.resolve("data").toString(), "--socket", socket.toString());
        assertEquals(1, r.code, r.toString());
        assertTrue(r.err.contains("line 1: max-connections"), r.err);
        assertFalse(r.err.contains("\tat "), "no stack trace");
    }

    @Test
    void queuectldUsageErrorsExitTwoNamingTheFlagWhileABadEnvironmentOrFileExitsOne() throws Exception {
        String data = tmp.resolve("data").toString();
        String[][] usage = {
            {"--output-limit", "abc"}, {"--max-connections", "0"}, {"--kill-grace", "-1s"}, {"--kill-grace=-1s"},
            {"--drain-timeout", "25h"}, {"--cgroup-root", "relative/dir"}, {"--no-such-flag"},
        };
        for (String[] bad : usage) {
            for (boolean detach : new boolean[] {false, true}) {
                List<String> args = new ArrayList<>(List.of(bad));
                if (detach) {
                    args.add(0, "--detach");
                }
                args.addAll(List.of("--data-dir", data, "--socket", socket.toString()));
                Result r = run(ROOT.resolve("bin/queuectld"), args.toArray(new String[0]));
                assertEquals(2, r.code, args + ": " + r);
                String flag = bad[0].contains("=") ? bad[0].substring(0, bad[0].indexOf('=')) : bad[0];
                assertTrue(r.err.startsWith("queuectld: ") && r.err.contains(flag), args + ": " + r.err);
                assertFalse(r.err.contains("\tat "), "no stack trace: " + r.err);
            }
        }
        assertFalse(Files.exists(Path.of(data)), "a usage error touches nothing");
        Result fromEnv = run(Map.of("QUEUECTL_OUTPUT_LIMIT", "abc"), ROOT.resolve("bin/queuectld"),
                "--data-dir", data, "--socket", socket.toString());
        assertEquals(1, fromEnv.code, "a bad environment variable is not a usage error: " + fromEnv);
        assertTrue(fromEnv.err.contains("$QUEUECTL_OUTPUT_LIMIT"), fromEnv.err);
        Result help = run(ROOT.resolve("bin/queuectld"), "--help");
        assertEquals(0, help.code, help.toString());
        for (String rule : List.of("2  usage error", "--output-limit abc", "1  could not start", "3  stopped itself")) {
            assertTrue(help.out.contains(rule), "--help states the exit status rule '" + rule + "': " + help.out);
        }
    }

    @Test
    void theClientBuildsItsClassDataArchiveUnderItsInstallationAndUsesIt() throws Exception {
        Path cache = tmp.resolve("cache");
        Path archive = Path.of(cache + "/queuectl" + ROOT.toRealPath() + "/client.jsa");
        Map<String, String> env = Map.of("XDG_CACHE_HOME", cache.toString());

        Result first = run(env, ROOT.resolve("bin/queuectl"), "--version");
        assertEquals(0, first.code, first.toString());
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(archive));

        Result withArchive = run(env, ROOT.resolve("bin/queuectl"), "--version");
        assertEquals(new Result(0, first.out, ""), withArchive);
        // an unusable archive (here: not an archive at all) is skipped without a word
        Files.writeString(archive, "not a class-data archive");
        Result broken = run(env, ROOT.resolve("bin/queuectl"), "--version");
        assertEquals(new Result(0, first.out, ""), broken);
    }

    @Test
    void noCdsBuildsNoArchive() throws Exception {
        Path cache = tmp.resolve("cache");
        Result r = run(Map.of("XDG_CACHE_HOME", cache.toString(), "QUEUECTL_NO_CDS", "1"),
                ROOT.resolve("bin/queuectl"), "--version");
        assertEquals(0, r.code, r.toString());
        assertFalse(Files.exists(cache), "nothing cached with QUEUECTL_NO_CDS");
    }

    @Test
    void versionAndHelpWork() throws Exception {
        Result v = run(ROOT.resolve("bin/queuectl"), "--version");
        assertEquals(0, v.code, v.toString());
        assertTrue(v.out.startsWith("queuectl "), v.out);
        Result h = run(ROOT.resolve("bin/queuectld"), "--help");
        assertEquals(0, h.code, h.toString());
        assertTrue(h.out.contains("--data-dir"), h.out);
    }
}
