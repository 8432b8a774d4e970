package dev.queuectl.daemon.store;

import dev.queuectl.daemon.job.JobState;
import java.util.Set;

/**
 * The job's current state does not allow the operation (a transition, or a deletion that only
 * some states allow); nothing was changed.
 */
public final class IllegalTransitionException extends StoreException {
    private final String id;
    private final transient JobState current;
    private final transient Set<JobState> allowedFrom;

    public IllegalTransitionException(String id, JobState current, Set<JobState> allowedFrom) {
        super("job " + id + " is " + current.key() + ", not one of " + allowedFrom, null);
        this.id = id;
        this.current = current;
        this.allowedFrom = Set.copyOf(allowedFrom);
    }

    public String id() {
        return id;
    }

    public JobState current() {
        return current;
    }

    /** The states the operation would have been allowed from. */
    public Set<JobState> allowedFrom() {
        return allowedFrom;
    }
}
