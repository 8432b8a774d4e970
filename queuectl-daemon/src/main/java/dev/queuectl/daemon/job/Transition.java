package dev.queuectl.daemon.job;

import java.util.EnumSet;
import java.util.Set;

/**
 * Every state change a job can make, and the only place that says which are legal. A store
 * applies a transition as a conditional update (the job's state must be one of {@link #from()})
 * and treats zero rows as an illegal transition; nothing else writes a job's state.
 *
 * <pre>
 * pending ──claim──▶ processing ──exit 0──▶ completed
 *                      │  failure, retries left ──▶ failed ──due──▶ processing
 *                      │  failure, none left ─────▶ dead
 *                      └─ interrupted ────────────▶ pending (the run is not counted)
 * dead ──dlq retry──▶ pending          pending/failed/processing ──cancel──▶ dead
 * completed/dead ──rerun──▶ pending
 * </pre>
 */
public enum Transition {
    CLAIM(JobState.PROCESSING, JobState.PENDING, JobState.FAILED),
    COMPLETE(JobState.COMPLETED, JobState.PROCESSING),
    RETRY_LATER(JobState.FAILED, JobState.PROCESSING),
    BURY(JobState.DEAD, JobState.PROCESSING),
    INTERRUPT(JobState.PENDING, JobState.PROCESSING),
    REVIVE(JobState.PENDING, JobState.DEAD),
    CANCEL(JobState.DEAD, JobState.PENDING, JobState.FAILED),
    RERUN(JobState.PENDING, JobState.COMPLETED, JobState.DEAD);

    private final JobState to;
    private final Set<JobState> from;

    Transition(JobState to, JobState first, JobState... rest) {
        this.to = to;
        this.from = EnumSet.of(first, rest);
    }

    public JobState to() {
        return to;
    }

    public Set<JobState> from() {
        return from;
    }

    public boolean allowedFrom(JobState state) {
        return from.contains(state);
    }
}
