package dev.queuectl.daemon.job;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one node's runs did in one minute: runs that completed and failed (timed out included)
 * in it, the queue wait of runs that started in it and the run time of runs that ended in it.
 * Interrupted runs are not counted. {@code minute} is the minute's first instant.
 */
public record MinuteStats(String node, Instant minute, long completed, long failed, Histogram waits,
                          Histogram runs) {
    public MinuteStats {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(waits, "waits");
        Objects.requireNonNull(runs, "runs");
        if (minute.toEpochMilli() % 60_000 != 0) {
            throw new IllegalArgumentException("a minute starts on a whole minute, not at " + minute);
        }
    }

    /** Why {@code minutes} may not be saved as {@code node}'s (one of them is another node's), or null. */
    public static IllegalArgumentException foreignTo(String node, List<MinuteStats> minutes) {
        for (MinuteStats m : minutes) {
            if (!m.node().equals(node)) {
                return new IllegalArgumentException("statistics of node " + m.node() + " saved as " + node + "'s");
            }
        }
        return null;
    }
}
