package dev.queuectl.client;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.queuectl.daemon.ShortTempDir;
import dev.queuectl.daemon.QueueDaemon;
import dev.queuectl.daemon.config.DaemonSettings;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Who may use the daemon, and what never reaches a shell. Runs the real client launcher. */
class SecurityIT {
    @RegisterExtension
    final ShortTempDir temp = new ShortTempDir();
    private static final Path ROOT = Path.of(System.getProperty("queuectl.root", "..")).toAbsolutePath().normalize();

    private Path tmp;

    record Result(int code, String out, String err) {
    }

    @BeforeEach
    void setUp() throws IOException {
        tmp = temp.path();
        // Traversable by other users, so that only the socket's own modes decide who gets in.
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwx--x--x"));
    }


    private static boolean root() {
        return ProcessHandle.current().info().user().map("root"::equals).orElse(false);
    }

    /** Runs bin/queuectl, optionally as another user through setpriv. */
    private Result queuectl(Path socket, String user, String group, String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        if (user != null) {
            cmd.addAll(List.of("setpriv", "--reuid=" + user, "--regid=" + group, "--clear-groups"));
        }
        cmd.add(ROOT.resolve("bin/queuectl").toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(new File("/"));
        pb.environment().put("QUEUECTL_SOCKET", socket.toString());
        pb.environment().put("QUEUECTL_NO_CDS", "1");
        pb.environment().put("HOME", tmp.toString());
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void anotherUserCannotUseThePrivateSocket() throws Exception {
        assumeTrue(root(), "needs root to run a client as another uid (setpriv); as a normal user the kernel"
                + " already keeps other users out of a 0600 socket in a 0700 directory");
        Path socket = tmp.resolve("run/d.sock");
        try (QueueDaemon d = QueueDaemon.start(DaemonSettings.of(tmp.resolve("data"), socket))) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(socket)));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(socket.getParent())));
            Result denied = queuectl(socket, "nobody", "nogroup", "status");
            assertEquals(5, denied.code, denied.toString());
            assertTrue(denied.err.contains("permission denied"), denied.err);

            // Even if someone loosens the modes, the daemon checks the peer's uid itself.
            Files.setPosixFilePermissions(socket.getParent(), PosixFilePermissions.fromString("rwx--x--x"));
            Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-rw-rw-"));
            Result refused = queuectl(socket, "nobody", "nogroup", "enqueue", "--", "touch", tmp.resolve("pwned").toString());
            assertEquals(5, refused.code, refused.toString());
            assertTrue(refused.err.contains("may not use this queuectld"), refused.err);
            assertFalse(Files.exists(tmp.resolve("pwned")));
            assertEquals(0, queuectl(socket, null, null, "status").code, "the daemon's own user still gets in");
        }
    }

    @Test
    void membersOfTheSocketGroupGetInAndOthersDoNot() throws Exception {
        assumeTrue(root(), "needs root to run clients as other users (setpriv)");
        Path socket = tmp.resolve("run/d.sock");
        try (QueueDaemon d = QueueDaemon.start(DaemonSettings.of(tmp.resolve("data"), socket).withSocketGroup("nogroup"))) {
            assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(socket)));
            assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(socket.getParent())));
            assertEquals("nogroup", Files.readAttributes(socket, java.nio.file.attribute.PosixFileAttributes.class)
                    .group().getName());
            Result member = queuectl(socket, "nobody", "nogroup", "status", "--json");
            assertEquals(0, member.code, member.toString());
            Result other = queuectl(socket, "daemon", "daemon", "status");
            assertEquals(5, other.code, other.toString());
        }
    }

    @Test
    void shellMetacharactersInIdsConfigAndOtherFieldsNeverReachAShell() throws Exception {
        Path socket = tmp.resolve("d.sock");
        Path marker = tmp.resolve("pwned");
        String touch = "touch " + marker;
        List<String[]> attempts = List.of(
                new String[] {"enqueue", "--id", "x;" + touch, "--", "true"},
                new String[] {"enqueue", "--id", "$(" + touch + ")", "--", "true"},
                new String[] {"enqueue", "--id", "`" + touch + "`", "--", "true"},
                new String[] {"enqueue", "{\"id\":\"a|" + touch + "\",\"command\":\"true\"}"},
                new String[] {"config", "set", "job_timeout", "$(" + touch + ")"},
                new String[] {"config", "set", "max_retries;" + touch, "1"},
                new String[] {"config", "set", "workers", "1 && " + touch},
                new String[] {"list", "--state", "dead;" + touch},
                new String[] {"show", "$(" + touch + ")"},
                new String[] {"logs", "'; " + touch + "; '"},
                new String[] {"cancel", "x && " + touch},
                new String[] {"wait", "x|" + touch},
                new String[] {"dlq", "retry", "$(" + touch + ")"});
        try (QueueDaemon d = QueueDaemon.start(DaemonSettings.of(tmp.resolve("data"), socket))) {
            int refused = 0;
            for (String[] args : attempts) {
                Result r = queuectl(socket, null, null, args);
                assertEquals(2, r.code, String.join(" ", args) + " -> " + r);
                refused++;
            }
            // As several arguments, metacharacters are quoted: the job prints them instead of running them.
            String id = queuectl(socket, null, null, "enqueue", "--", "echo", "$(" + touch + ")", ";", touch).out.strip();
            assertEquals(0, queuectl(socket, null, null, "wait", id).code);
            assertEquals("$(" + touch + ") ; " + touch + "\n", queuectl(socket, null, null, "logs", id).out);
            assertFalse(Files.exists(marker), "no shell ever ran the payload");
            System.out.println("[reliability] shell metacharacters: " + refused + " hostile ids, keys, values and"
                    + " states refused; argv with metacharacters ran literally; nothing reached a shell");
        }
    }

    @Test
    void theDaemonsFilesArePrivateToItsUser() throws Exception {
        Path socket = tmp.resolve("d.sock");
        Path data = tmp.resolve("data");
        try (QueueDaemon d = QueueDaemon.start(DaemonSettings.of(data, socket))) {
            String id = queuectl(socket, null, null, "enqueue", "--", "echo", "secret").out.strip();
            assertEquals(0, queuectl(socket, null, null, "wait", id).code);
            await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(data.resolve("queuectl.db-wal")));
            List<String> loose = new ArrayList<>();
            try (Stream<Path> files = Files.walk(data)) {
                files.forEach(p -> {
                    try {
                        String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
                        if (!mode.endsWith("------")) {
                            loose.add(data.relativize(p) + " " + mode);
                        }
                    } catch (IOException e) {
                        // deleted meanwhile
                    }
                });
            }
            assertEquals(List.of(), loose, "group and others can read nothing in the data dir");
        }
    }
}
