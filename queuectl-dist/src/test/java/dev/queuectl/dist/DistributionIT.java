package dev.queuectl.dist;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.queuectl.daemon.ShortTempDir;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The distribution archive as an operator gets it: unpacked into an empty directory, it starts
 * a daemon and runs a job through its own launchers, from another working directory, and its
 * systemd unit passes systemd-analyze verify once its paths point at the unpacked tree.
 */
class DistributionIT {
    @RegisterExtension
    static final ShortTempDir DIR = ShortTempDir.perClass();
    private static Path tmp;
    private static Path home;

    record Result(int code, String out, String err) {
    }

    @BeforeAll
    static void unpack() throws Exception {
        tmp = DIR.path();
        Path archive = Path.of(System.getProperty("queuectl.dist"));
        assertTrue(Files.isRegularFile(archive), "the archive was built: " + archive);
        Result r = run(List.of("tar", "xzf", archive.toString(), "-C", tmp.toString()), null);
        assertEquals(0, r.code, r.toString());
        home = tmp.resolve("queuectl-" + System.getProperty("queuectl.version"));
    }

    static Result run(List<String> cmd, Path socket) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(new File("/"));
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        if (socket != null) {
            pb.environment().put("QUEUECTL_SOCKET", socket.toString());
        }
        pb.environment().put("XDG_CACHE_HOME", tmp.resolve("cache").toString());
        pb.environment().put("XDG_CONFIG_HOME", tmp.resolve("config").toString());
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "finished: " + cmd);
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private Result queuectl(Path socket, String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(home.resolve("bin/queuectl").toString());
        cmd.addAll(List.of(args));
        return run(cmd, socket);
    }

    @Test
    void theArchiveHoldsWhatAnOperatorNeeds() {
        for (String f : List.of("bin/queuectl", "bin/queuectld", "lib/client/queuectl-client.jar",
                "lib/daemon/queuectl-daemon.jar", "config/queuectld.conf", "config/logback.xml",
                "systemd/queuectld.service", "README.md")) {
            assertTrue(Files.exists(home.resolve(f)), f);
        }
        assertTrue(Files.isExecutable(home.resolve("bin/queuectl")));
        assertTrue(Files.isExecutable(home.resolve("bin/queuectld")));
        assertFalse(Files.exists(home.resolve("lib/client/netty-common-4.2.18.Final.jar")), "no Netty in the client");
    }

    @Test
    void itStartsADaemonAndRunsAJobThroughItsOwnLaunchers() throws Exception {
        Path socket = tmp.resolve("d.sock");
        Result started = run(List.of(home.resolve("bin/queuectld").toString(), "--detach",
                "--data-dir", tmp.resolve("data").toString(), "--socket", socket.toString()), null);
        assertEquals(0, started.code, started.toString());
        try {
            Result enqueued = queuectl(socket, "enqueue", "--id", "from-dist", "--", "echo", "hello from the archive");
            assertEquals(0, enqueued.code, enqueued.toString());
            Result waited = queuectl(socket, "wait", "from-dist", "--timeout", "30s");
            assertEquals(0, waited.code, waited.toString());
            assertEquals("hello from the archive\n", queuectl(socket, "logs", "from-dist").out);
            Result status = queuectl(socket, "status", "--json");
            assertTrue(status.out.contains("\"completed\":1"), status.toString());
            Result completion = queuectl(socket, "completion", "bash");
            assertTrue(completion.out.contains("complete -F _queuectl queuectl"), completion.toString());
        } finally {
            Result drained = queuectl(socket, "drain");
            assertEquals(0, drained.code, drained.toString());
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> !Files.exists(socket));
    }

    /**
     * The README's own way to check the unit from a clone: the shell block that runs
     * {@code systemd-analyze verify}, run as written from the root of the checkout.
     */
    @Test
    void theReadmesCheckOfTheUnitFromACloneWorksAsWritten() throws Exception {
        Path clone = Path.of("..").toAbsolutePath().normalize();
        String readme = Files.readString(clone.resolve("README.md"));
        String block = null;
        int from = 0;
        while (block == null) {
            int open = readme.indexOf("```sh\n", from);
            assertTrue(open >= 0, "the README shows how to verify the unit from a clone");
            int close = readme.indexOf("```", open + 6);
            String candidate = readme.substring(open + 6, close);
            if (candidate.contains("systemd-analyze verify") && candidate.contains("systemd/queuectld.service")) {
                block = candidate.replaceAll("(?m)^ +", "");
            }
            from = close + 3;
        }
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", block).directory(clone.toFile());
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Process p = pb.redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "finished: " + block);
        String printed = Files.readString(out);
        assertEquals(0, p.exitValue(), block + "\n" + printed);
        assertEquals("", printed.strip(), "systemd-analyze has no complaint about the unit of the clone");
        String unit = Files.readString(clone.resolve("systemd/queuectld.service"));
        assertTrue(unit.contains("ExecStart=/opt/queuectl/bin/queuectld") && unit.contains("Delegate=yes"), unit);
    }

    @Test
    void theSystemdUnitVerifies() throws Exception {
        String unit = Files.readString(home.resolve("systemd/queuectld.service"))
                .replace("/opt/queuectl/", home + "/");
        Path dir = Files.createDirectories(tmp.resolve("units"));
        Path copy = dir.resolve("queuectld.service");
        Files.writeString(copy, unit);
        Result verify = run(List.of("systemd-analyze", "verify", copy.toString()), null);
        assertEquals(0, verify.code, verify.toString());
        assertEquals("", verify.err.strip(), "systemd-analyze has no complaint");
        assertTrue(unit.contains("Type=notify") && unit.contains("KillMode=mixed"), unit);
    }
}
