package dev.queuectl.protocol;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * What the daemon and its clients say about a socket path, so that both say the same true thing:
 * an empty path, a path longer than a Unix socket address can hold, and a path that exists but
 * is not a socket (a directory, a regular file) are each named as such. Stateless and thread-safe.
 */
public final class UnixSocketPath {
    /** sun_path holds 108 bytes including the terminating NUL. */
    public static final int MAX_BYTES = 107;

    private UnixSocketPath() {
    }

    /** Why the path cannot name a Unix socket at all (empty, too long), or null when it can. */
    public static String unusable(String path) {
        if (path.isEmpty()) {
            return "the socket path is empty";
        }
        int n = path.getBytes(StandardCharsets.UTF_8).length;
        if (n > MAX_BYTES) {
            return "the socket path " + path + " is " + n + " bytes long; a Unix socket path holds at most "
                    + MAX_BYTES + " bytes";
        }
        return null;
    }

    /**
     * What is at {@code path}: {@code "a socket"}, {@code "a directory"}, {@code "a regular file"},
     * {@code "a symbolic link"} (only without {@code followLinks}), {@code "a FIFO"},
     * {@code "a character device"}, {@code "a block device"}; null when nothing is there or it
     * cannot be read.
     */
    public static String kind(Path path, boolean followLinks) {
        int mode;
        try {
            Object m = followLinks ? Files.getAttribute(path, "unix:mode")
                    : Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            mode = (Integer) m;
        } catch (IOException | RuntimeException e) {
            return null;
        }
        switch (mode & 0170000) {
            case 0140000: return "a socket";
            case 0040000: return "a directory";
            case 0100000: return "a regular file";
            case 0120000: return "a symbolic link";
            case 0010000: return "a FIFO";
            case 0020000: return "a character device";
            case 0060000: return "a block device";
            default: return "not a socket";
        }
    }

    /** True when {@code path} is a socket (following symbolic links). */
    public static boolean isSocket(Path path) {
        return "a socket".equals(kind(path, true));
    }
}
