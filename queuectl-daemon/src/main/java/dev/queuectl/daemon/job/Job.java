package dev.queuectl.daemon.job;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A job as stored. {@code timeout} is null when the job uses the configured {@code job_timeout};
 * {@code startedAt}, {@code finishedAt}, {@code exitCode} and {@code lastError} are null until a
 * run sets them. {@code runs} counts every run started, interrupted ones included. {@code cwd} is
 * null for the daemon user's home; {@code env} (values may be secrets) and {@code labels} are
 * never null. A {@code held} job keeps its state but is not claimed.
 */
public record Job(long seq, String id, String command, JobState state, int attempts, int runs, int maxRetries,
                  int priority, Instant runAt, Duration timeout, Instant createdAt, Instant updatedAt,
                  Instant startedAt, Instant finishedAt, Integer exitCode, String lastError, String cwd,
                  Map<String, String> env, Map<String, String> labels, boolean held) {
    public Job {
        env = env == null ? Map.of() : env;
        labels = labels == null ? Map.of() : labels;
    }

    @Override
    public String toString() {
        return "Job[" + id + ", " + state.key() + ", " + attempts + " attempts]";
    }
}
