package dev.queuectl.daemon.job;

/**
 * A job by its internal identity: its seq (which names its output files), its id, how many runs
 * it had and its state. What the store hands back when a job is looked up or deleted.
 */
public record JobRef(long seq, String id, int runs, JobState state) {
}
