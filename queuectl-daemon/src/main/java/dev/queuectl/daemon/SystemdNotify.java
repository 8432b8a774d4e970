package dev.queuectl.daemon;

import dev.queuectl.daemon.engine.process.NativeLibrary;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells systemd about the daemon's life when it runs as a {@code Type=notify} service
 * ({@code $NOTIFY_SOCKET} is set): READY=1 once the socket accepts connections, STOPPING=1 when
 * a drain begins. Outside systemd it does nothing.
 */
final class SystemdNotify {
    private static final Logger log = LoggerFactory.getLogger(SystemdNotify.class);

    private final String socket;

    SystemdNotify(Map<String, String> env) {
        String s = env.get("NOTIFY_SOCKET");
        this.socket = s == null || s.isBlank() ? null : s;
    }

    void ready(String status) {
        send("READY=1\nSTATUS=" + status + "\nMAINPID=" + ProcessHandle.current().pid());
    }

    void stopping(String status) {
        send("STOPPING=1\nSTATUS=" + status);
    }

    private void send(String message) {
        if (socket == null) {
            return;
        }
        int rc = NativeLibrary.notifySystemd(socket, message);
        if (rc != 0) {
            log.warn("could not notify systemd on {} (errno {}){}", socket, -rc,
                    NativeLibrary.loaded() ? "" : ": the native library is not loaded");
        }
    }
}
