package dev.queuectl.daemon.server;

import io.netty.channel.Channel;
import io.netty.channel.epoll.EpollDomainSocketChannel;
import io.netty.channel.unix.PeerCredentials;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;

/**
 * Decides from a connection's peer credentials (SO_PEERCRED) whether it may talk to the daemon:
 * the daemon's own user, root, and members of the configured socket group. When credentials
 * cannot be read the connection is refused. Immutable and thread-safe.
 */
final class PeerAuthorizer {
    /** Who is on the other end, for messages and logs. */
    record Peer(int uid, int pid, String user) {
    }

    private final int ownUid;
    private final String ownUser;
    private final Integer groupGid;
    private final String groupName;

    PeerAuthorizer(int ownUid, String ownUser, Integer groupGid, String groupName) {
        this.ownUid = ownUid;
        this.ownUser = ownUser;
        this.groupGid = groupGid;
        this.groupName = groupName;
    }

    /** Returns null when the peer is allowed, else the reason for refusing it. */
    String refusal(Channel ch) {
        if (ch instanceof EpollDomainSocketChannel) {
            PeerCredentials c;
            try {
                c = ((EpollDomainSocketChannel) ch).peerCredentials();
            } catch (IOException e) {
                return "could not read the peer's credentials: " + e.getMessage();
            }
            if (c.uid() == ownUid || c.uid() == 0) {
                return null;
            }
            if (groupGid != null && (contains(c.gids(), groupGid) || inGroup(c.pid(), groupGid))) {
                return null;
            }
            return "uid " + c.uid() + " may not use this queuectld (it runs as uid " + ownUid
                    + (groupName == null ? "" : "; members of group " + groupName + " may") + ")";
        }
        return refusalFromJdk(ch);
    }

    /** The NIO transport: the JDK reports user and group names rather than ids. */
    private String refusalFromJdk(Channel ch) {
        UnixDomainPrincipal p;
        try {
            Method m = ch.getClass().getDeclaredMethod("javaChannel");
            m.setAccessible(true);
            SocketChannel sc = (SocketChannel) m.invoke(ch);
            p = sc.getOption(ExtendedSocketOptions.SO_PEERCRED);
        } catch (ReflectiveOperationException | IOException | RuntimeException e) {
            return "could not read the peer's credentials: " + e;
        }
        String user = p.user().getName();
        if (user.equals(ownUser) || user.equals("root")) {
            return null;
        }
        if (groupName != null && p.group().getName().equals(groupName)) {
            return null;
        }
        return "user " + user + " may not use this queuectld (it runs as " + ownUser + ")";
    }

    private static boolean contains(int[] gids, int gid) {
        for (int g : gids) {
            if (g == gid) {
                return true;
            }
        }
        return false;
    }

    /** Supplementary groups of the peer process, from /proc. */
    private static boolean inGroup(int pid, int gid) {
        try {
            List<String> lines = Files.readAllLines(Paths.get("/proc", Integer.toString(pid), "status"),
                    StandardCharsets.UTF_8);
            for (String line : lines) {
                if (line.startsWith("Groups:")) {
                    for (String g : line.substring(7).trim().split("\\s+")) {
                        if (!g.isEmpty() && Integer.parseInt(g) == gid) {
                            return true;
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
        return false;
    }

    /** The uid the daemon runs as. */
    static int currentUid() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException | UnsupportedOperationException e) {
            throw new IllegalStateException("cannot determine the daemon's uid", e);
        }
    }
}
