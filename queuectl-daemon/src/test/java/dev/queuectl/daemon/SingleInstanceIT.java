package dev.queuectl.daemon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.queuectl.daemon.config.DaemonSettings;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One daemon per data dir and per socket; a second one refuses to start and touches nothing. */
class SingleInstanceIT {

    @Test
    void aSecondDaemonOnTheSameDataDirRefusesAndTouchesNothing() throws Exception {
        try (TestDaemon first = TestDaemon.start()) {
            try (RawClient c = first.connect()) {
                c.ok("{\"op\":\"enqueue\",\"id\":\"mine\",\"command\":\"true\"}");
            }
            Path other = ShortTempDir.create();
            try {
                DaemonSettings second = DaemonSettings.of(first.settings.dataDir(), other.resolve("other.sock"));
                byte[] lockBefore = Files.readAllBytes(first.settings.lockFile());
                DaemonStartException e = assertThrows(DaemonStartException.class, () -> QueueDaemon.start(second));
                assertTrue(e.getMessage().contains("another queuectld (pid " + ProcessHandle.current().pid() + ")"),
                        e.getMessage());
                assertTrue(e.getMessage().contains(first.settings.dataDir().toString()), e.getMessage());
                assertArrayEquals(lockBefore, Files.readAllBytes(first.settings.lockFile()));
                assertTrue(Files.notExists(other.resolve("other.sock")), "it did not even bind its own socket");
            } finally {
                ShortTempDir.delete(other);
            }
            try (RawClient c = first.connect()) {
                assertEquals("mine", c.ok("{\"op\":\"show\",\"id\":\"mine\"}").get("id"));
            }
        }
    }

    @Test
    void aSecondDaemonOnTheSameSocketRefuses() {
        try (TestDaemon first = TestDaemon.start()) {
            Path other = ShortTempDir.create();
            try {
                DaemonSettings second = DaemonSettings.of(other.resolve("data"), first.socket());
                DaemonStartException e = assertThrows(DaemonStartException.class, () -> QueueDaemon.start(second));
                assertTrue(e.getMessage().contains(first.socket().toString()), e.getMessage());
            } finally {
                ShortTempDir.delete(other);
            }
            try (RawClient c = first.connect()) {
                assertTrue(c.ok("{\"op\":\"status\"}").containsKey("jobs"), "the first daemon still serves");
            }
        }
    }

    @Test
    void aStaleSocketFromACrashedDaemonIsReplaced() throws Exception {
        Path root = ShortTempDir.create();
        Path socket = root.resolve("run/d.sock");
        Files.createDirectories(socket.getParent());
        try (ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            dead.bind(UnixDomainSocketAddress.of(socket));
        }
        assertTrue(Files.exists(socket), "closing a JDK server socket leaves its file behind, like a crash");
        try (QueueDaemon d = QueueDaemon.start(DaemonSettings.of(root.resolve("data"), socket));
             RawClient c = new RawClient(socket)) {
            assertTrue(c.ok("{\"op\":\"status\"}").containsKey("jobs"));
        } finally {
            ShortTempDir.delete(root);
        }
    }

    @Test
    void aPathThatIsNotASocketIsNeverReplaced() throws Exception {
        Path root = ShortTempDir.create();
        try {
            Path notASocket = root.resolve("precious.txt");
            Files.writeString(notASocket, "keep me");
            DaemonStartException e = assertThrows(DaemonStartException.class,
                    () -> QueueDaemon.start(DaemonSettings.of(root.resolve("data"), notASocket)));
            assertTrue(e.getMessage().contains("is not a socket"), e.getMessage());
            assertEquals("keep me", Files.readString(notASocket));
        } finally {
            ShortTempDir.delete(root);
        }
    }

    @Test
    void theSocketIsPrivateToTheDaemonsUser() throws Exception {
        try (TestDaemon d = TestDaemon.start()) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(d.socket())));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(d.socket().getParent())));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(d.settings.dataDir())));
            assertEquals("rw-------", PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(d.settings.databaseFile())));
        }
    }

    @Test
    void aTooLongSocketPathIsRefusedWithTheLimit() {
        Path root = ShortTempDir.create();
        try {
            Path socket = root.resolve("x".repeat(120) + ".sock");
            DaemonStartException e = assertThrows(DaemonStartException.class,
                    () -> QueueDaemon.start(DaemonSettings.of(root.resolve("data"), socket)));
            assertTrue(e.getMessage().contains("at most 107"), e.getMessage());
        } finally {
            ShortTempDir.delete(root);
        }
    }

    @Test
    void statusNamesTheDaemonsPaths() {
        try (TestDaemon d = TestDaemon.start(); RawClient c = d.connect()) {
            Map<String, Object> s = c.ok("{\"op\":\"status\"}");
            assertEquals(d.settings.dataDir().toString(), s.get("data_dir"));
            assertEquals(d.socket().toString(), s.get("socket"));
        }
    }
}
