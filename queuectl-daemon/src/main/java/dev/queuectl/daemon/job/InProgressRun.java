package dev.queuectl.daemon.job;

/**
 * A run the store shows as in progress, owned by {@code node}. The process fields are null when
 * its start was never recorded (the daemon died first); {@code cgroup} is null also when the
 * run had no cgroup of its own.
 */
public record InProgressRun(long seq, String id, int attempt, String node, Integer pid, Integer pgid,
                            Long procStart, String bootId, String cgroup) {
}
