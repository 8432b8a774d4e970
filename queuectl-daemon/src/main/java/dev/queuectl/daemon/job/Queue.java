package dev.queuectl.daemon.job;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A named queue as stored, with how many of its jobs are in each state. Immutable.
 *
 * @param concurrency its jobs running at once at most, or null for no limit but the pool
 * @param paused      no job of it is claimed; running ones finish
 * @param maxRetries  the max_retries of jobs enqueued into it without their own, or null for the configured default
 * @param timeout     the timeout of jobs enqueued into it without their own, or null for the configured job_timeout
 * @param counts      jobs per state, zeros included
 * @param oldestDue   the earliest run_at of its jobs that are due and not running, or null
 */
public record Queue(String name, Integer concurrency, boolean paused, Integer maxRetries, Duration timeout,
                    Map<JobState, Long> counts, Instant oldestDue) {
    public Queue {
        counts = Map.copyOf(counts);
    }

    /** Its jobs in every state. */
    public long jobs() {
        long n = 0;
        for (long c : counts.values()) {
            n += c;
        }
        return n;
    }

    /** Whether as many of its jobs run as its concurrency allows. */
    public boolean full() {
        return concurrency != null && counts.getOrDefault(JobState.PROCESSING, 0L) >= concurrency;
    }
}
