package dev.queuectl.daemon.job;

import java.time.Instant;

/**
 * A run whose processes exist: what identifies them after a crash — the leader's pid (= its
 * process group), its start time in clock ticks since boot, the boot it ran in, and the cgroup
 * that holds all of them (null when the run has none) — and the node that runs it.
 */
public record RunStart(long seq, int attempt, String node, Instant startedAt, int pid, int pgid, long procStart,
                       String bootId, String cgroup) {
}
