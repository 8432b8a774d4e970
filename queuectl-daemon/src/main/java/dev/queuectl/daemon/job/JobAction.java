package dev.queuectl.daemon.job;

import java.util.EnumSet;
import java.util.Set;

/**
 * An action taken on request on one job or many: which states it applies to and what it does.
 * A job it does not apply to is skipped, named by {@link #skipKey}; nothing else about it
 * changes. The state changes themselves are {@link Transition}s; holding and releasing keep the
 * state, purging deletes the job.
 */
public enum JobAction {
    /** Pending or failed → dead ("cancelled"); a running job is stopped by the engine, not here. */
    CANCEL(Transition.CANCEL, Transition.CANCEL.from()),
    /** Completed or dead → pending, attempts reset, history kept. */
    RERUN(Transition.RERUN, Transition.RERUN.from()),
    /** Dead → pending (the DLQ's retry), attempts reset, history kept. */
    RETRY(Transition.REVIVE, Transition.REVIVE.from()),
    /** A pending or failed job that is not held is held: it keeps its state and is not claimed. */
    HOLD(null, EnumSet.of(JobState.PENDING, JobState.FAILED)),
    /** A held job is released: claimed again once due. */
    RELEASE(null, EnumSet.of(JobState.PENDING, JobState.FAILED)),
    /** A dead job is deleted with its history. */
    PURGE(null, EnumSet.of(JobState.DEAD));

    /** Skip key of a job {@link #HOLD} finds held already. */
    public static final String HELD = "held";
    /** Skip key of a job {@link #RELEASE} finds not held. */
    public static final String NOT_HELD = "not_held";

    private final Transition transition;
    private final Set<JobState> from;

    JobAction(Transition transition, Set<JobState> from) {
        this.transition = transition;
        this.from = Set.copyOf(from);
    }

    /** The state change it makes, or null (hold, release and purge make none). */
    public Transition transition() {
        return transition;
    }

    /** The states it applies to. */
    public Set<JobState> from() {
        return from;
    }

    /** Whether it changes a job in {@code state}, {@code held} or not. */
    public boolean applies(JobState state, boolean held) {
        if (!from.contains(state)) {
            return false;
        }
        if (this == HOLD) {
            return !held;
        }
        return this != RELEASE || held;
    }

    /** Why a job it does not apply to is skipped: its state's key, or {@link #HELD} / {@link #NOT_HELD}. */
    public String skipKey(JobState state, boolean held) {
        if (from.contains(state)) {
            return this == HOLD ? HELD : NOT_HELD;
        }
        return state.key();
    }
}
