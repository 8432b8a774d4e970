package dev.queuectl.daemon;

import dev.queuectl.protocol.UnixSocketPath;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/** Checks and prepares the socket's path before binding: length, directory, stale or live socket. */
final class SocketPaths {
    private SocketPaths() {
    }

    /** Refuses an empty path and one longer than a Unix socket address holds. */
    static void checkLength(Path socket) {
        String problem = UnixSocketPath.unusable(socket.toString());
        if (problem != null) {
            throw new DaemonStartException(problem + " — choose another --socket");
        }
    }

    /**
     * Creates missing directories as 0700 (0750 and the socket group when one is set). Existing
     * directories are left as they are: the socket's own mode and the peer check protect it.
     */
    static void createDirectory(Path dir, String group) {
        if (Files.isDirectory(dir)) {
            return;
        }
        try {
            Files.createDirectories(dir.getParent());
            Files.createDirectory(dir);
            PosixFileAttributeView view = Files.getFileAttributeView(dir, PosixFileAttributeView.class);
            if (group != null) {
                GroupPrincipal g = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByGroupName(group);
                view.setGroup(g);
                view.setPermissions(PosixFilePermissions.fromString("rwxr-x---"));
            } else {
                view.setPermissions(PosixFilePermissions.fromString("rwx------"));
            }
        } catch (IOException e) {
            throw new DaemonStartException("cannot create directory " + dir + ": " + e, e);
        }
    }

    /**
     * Makes sure nothing serves on {@code socket}: refuses if a daemon answers there or the path
     * is not a socket; removes a stale socket file left by a crashed daemon.
     */
    static void clearStale(Path socket) {
        if (!Files.exists(socket, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        String kind = UnixSocketPath.kind(socket, false);
        if (!"a socket".equals(kind)) {
            throw new DaemonStartException(socket + (kind == null ? "" : " is " + kind + ", so it") + " is not a socket;"
                    + " refusing to replace it — choose another --socket");
        }
        if (accepts(socket)) {
            throw new DaemonStartException("another queuectld is already listening on " + socket);
        }
        try {
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            throw new DaemonStartException("cannot remove the stale socket " + socket + ": " + e.getMessage(), e);
        }
    }

    /** True when something accepts connections on the socket. */
    static boolean accepts(Path socket) {
        try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            return ch.isConnected();
        } catch (IOException e) {
            return false;
        }
    }
}
