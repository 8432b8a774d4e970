package dev.queuectl.daemon.engine;

import dev.queuectl.daemon.job.RunEnd;
import java.util.concurrent.CompletableFuture;

/**
 * What asking the engine to cancel a job's run did.
 *
 * @param ended completes once the stopped run's end is recorded; null unless {@code STOPPING}
 */
public record CancelOutcome(Status status, CompletableFuture<RunEnd> ended) {
    /** Whether the job had a run here, and whether it is being stopped. */
    public enum Status {
        /** No run of the job is in progress on this daemon. */
        NOT_RUNNING,
        /** Its run is being stopped (TERM, then KILL after the grace period). */
        STOPPING,
        /** Its run is already being stopped because the daemon is shutting down. */
        DRAINING
    }

    static final CancelOutcome NOT_RUNNING = new CancelOutcome(Status.NOT_RUNNING, null);
}
