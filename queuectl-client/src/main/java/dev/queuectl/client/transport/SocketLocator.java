package dev.queuectl.client.transport;

import dev.queuectl.client.CommandFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds the daemon's socket the way the daemon picks it: {@code --socket}, else
 * {@code $QUEUECTL_SOCKET}, else {@code $XDG_RUNTIME_DIR/queuectl/queuectld.sock}, else
 * {@code queuectld.sock} in the state dir ({@code $QUEUECTL_DATA_DIR}, {@code $XDG_STATE_HOME/queuectl}
 * or {@code ~/.local/state/queuectl}); when none of those exists but the system service's
 * {@code /run/queuectl/queuectld.sock} does, that one.
 */
public final class SocketLocator {
    static final Path SYSTEM_SOCKET = Paths.get("/run/queuectl/queuectld.sock");

    private SocketLocator() {
    }

    /**
     * The socket to use. An empty {@code --socket} is an error (INVALID_ARGUMENT), never the
     * default in disguise; an empty {@code $QUEUECTL_SOCKET} counts as unset, as empty
     * environment variables do elsewhere ({@code XDG_RUNTIME_DIR}, ...).
     */
    public static Path locate(String flag, Map<String, String> env) {
        if (flag != null) {
            if (flag.isBlank()) {
                throw CommandFailure.usage("--socket: the path is empty (leave --socket out for the default socket)");
            }
            return Paths.get(flag);
        }
        String fromEnv = env.get("QUEUECTL_SOCKET");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Paths.get(fromEnv);
        }
        List<Path> candidates = candidates(env);
        for (Path p : candidates) {
            if (Files.exists(p)) {
                return p;
            }
        }
        return candidates.get(0);
    }

    static List<Path> candidates(Map<String, String> env) {
        List<Path> out = new ArrayList<>();
        String runtime = env.get("XDG_RUNTIME_DIR");
        if (runtime != null && !runtime.isBlank()) {
            out.add(Paths.get(runtime, "queuectl", "queuectld.sock"));
        }
        String dataDir = env.get("QUEUECTL_DATA_DIR");
        String state = env.get("XDG_STATE_HOME");
        if (dataDir != null && !dataDir.isBlank()) {
            out.add(Paths.get(dataDir, "queuectld.sock"));
        } else if (state != null && !state.isBlank()) {
            out.add(Paths.get(state, "queuectl", "queuectld.sock"));
        } else {
            String home = env.getOrDefault("HOME", System.getProperty("user.home"));
            out.add(Paths.get(home, ".local", "state", "queuectl", "queuectld.sock"));
        }
        out.add(SYSTEM_SOCKET);
        return out;
    }
}
