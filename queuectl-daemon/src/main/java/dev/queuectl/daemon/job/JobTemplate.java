package dev.queuectl.daemon.job;

import java.util.Map;

/**
 * What each firing of a schedule enqueues: a job's command and options. A null {@code maxRetries}
 * or {@code timeoutMs} takes the queue's, else the configured default, at each firing. Immutable;
 * {@code env} values may be secrets, so {@code toString} leaves them out.
 */
public record JobTemplate(String command, String queue, int priority, Integer maxRetries, Long timeoutMs, String cwd,
                          Map<String, String> env, Map<String, String> labels) {
    public JobTemplate {
        queue = queue == null ? NewJob.DEFAULT_QUEUE : queue;
        env = env == null ? Map.of() : Map.copyOf(env);
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    @Override
    public String toString() {
        return "JobTemplate[" + command.length() + " chars, queue " + queue + "]";
    }
}
