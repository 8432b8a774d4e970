package dev.queuectl.daemon.store;

import dev.queuectl.daemon.job.JobState;

/**
 * An enqueue named an id that an existing job has; nothing was inserted and the existing job
 * was left untouched. {@code batchIndex} is the offending job's index in a batch, or -1.
 */
public final class DuplicateJobException extends StoreException {
    private final String id;
    private final transient JobState existingState;
    private final int batchIndex;

    public DuplicateJobException(String id, JobState existingState, int batchIndex) {
        super("duplicate job id " + id, null);
        this.id = id;
        this.existingState = existingState;
        this.batchIndex = batchIndex;
    }

    public String id() {
        return id;
    }

    /** The state of the job that already has the id, or null if it could not be read. */
    public JobState existingState() {
        return existingState;
    }

    public int batchIndex() {
        return batchIndex;
    }

    /** The same refusal, for the job at {@code index} of a batch. */
    public DuplicateJobException inBatch(int index) {
        return new DuplicateJobException(id, existingState, index);
    }
}
