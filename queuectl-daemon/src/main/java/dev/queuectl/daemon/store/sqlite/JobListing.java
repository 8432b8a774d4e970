package dev.queuectl.daemon.store.sqlite;

import dev.queuectl.daemon.job.Job;
import dev.queuectl.daemon.job.JobCriteria;
import dev.queuectl.daemon.job.JobPage;
import dev.queuectl.daemon.job.JobState;
import dev.queuectl.daemon.job.Readiness;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Listings a page at a time, by keyset on seq: a page reads the jobs after (or before) the
 * cursor's seq, window by window of {@value #WINDOW} seqs, so no page costs more for being deep
 * and no call runs unbounded. Conditions served by an index (states, labels) cost what they
 * match; conditions checked row by row (search, times) cost what the windows span, at most
 * {@value #SCAN_BUDGET} seqs per call, after which the page ends early with a cursor to go on
 * from. Reader connections only; each listing reads one snapshot.
 */
final class JobListing {
    static final int WINDOW = 65_536;
    static final long SCAN_BUDGET = 262_144;

    private JobListing() {
    }

    static JobPage list(Tx tx, JobCriteria criteria, boolean newestFirst, Long after, int limit) throws SQLException {
        tx.execute("BEGIN");
        try {
            long last = lastSeq(tx);
            List<CriteriaSql> parts = CriteriaSql.split(criteria);
            boolean scans = parts.get(0).scans();
            List<Job> found = new ArrayList<>();
            long spanned = 0;
            // The window runs from lo to hi in seq order; newest first walks the windows downward.
            long edge = newestFirst ? (after == null ? last : Math.min(after - 1, last)) : (after == null ? 1 : after + 1);
            while (newestFirst ? edge >= 1 : edge <= last) {
                long lo = newestFirst ? Math.max(1, edge - WINDOW + 1) : edge;
                long hi = newestFirst ? edge : Math.min(last, edge + WINDOW - 1);
                int want = limit + 1 - found.size();
                found.addAll(CriteriaSql.window(tx, parts, part -> query(part, newestFirst), lo, hi, want, newestFirst,
                        JobRows::job, Job::seq));
                if (found.size() > limit) {
                    List<Job> page = new ArrayList<>(found.subList(0, limit));
                    return new JobPage(page, total(tx, criteria), page.get(limit - 1).seq());
                }
                edge = newestFirst ? lo - 1 : hi + 1;
                spanned += hi - lo + 1;
                boolean more = newestFirst ? edge >= 1 : edge <= last;
                if (more && scans && spanned >= SCAN_BUDGET) {
                    // next is the seq this call stopped at: the next page starts beyond it
                    return new JobPage(found, total(tx, criteria), newestFirst ? lo : hi);
                }
            }
            return new JobPage(found, total(tx, criteria), null);
        } finally {
            tx.execute("COMMIT");
        }
    }

    /** A window of a listing: parameters are the criteria's (see {@link CriteriaSql#bind}), then the limit. */
    static String query(CriteriaSql sql, boolean newestFirst) {
        return "SELECT " + JobSql.LIST_COLUMNS + " FROM jobs" + sql.where()
                + (newestFirst ? " ORDER BY seq DESC" : " ORDER BY seq") + " LIMIT ?";
    }

    /** The highest seq handed out so far (0 for an empty store). */
    static long lastSeq(Tx tx) throws SQLException {
        return tx.queryOne(JobSql.LAST_SEQ, ps -> { }, rs -> rs.getLong(1)).orElse(0L);
    }

    /** The number of jobs the criteria match, when the counts tell it (states only), else null. */
    private static Long total(Tx tx, JobCriteria criteria) throws SQLException {
        if (!criteria.statesOnly()) {
            return null;
        }
        Map<JobState, Long> counts = JobQueries.counts(tx);
        long total = 0;
        for (Map.Entry<JobState, Long> e : counts.entrySet()) {
            if (criteria.states().isEmpty() || criteria.states().contains(e.getKey())) {
                total += e.getValue();
            }
        }
        return total;
    }

    static Map<JobState, Map<Readiness, Long>> waiting(Tx tx) throws SQLException {
        tx.execute("BEGIN");
        try {
            Map<JobState, Long> counts = JobQueries.counts(tx);
            Map<JobState, Map<Readiness, Long>> out = new EnumMap<>(JobState.class);
            for (JobState s : List.of(JobState.PENDING, JobState.FAILED)) {
                Map<Readiness, Long> m = new EnumMap<>(Readiness.class);
                m.put(Readiness.HELD, 0L);
                m.put(Readiness.NOT_DUE, 0L);
                out.put(s, m);
            }
            tx.query(JobSql.WAITING, ps -> { }, rs -> out.get(JobState.ofKey(rs.getString(1)))
                    .put(rs.getString(2).equals("held") ? Readiness.HELD : Readiness.NOT_DUE, rs.getLong(3)));
            for (Map.Entry<JobState, Map<Readiness, Long>> e : out.entrySet()) {
                Map<Readiness, Long> m = e.getValue();
                m.put(Readiness.DUE, Math.max(0, counts.get(e.getKey()) - m.get(Readiness.HELD) - m.get(Readiness.NOT_DUE)));
            }
            return out;
        } finally {
            tx.execute("COMMIT");
        }
    }

    /** Recent ids starting with {@code prefix}, of jobs in {@code states} (empty: any). */
    static List<String> completeIds(Tx tx, String prefix, Set<JobState> states, int limit) throws SQLException {
        if (prefix.isEmpty()) {
            List<String> ids = new ArrayList<>();
            for (Job j : list(tx, JobCriteria.inStates(states), true, null, limit).jobs()) {
                ids.add(j.id());
            }
            return ids;
        }
        // "+state": the id index must drive, not the state index (which would read every job of the state)
        String condition = states.isEmpty() ? "" : " AND +state IN " + SqlStates.list(states);
        return tx.query(JobSql.idsWithPrefix(condition), ps -> {
            ps.setString(1, prefix);
            ps.setString(2, JobSql.prefixEnd(prefix));
            ps.setInt(3, limit);
        }, rs -> rs.getString(1));
    }

    static List<String> labelKeys(Tx tx, String prefix, int limit) throws SQLException {
        return tx.query(LabelSql.KEYS, ps -> {
            ps.setString(1, prefix);
            ps.setString(2, prefix.isEmpty() ? "\u007f" : JobSql.prefixEnd(prefix));
            ps.setInt(3, limit);
        }, rs -> rs.getString(1));
    }
}
