package dev.queuectl.daemon.job;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * Which jobs a listing or a bulk action is about: every condition given must hold; an empty
 * criteria matches every job.
 *
 * @param states        jobs in one of these states (empty: any state)
 * @param labels        label key → value the job must carry (a null value: the key with any value)
 * @param search        text the id or the command contains, ASCII case ignored (null: any)
 * @param createdFrom   created at or after (null: any)
 * @param createdBefore created before (null: any)
 */
public record JobCriteria(Set<JobState> states, Map<String, String> labels, String search, Instant createdFrom,
                          Instant createdBefore) {
    public static final JobCriteria ALL = new JobCriteria(null, null, null, null, null);

    public JobCriteria {
        states = states == null ? Set.of() : Set.copyOf(states);
        labels = labels == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(labels));
    }

    public static JobCriteria inStates(Set<JobState> states) {
        return new JobCriteria(states, null, null, null, null);
    }

    /** Whether only states are asked for (or nothing): the matching total is then known from the counts. */
    public boolean statesOnly() {
        return labels.isEmpty() && search == null && createdFrom == null && createdBefore == null;
    }

    /** The same criteria narrowed to jobs in none of {@code excluded} (null when no state is left). */
    public JobCriteria without(Set<JobState> excluded) {
        Set<JobState> left = java.util.EnumSet.allOf(JobState.class);
        if (!states.isEmpty()) {
            left.retainAll(states);
        }
        left.removeAll(excluded);
        return left.isEmpty() ? null : new JobCriteria(left, labels, search, createdFrom, createdBefore);
    }

    /**
     * The same criteria narrowed to jobs in {@code allowed} (every state of it, if none was asked
     * for); null when no state is left.
     */
    public JobCriteria within(Set<JobState> allowed) {
        Set<JobState> narrowed = new java.util.HashSet<>(states.isEmpty() ? allowed : states);
        narrowed.retainAll(allowed);
        return narrowed.isEmpty() ? null : new JobCriteria(narrowed, labels, search, createdFrom, createdBefore);
    }
}
