package dev.queuectl.daemon.job;

import java.time.Duration;
import java.time.Instant;

/**
 * Exponential backoff: after the n-th counted failure a job waits
 * {@code min(backoff_base ^ n, backoff_max)} seconds; after {@code max_retries} retries it is dead.
 * Pure and thread-safe; large n saturates at {@code backoff_max} instead of overflowing.
 */
public final class RetryPolicy {
    private RetryPolicy() {
    }

    /** The wait before the next run after {@code failures} counted failures (failures >= 1). */
    public static Duration delay(double base, Duration max, int failures) {
        double seconds = Math.pow(base, Math.max(1, failures));
        if (Double.isNaN(seconds) || seconds >= max.toMillis() / 1000.0) {
            return max;
        }
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    /** True when a job that has now failed {@code failures} times may run again. */
    public static boolean mayRetry(int failures, int maxRetries) {
        return failures <= maxRetries;
    }

    public static Instant nextRun(Instant failedAt, double base, Duration max, int failures) {
        return failedAt.plus(delay(base, max, failures));
    }
}
