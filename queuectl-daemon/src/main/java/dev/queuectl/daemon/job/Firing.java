package dev.queuectl.daemon.job;

import java.time.Instant;

/**
 * One fire time of a schedule, handled: the job it enqueued ({@code jobId}, null when skipped or
 * missed) and what it came to.
 */
public record Firing(String schedule, Instant fireTime, String jobId, FireOutcome outcome) {
    /** The id of the job a schedule's firing at {@code t} enqueues: {@code NAME@2026-11-30T03:00:00Z}. */
    public static String jobId(String schedule, Instant t) {
        return schedule + "@" + t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }
}
