package dev.queuectl.daemon.engine.process;

import java.nio.file.Path;

/**
 * How this daemon keeps track of its runs' processes, for the start-up log and {@code status}.
 *
 * @param mechanism {@link #CGROUP} or {@link #MARKER}
 * @param cgroup    the cgroup (v2) under which each run gets one of its own; null for the marker
 * @param reason    why runs have no cgroup; null when they do
 */
public record ContainmentInfo(String mechanism, Path cgroup, String reason) {
    public static final String CGROUP = "cgroup";
    public static final String MARKER = "marker";

    /** One line for the start-up log. */
    public String describe() {
        if (CGROUP.equals(mechanism)) {
            return "each run in a cgroup of its own under " + cgroup + " (stopped with cgroup.kill)";
        }
        return "runs stopped by process group and QUEUECTL_RUN marker scan (no cgroups: " + reason + ")";
    }
}
