package dev.queuectl.daemon.job;

import java.util.List;

/** The jobs a bulk action goes over: the ones named in {@code ids}, or those {@code criteria} match. Exactly one is set. */
public record JobSelector(List<String> ids, JobCriteria criteria) {
    public JobSelector {
        if ((ids == null) == (criteria == null)) {
            throw new IllegalArgumentException("a selector has either ids or criteria");
        }
        ids = ids == null ? null : List.copyOf(ids);
    }

    public static JobSelector ids(List<String> ids) {
        return new JobSelector(ids, null);
    }

    public static JobSelector matching(JobCriteria criteria) {
        return new JobSelector(null, criteria);
    }
}
