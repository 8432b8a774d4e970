package dev.queuectl.daemon.job;

/**
 * Settings to give a queue; a null field is left as it is, a {@code clear…} flag sets it back to
 * its default (no concurrency limit, the configured max_retries or job_timeout). Immutable.
 */
public record QueueChange(Integer concurrency, Integer maxRetries, Long timeoutMs, boolean clearConcurrency,
                          boolean clearMaxRetries, boolean clearTimeout) {
    /** Changes nothing: a queue with its defaults. */
    public static final QueueChange NONE = new QueueChange(null, null, null, false, false, false);
}
