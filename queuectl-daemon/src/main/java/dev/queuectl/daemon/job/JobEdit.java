package dev.queuectl.daemon.job;

import java.time.Instant;
import java.util.Map;

/**
 * The new values of an edit; null fields stay as they are. {@code labels} and {@code env} are
 * the job's whole new maps. The edit applies only if the job was last updated at
 * {@code expectedUpdatedAt} (the version its new maps were computed from), so that two edits
 * never lose each other's changes.
 */
public record JobEdit(Instant expectedUpdatedAt, String command, Integer priority, Instant runAt, Long timeoutMs,
                      boolean clearTimeout, Integer maxRetries, String cwd, boolean clearCwd,
                      Map<String, String> labels, Map<String, String> env) {
    @Override
    public String toString() {
        return "JobEdit[" + (env == null ? "env unchanged" : env.size() + " env vars") + "]";
    }
}
