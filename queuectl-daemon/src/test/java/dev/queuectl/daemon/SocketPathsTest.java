package dev.queuectl.daemon;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daemon says what is true of a socket path it cannot use, in the words the client uses too. */
class SocketPathsTest {
    @TempDir
    Path tmp;

    @Test
    void aPathThatIsNotASocketIsNamedForWhatItIs() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("dir"));
        DaemonStartException e = assertThrows(DaemonStartException.class, () -> SocketPaths.clearStale(dir));
        assertTrue(e.getMessage().contains(dir + " is a directory, so it is not a socket; refusing to replace it"),
                e.getMessage());
        Path file = Files.writeString(tmp.resolve("file"), "keep me");
        e = assertThrows(DaemonStartException.class, () -> SocketPaths.clearStale(file));
        assertTrue(e.getMessage().contains("is a regular file"), e.getMessage());
        assertTrue(Files.readString(file).equals("keep me"), "left untouched");
    }

    @Test
    void emptyAndOverlongPathsAreRefusedBeforeAnythingIsCreated() {
        DaemonStartException empty = assertThrows(DaemonStartException.class, () -> SocketPaths.checkLength(Path.of("")));
        assertTrue(empty.getMessage().contains("the socket path is empty"), empty.getMessage());
        Path longPath = tmp.resolve("x".repeat(120) + ".sock");
        DaemonStartException tooLong = assertThrows(DaemonStartException.class, () -> SocketPaths.checkLength(longPath));
        assertTrue(tooLong.getMessage().contains("a Unix socket path holds at most 107 bytes"), tooLong.getMessage());
    }
}
