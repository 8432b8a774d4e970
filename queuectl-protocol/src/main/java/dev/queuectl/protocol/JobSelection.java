package dev.queuectl.protocol;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The jobs an action (cancel, rerun, hold, release, DLQ retry and purge) is applied to: exactly
 * one of {@code id} (one job: answered with the job, refusals are errors), {@code ids} (up to
 * {@value #MAX_IDS}), {@code filter} (every job it matches) or {@code all} (every job). With
 * {@code dry_run} nothing changes: the answer says what would. Several jobs are answered with a
 * count of those changed and of those skipped because of their state. Immutable.
 */
public record JobSelection(String id, List<String> ids, JobFilter filter, boolean all, boolean dryRun) {
    public static final int MAX_IDS = 10_000;

    public JobSelection {
        int given = (id != null ? 1 : 0) + (ids != null ? 1 : 0) + (filter != null ? 1 : 0) + (all ? 1 : 0);
        if (given != 1) {
            throw ProtocolException.invalid("give exactly one of 'id', 'ids', 'filter' and \"all\": true");
        }
        if (id != null) {
            JobSpec.validateId(id);
        }
        if (ids != null) {
            if (ids.isEmpty() || ids.size() > MAX_IDS) {
                throw ProtocolException.invalid("field 'ids' must hold 1 to " + MAX_IDS + " ids, not " + ids.size());
            }
            for (String i : ids) {
                JobSpec.validateId(i);
            }
            ids = List.copyOf(new LinkedHashSet<>(ids));
        }
    }

    public static JobSelection one(String id) {
        return new JobSelection(id, null, null, false, false);
    }

    public static JobSelection of(List<String> ids, boolean dryRun) {
        return new JobSelection(null, ids, null, false, dryRun);
    }

    public static JobSelection matching(JobFilter filter, boolean dryRun) {
        return new JobSelection(null, null, filter, false, dryRun);
    }

    /** One job, answered with the job itself (the form of the first protocol versions). */
    public boolean single() {
        return id != null && !dryRun;
    }

    /** The ids this selection names (one for {@code id}), or null for a filter or all. */
    public List<String> named() {
        return id != null ? List.of(id) : ids;
    }

    public static JobSelection fromJson(Fields f) {
        Fields filter = f.optObject("filter");
        JobFilter parsed = null;
        if (filter != null) {
            parsed = JobFilter.fromJson(filter);
            filter.finish();
        }
        return new JobSelection(f.optString("id"), f.optStringList("ids"), parsed, f.optBoolean("all", false),
                f.optBoolean("dry_run", false));
    }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        if (id != null) {
            m.put("id", id);
        }
        if (ids != null) {
            m.put("ids", new ArrayList<>(ids));
        }
        if (filter != null) {
            m.put("filter", filter.toJson());
        }
        if (all) {
            m.put("all", true);
        }
        if (dryRun) {
            m.put("dry_run", true);
        }
        return m;
    }
}
