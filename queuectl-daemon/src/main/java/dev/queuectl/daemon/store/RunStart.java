package dev.queuectl.daemon.store;

/**
 * What identifies a run's processes after a crash: the leader's pid (= its process group),
 * its start time in clock ticks since boot, and the boot it ran in.
 */
public record RunStart(long seq, int attempt, java.time.Instant startedAt, int pid, int pgid, long procStart,
                       String bootId) {
}
