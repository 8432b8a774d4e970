package dev.queuectl.daemon.job;

import java.time.Duration;

/** A schedule to create; exactly one of {@code cron} (with {@code zone}) and {@code every} is set. Immutable. */
public record NewSchedule(String name, String cron, String zone, Duration every, JobTemplate job, boolean catchUpOne,
                          boolean overlapSkip) {
}
