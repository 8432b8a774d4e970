package dev.queuectl.client.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SocketLocatorTest {
    @Test
    void theFlagWinsThenTheVariableThenTheDefaults() {
        Map<String, String> env = Map.of("QUEUECTL_SOCKET", "/env.sock", "HOME", "/home/u");
        assertEquals(Path.of("/flag.sock"), SocketLocator.locate("/flag.sock", env));
        assertEquals(Path.of("/env.sock"), SocketLocator.locate(null, env));
    }

    @Test
    void defaultsMatchTheDaemons() {
        assertEquals(Path.of("/run/user/7/queuectl/queuectld.sock"),
                SocketLocator.locate(null, Map.of("XDG_RUNTIME_DIR", "/run/user/7", "HOME", "/nonexistent")));
        assertEquals(Path.of("/nonexistent/.local/state/queuectl/queuectld.sock"),
                SocketLocator.locate(null, Map.of("HOME", "/nonexistent")));
        assertEquals(Path.of("/st/queuectl/queuectld.sock"),
                SocketLocator.locate(null, Map.of("XDG_STATE_HOME", "/st", "HOME", "/nonexistent")));
        assertEquals(Path.of("/data/queuectld.sock"),
                SocketLocator.locate(null, Map.of("QUEUECTL_DATA_DIR", "/data", "HOME", "/nonexistent")));
    }
}
