package dev.queuectl.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnixSocketPathTest {
    @TempDir
    Path tmp;

    @Test
    void emptyAndOverlongPathsAreUnusable() {
        assertEquals("the socket path is empty", UnixSocketPath.unusable(""));
        assertNull(UnixSocketPath.unusable("/" + "a".repeat(106)));
        String message = UnixSocketPath.unusable("/" + "a".repeat(107));
        assertTrue(message.contains("is 108 bytes long; a Unix socket path holds at most 107 bytes"), message);
    }

    @Test
    void saysWhatIsThere() throws Exception {
        Path file = Files.writeString(tmp.resolve("f"), "x");
        Path link = Files.createSymbolicLink(tmp.resolve("l"), file);
        assertEquals("a directory", UnixSocketPath.kind(tmp, true));
        assertEquals("a regular file", UnixSocketPath.kind(file, true));
        assertEquals("a regular file", UnixSocketPath.kind(link, true));
        assertEquals("a symbolic link", UnixSocketPath.kind(link, false));
        assertEquals("a character device", UnixSocketPath.kind(Path.of("/dev/null"), true));
        assertNull(UnixSocketPath.kind(tmp.resolve("missing"), true));
        assertFalse(UnixSocketPath.isSocket(file));
    }
}
