package dev.queuectl.daemon.job;

import java.time.Duration;
import java.time.Instant;

/**
 * A job as stored. {@code timeout} is null when the job uses the configured {@code job_timeout};
 * {@code startedAt}, {@code finishedAt}, {@code exitCode} and {@code lastError} are null until a
 * run sets them. {@code runs} counts every run started, interrupted ones included.
 */
public record Job(long seq, String id, String command, JobState state, int attempts, int runs, int maxRetries,
                  int priority, Instant runAt, Duration timeout, Instant createdAt, Instant updatedAt,
                  Instant startedAt, Instant finishedAt, Integer exitCode, String lastError) {
    @Override
    public String toString() {
        return "Job[" + id + ", " + state.key() + ", " + attempts + " attempts]";
    }
}
