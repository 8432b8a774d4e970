package dev.queuectl.daemon.store;

import java.time.Instant;

/**
 * A job the dispatcher has claimed: it is {@code processing} in the store and an attempt row
 * with {@code number = attempt} records the run as started.
 *
 * @param attempt   the run's number (every run counts here, interrupted ones too)
 * @param failures  counted failures before this run
 * @param timeoutMs the job's own limit, or null for the configured job_timeout
 */
public record ClaimedRun(long seq, String id, String command, int attempt, int failures, int maxRetries,
                         int priority, Long timeoutMs, Instant createdAt, Instant runAt, Instant claimedAt) {
    @Override
    public String toString() {
        return "ClaimedRun[" + id + " #" + attempt + "]";
    }
}
