package dev.queuectl.daemon.job;

import java.time.Instant;

/**
 * A job ready to insert, its defaults already resolved.
 *
 * @param id         the user's id, or null to generate one
 * @param runAt      earliest start, or null for "now" (the commit time)
 * @param timeoutMs  per-run limit, or null to use the configured job_timeout at run time
 */
public record NewJob(String id, String command, int maxRetries, int priority, Instant runAt, Long timeoutMs) {
    @Override
    public String toString() {
        return "NewJob[id=" + id + ", " + command.length() + " chars]";
    }
}
