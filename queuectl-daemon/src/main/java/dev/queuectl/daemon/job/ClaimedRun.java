package dev.queuectl.daemon.job;

import java.time.Instant;
import java.util.Map;

/**
 * A job a node has claimed: it is {@code processing} in the store, owned by {@code node}, and
 * this is its run number {@code attempt}.
 *
 * @param node      the claiming node's id
 * @param attempt   the run's number (every run counts here, interrupted ones too)
 * @param failures  counted failures before this run
 * @param timeoutMs the job's own limit, or null for the configured job_timeout
 * @param cwd       the job's working directory, or null for the daemon user's home
 * @param env       variables added for the run (values may be secrets; never null)
 */
public record ClaimedRun(long seq, String id, String command, String node, int attempt, int failures,
                         int maxRetries, int priority, Long timeoutMs, Instant createdAt, Instant runAt,
                         Instant claimedAt, String cwd, Map<String, String> env) {
    public ClaimedRun {
        env = env == null ? Map.of() : env;
    }

    @Override
    public String toString() {
        return "ClaimedRun[" + id + " #" + attempt + "]";
    }
}
