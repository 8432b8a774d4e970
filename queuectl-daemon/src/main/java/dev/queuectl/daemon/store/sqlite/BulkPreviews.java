package dev.queuectl.daemon.store.sqlite;

import dev.queuectl.daemon.job.BulkPreview;
import dev.queuectl.daemon.job.JobAction;
import dev.queuectl.daemon.job.JobSelector;
import dev.queuectl.daemon.job.JobState;
import dev.queuectl.daemon.store.JsonMaps;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a bulk action would do, read in one snapshot on a reader connection: jobs named by id are
 * looked up in chunks; jobs matched by criteria are counted by state and mark in one grouped query
 * (served by the criteria's indexes where it has some), and the first few that would change are
 * listed.
 */
final class BulkPreviews {
    private static final int ID_CHUNK = 1_000;

    private BulkPreviews() {
    }

    static BulkPreview preview(Tx tx, JobAction action, JobSelector selector, int sample) throws SQLException {
        tx.execute("BEGIN");
        try {
            return selector.ids() != null ? byIds(tx, action, selector.ids(), sample) : matching(tx, action, selector,
                    sample);
        } finally {
            tx.execute("COMMIT");
        }
    }

    private static BulkPreview byIds(Tx tx, JobAction action, List<String> ids, int sample) throws SQLException {
        long count = 0;
        Map<String, Long> skipped = new LinkedHashMap<>();
        List<String> notFound = new ArrayList<>();
        List<String> first = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += ID_CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + ID_CHUNK));
            Set<String> seen = new HashSet<>();
            for (JobRows.Candidate c : tx.query(JobSql.BY_IDS, ps -> ps.setString(1, JsonMaps.array(chunk)),
                    JobRows::candidate)) {
                seen.add(c.id());
                if (action.applies(c.state(), c.held())) {
                    count++;
                    if (first.size() < sample) {
                        first.add(c.id());
                    }
                } else {
                    skipped.merge(action.skipKey(c.state(), c.held()), 1L, Long::sum);
                }
            }
            for (String id : chunk) {
                if (!seen.contains(id)) {
                    notFound.add(id);
                }
            }
        }
        return new BulkPreview(count, skipped, notFound, first);
    }

    private static BulkPreview matching(Tx tx, JobAction action, JobSelector selector, int sample)
            throws SQLException {
        long last = JobListing.lastSeq(tx);
        CriteriaSql sql = new CriteriaSql(selector.criteria());
        long[] count = {0};
        Map<String, Long> skipped = new LinkedHashMap<>();
        tx.queryOnce("SELECT state, held, count(*) FROM jobs" + sql.where() + " GROUP BY state, held",
                ps -> sql.bind(ps, 1, last), rs -> {
                    JobState state = JobState.ofKey(rs.getString(1));
                    boolean held = rs.getInt(2) != 0;
                    long n = rs.getLong(3);
                    if (action.applies(state, held)) {
                        count[0] += n;
                    } else {
                        skipped.merge(action.skipKey(state, held), n, Long::sum);
                    }
                    return null;
                });
        List<String> first = tx.queryOnce("SELECT id FROM jobs" + sql.where() + CriteriaSql.applicable(action)
                + " ORDER BY seq LIMIT ?", ps -> ps.setInt(sql.bind(ps, 1, last), sample), rs -> rs.getString(1));
        return new BulkPreview(count[0], skipped, List.of(), first);
    }
}
