package dev.queuectl.client;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.queuectl.daemon.ShortTempDir;
import dev.queuectl.client.transport.Deadlines;
import dev.queuectl.daemon.QueueDaemon;
import dev.queuectl.daemon.config.DaemonSettings;
import dev.queuectl.protocol.json.Json;
import java.io.File;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Timeout;

/**
 * A daemon that is stopped (kill -STOP) or hung never makes a command hang: every command,
 * including those that wait on purpose, ends with exit status 5 and says why. A live daemon that
 * is merely slow to answer a deliberate wait is not mistaken for a hung one. The deadlines are
 * shortened here (the defaults are 5s, 5s, 5s and 30s); the rules are the same.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class DeadlinesIT {
    @RegisterExtension
    final ShortTempDir temp = new ShortTempDir();
    private static final Path ROOT = Path.of(System.getProperty("queuectl.root", "..")).toAbsolutePath().normalize();
    private static final Deadlines SHORT = new Deadlines(Duration.ofSeconds(1), Duration.ofMillis(300),
            Duration.ofMillis(700), Duration.ofSeconds(3));

    private Path tmp;

    @BeforeEach
    void setUp() throws IOException {
        tmp = temp.path();
    }


    private CliRun cli(Path socket, String... args) {
        return CliRun.with(socket).deadlines(SHORT).run(args);
    }

    @Test
    void aSocketThatAcceptsButNeverAnswersEndsEveryCommandWithExitFive() throws IOException {
        Path socket = tmp.resolve("silent.sock");
        try (ServerSocketChannel silent = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            // Bound and listening, never accepting nor answering: what a client sees of a stopped daemon.
            silent.bind(UnixDomainSocketAddress.of(socket), 200);
            String[][] commands = {{"status"}, {"show", "x"}, {"list"}, {"enqueue", "--", "true"}, {"wait", "x"},
                {"wait", "x", "--timeout", "1h"}, {"logs", "--follow", "x"}, {"drain"}, {"worker", "stop", "--wait"},
                {"cancel", "x"}, {"prune"}};
            for (String[] args : commands) {
                CliRun r = cli(socket, args);
                assertEquals(5, r.exitCode, String.join(" ", args) + ": " + r);
                assertTrue(r.err.contains("queuectld at " + socket + " stopped answering"), r.err);
                assertEquals(1, r.err.lines().count(), r.err);
            }
            CliRun json = cli(socket, "--json", "status");
            assertEquals("UNAVAILABLE", ((Map<?, ?>) Json.parse(json.out)).get("code"));
        }
    }

    @Test
    void aStoppedDaemonIsNoticedEvenByCommandsThatWaitOnPurpose() throws Exception {
        Path socket = tmp.resolve("d.sock");
        Process daemon = new ProcessBuilder(ROOT.resolve("bin/queuectld").toString(), "--data-dir",
                tmp.resolve("data").toString(), "--socket", socket.toString()).directory(new File("/"))
                .redirectOutput(tmp.resolve("daemon.out").toFile()).redirectError(tmp.resolve("daemon.err").toFile())
                .start();
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> cli(socket, "status").exitCode == 0);
            assertEquals(0, cli(socket, "enqueue", "--id", "long", "--", "sleep", "60").exitCode);
            await().atMost(Duration.ofSeconds(20)).until(() -> cli(socket, "status").out.contains("long"));
            CompletableFuture<CliRun> waiting = CompletableFuture.supplyAsync(() -> cli(socket, "wait", "long"));
            CompletableFuture<CliRun> following = CompletableFuture.supplyAsync(() -> cli(socket, "logs", "-f", "long"));

            signal("STOP", daemon.pid());
            // kill returns once the signal is sent; the threads stop as each is next scheduled.
            await().atMost(Duration.ofSeconds(20)).until(() -> allThreadsStopped(daemon.pid()));
            CliRun status = cli(socket, "status");
            assertEquals(5, status.exitCode, status::toString);
            assertTrue(status.err.contains("stopped answering"), status.err);
            CliRun waited = waiting.get(60, TimeUnit.SECONDS);
            assertEquals(5, waited.exitCode, waited::toString);
            assertTrue(waited.err.contains("stopped answering"), waited.err);
            CliRun followed = following.get(60, TimeUnit.SECONDS);
            assertEquals(5, followed.exitCode, followed::toString);

            signal("CONT", daemon.pid());
            await().atMost(Duration.ofSeconds(20)).until(() -> cli(socket, "status").exitCode == 0);
            assertEquals(0, cli(socket, "cancel", "long").exitCode);
        } finally {
            signal("CONT", daemon.pid());
            daemon.destroy();
            if (!daemon.waitFor(60, TimeUnit.SECONDS)) {
                daemon.destroyForcibly();
            }
        }
    }

    /** Whether every thread of the process is in state T (stopped), per /proc. */
    private static boolean allThreadsStopped(long pid) throws IOException {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                String stat = Files.readString(task.resolve("stat"));
                // the state follows the command name, which is in parentheses and may hold spaces
                char state = stat.charAt(stat.lastIndexOf(')') + 2);
                if (state != 'T' && state != 't') {
                    return false;
                }
            }
        } catch (java.nio.file.NoSuchFileException e) {
            return false;
        }
        return true;
    }

    private static void signal(String name, long pid) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid)).inheritIO().start();
        assertEquals(0, kill.waitFor(), "kill -" + name);
    }

    @Test
    void aLiveDaemonThatTakesItsTimeIsNotMistakenForAHungOne() throws IOException {
        Path socket = tmp.resolve("d.sock");
        try (QueueDaemon daemon = QueueDaemon.start(DaemonSettings.of(tmp.resolve("data"), socket))) {
            assertEquals(0, cli(socket, "enqueue", "--id", "slow", "--", "sleep", "30").exitCode);
            CliRun waited = cli(socket, "wait", "slow", "--timeout", "2s");
            assertEquals(7, waited.exitCode, "timed out as asked, after several liveness checks: " + waited);
            assertEquals(0, cli(socket, "cancel", "slow").exitCode);

            assertEquals(0, cli(socket, "enqueue", "--id", "ticker", "for i in 1 2 3 4; do echo $i; sleep 0.5; done")
                    .exitCode);
            // follow once the run exists: this test is about the liveness checks during a long follow
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> !cli(socket, "show", "ticker", "--json").out.contains("\"started_at\":null"));
            CliRun followed = cli(socket, "logs", "--follow", "ticker");
            assertEquals(0, followed.exitCode, followed::toString);
            assertEquals("1\n2\n3\n4\n", followed.out);

            assertEquals(0, cli(socket, "enqueue", "--", "sleep", "1.5").exitCode);
            CliRun stopped = cli(socket, "worker", "stop", "--wait");
            assertEquals(0, stopped.exitCode, stopped::toString);
            assertEquals(0, cli(socket, "worker", "start").exitCode);

            assertEquals(0, cli(socket, "enqueue", "--", "sleep", "1.5").exitCode);
            CliRun drained = cli(socket, "drain", "--timeout", "20s");
            assertEquals(0, drained.exitCode, drained::toString);
            assertTrue(drained.out.startsWith("queuectld drained"), drained.out);
        }
    }
}
