package dev.queuectl.daemon.job;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A job ready to insert, its defaults already resolved except those of its queue, which the
 * store applies in the inserting transaction (so a queue's settings and the job agree).
 *
 * @param id         the user's id, or null to generate one
 * @param maxRetries the job's own limit, or, when {@code maxRetriesIsDefault}, the configured
 *                   default that the queue's own {@code max_retries} overrides
 * @param runAt      earliest start, or null for "now" (the commit time)
 * @param timeoutMs  per-run limit, or null for the queue's timeout, else the configured job_timeout at run time
 * @param cwd        working directory, or null for the daemon user's home
 * @param env        variables added for the job (may hold secrets; never null)
 * @param labels     key=value pairs (never null)
 * @param queue      the queue's name (never null)
 * @param after      ids of the jobs this one waits for (never null); they must exist, or be
 *                   earlier jobs of the same batch
 */
public record NewJob(String id, String command, int maxRetries, int priority, Instant runAt, Long timeoutMs,
                     String cwd, Map<String, String> env, Map<String, String> labels, String queue,
                     List<String> after, boolean maxRetriesIsDefault) {
    /** The queue a job goes to when it names none. */
    public static final String DEFAULT_QUEUE = "default";

    public NewJob {
        env = env == null ? Map.of() : env;
        labels = labels == null ? Map.of() : labels;
        queue = queue == null ? DEFAULT_QUEUE : queue;
        after = after == null ? List.of() : List.copyOf(after);
    }

    /** A job of the default queue, without dependencies, its max_retries its own. */
    public NewJob(String id, String command, int maxRetries, int priority, Instant runAt, Long timeoutMs,
                  String cwd, Map<String, String> env, Map<String, String> labels) {
        this(id, command, maxRetries, priority, runAt, timeoutMs, cwd, env, labels, null, null, false);
    }

    /** A job without working directory, environment or labels. */
    public NewJob(String id, String command, int maxRetries, int priority, Instant runAt, Long timeoutMs) {
        this(id, command, maxRetries, priority, runAt, timeoutMs, null, null, null);
    }

    /** This job in {@code queue}, waiting for {@code after}. */
    public NewJob in(String queue, List<String> after) {
        return new NewJob(id, command, maxRetries, priority, runAt, timeoutMs, cwd, env, labels, queue, after,
                maxRetriesIsDefault);
    }

    @Override
    public String toString() {
        return "NewJob[id=" + id + ", " + command.length() + " chars]";
    }
}
