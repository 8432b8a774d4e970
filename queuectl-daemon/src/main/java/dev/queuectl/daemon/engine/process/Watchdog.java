package dev.queuectl.daemon.engine.process;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure a daemon's runs do not outlive the daemon, even when it is killed with SIGKILL on a
 * host that stays up (a shared store's other nodes rerun the jobs once its lease expires, so its
 * runs must be gone well before). A small shell process reads a pipe from the daemon that the
 * daemon never writes to: when the daemon dies, for whatever reason, the kernel closes the pipe,
 * and the watchdog finds every process carrying the daemon's run marker in its environment
 * (escaped grandchildren included), sends them SIGTERM, and SIGKILL after the grace period.
 * It ignores the terminal's and the supervisor's polite signals, so that it outlives the daemon.
 * Under systemd the unit's cgroup does the same; this covers a daemon started by hand.
 *
 * <p>Not a parent-death signal: PR_SET_PDEATHSIG fires when the thread that forked a child exits,
 * and worker threads come and go. Thread-safe.
 */
public final class Watchdog implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Watchdog.class);
    private static final String SCRIPT = String.join("\n",
            "trap '' HUP INT TERM QUIT PIPE",
            "cat > /dev/null",
            "marker=$1; tenths=$2",
            "scan() { grep -lzF -- \"$marker\" /proc/[0-9]*/environ 2>/dev/null | sed 's|/proc/||; s|/environ||'; }",
            "pids=$(scan); [ -n \"$pids\" ] || exit 0",
            "kill -TERM $pids 2>/dev/null",
            "n=0",
            "while [ $n -lt \"$tenths\" ]; do sleep 0.1; pids=$(scan); [ -n \"$pids\" ] || exit 0; n=$((n+1)); done",
            "kill -KILL $pids 2>/dev/null",
            "exit 0");

    private final Process process;
    private final OutputStream pipe;

    private Watchdog(Process process) {
        this.process = process;
        this.pipe = process.getOutputStream();
    }

    /**
     * Starts the watchdog for runs whose environment holds {@code marker} (the variable and the
     * start of its value, e.g. {@code QUEUECTL_RUN=/var/lib/queuectl#}); null if it cannot start.
     */
    public static Watchdog start(String marker, Duration grace) {
        ProcessBuilder pb = new ProcessBuilder(List.of("/bin/sh", "-c", SCRIPT, "queuectl-watchdog", marker,
                Long.toString(Math.max(1, grace.toMillis() / 100))));
        pb.environment().keySet().removeIf(k -> k.startsWith("QUEUECTL_"));
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
        try {
            Watchdog w = new Watchdog(pb.start());
            log.info("watchdog pid {} stops this daemon's runs if the daemon dies", w.process.pid());
            return w;
        } catch (IOException e) {
            log.warn("could not start the watchdog ({}); runs may outlive a daemon killed with SIGKILL", e.toString());
            return null;
        }
    }

    public long pid() {
        return process.pid();
    }

    /** The daemon is stopping cleanly: the watchdog stops whatever is left of its runs and exits. */
    @Override
    public void close() {
        try {
            pipe.close();
        } catch (IOException ignored) {
            // it is gone already
        }
    }
}
