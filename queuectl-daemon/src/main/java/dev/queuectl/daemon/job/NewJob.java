package dev.queuectl.daemon.job;

import java.time.Instant;
import java.util.Map;

/**
 * A job ready to insert, its defaults already resolved.
 *
 * @param id         the user's id, or null to generate one
 * @param runAt      earliest start, or null for "now" (the commit time)
 * @param timeoutMs  per-run limit, or null to use the configured job_timeout at run time
 * @param cwd        working directory, or null for the daemon user's home
 * @param env        variables added for the job (may hold secrets; never null)
 * @param labels     key=value pairs (never null)
 */
public record NewJob(String id, String command, int maxRetries, int priority, Instant runAt, Long timeoutMs,
                     String cwd, Map<String, String> env, Map<String, String> labels) {
    public NewJob {
        env = env == null ? Map.of() : env;
        labels = labels == null ? Map.of() : labels;
    }

    /** A job without working directory, environment or labels. */
    public NewJob(String id, String command, int maxRetries, int priority, Instant runAt, Long timeoutMs) {
        this(id, command, maxRetries, priority, runAt, timeoutMs, null, null, null);
    }

    @Override
    public String toString() {
        return "NewJob[id=" + id + ", " + command.length() + " chars]";
    }
}
