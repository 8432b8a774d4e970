package dev.queuectl.daemon.store;

import dev.queuectl.protocol.JobState;

/** Where a job's runs are: its seq (which names its output files), how many runs it had, its state. */
public record OutputLocation(long seq, String id, int runs, JobState state) {
}
