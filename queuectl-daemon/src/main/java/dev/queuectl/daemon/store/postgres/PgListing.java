package dev.queuectl.daemon.store.postgres;

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
 * Listings a page at a time, by keyset on seq (never OFFSET): a page is the first matching jobs
 * after (or before) the cursor's seq in seq order, read off the primary key, the (state, seq)
 * index or the label index, so no page costs more for being deep; conditions checked row by row
 * read at most {@value #SCAN_BUDGET} seqs per call. The waiting counts and completion candidates.
 * Every method runs inside a read transaction.
 */
final class PgListing {
    /** The most seqs one call of a listing with a row-by-row condition (search, times) reads. */
    static final long SCAN_BUDGET = 65_536;

    private PgListing() {
    }

    static JobPage list(PgTx tx, JobCriteria criteria, boolean newestFirst, Long after, int limit)
            throws SQLException {
        PgCriteria sql = new PgCriteria(criteria);
        // Conditions checked row by row cost what the rows span: one call reads a window of at most
        // SCAN_BUDGET seqs, and a page that window leaves short ends early with a cursor.
        boolean scans = criteria.search() != null || criteria.createdFrom() != null || criteria.createdBefore() != null
                || criteria.queue() != null;
        long lo = 0;
        long hi = 0;
        boolean bounded = false;
        if (scans) {
            long last = PgBulk.lastSeq(tx);
            if (newestFirst) {
                hi = after == null ? last : Math.min(after - 1, last);
                lo = Math.max(1, hi - SCAN_BUDGET + 1);
                bounded = lo > 1;
            } else {
                lo = after == null ? 1 : after + 1;
                hi = lo + SCAN_BUDGET - 1;
                bounded = hi < last;
            }
        }
        long from = lo;
        long to = hi;
        List<Job> found = tx.query(query(sql, newestFirst, after != null, scans), ps -> {
            int i = sql.bind(ps, 1);
            if (after != null) {
                ps.setLong(i++, after);
            }
            if (scans) {
                ps.setLong(i++, from);
                ps.setLong(i++, to);
            }
            ps.setInt(i, limit + 1);
        }, PgRows::job);
        Long next = null;
        if (found.size() > limit) {
            found = new ArrayList<>(found.subList(0, limit));
            next = found.get(limit - 1).seq();
        } else if (bounded) {
            next = newestFirst ? lo : hi; // the next page starts beyond the window this call read
        }
        return new JobPage(found, total(tx, criteria), next);
    }

    /**
     * A page's statement: the criteria's parameters, then the cursor's seq (if {@code after}),
     * then the window's first and last seq (if {@code window}), then the limit.
     */
    static String query(PgCriteria sql, boolean newestFirst, boolean after, boolean window) {
        return "SELECT " + PgJobSql.LIST_COLUMNS + " FROM jobs" + sql.where()
                + (after ? newestFirst ? " AND seq < ?" : " AND seq > ?" : "")
                + (window ? " AND seq BETWEEN ? AND ?" : "")
                + (newestFirst ? " ORDER BY seq DESC" : " ORDER BY seq") + " LIMIT ?";
    }

    /** The number of jobs the criteria match, when the counts tell it (states only), else null. */
    private static Long total(PgTx tx, JobCriteria criteria) throws SQLException {
        if (!criteria.statesOnly()) {
            return null;
        }
        long total = 0;
        for (Map.Entry<JobState, Long> e : PgChanges.counts(tx).entrySet()) {
            if (criteria.states().isEmpty() || criteria.states().contains(e.getKey())) {
                total += e.getValue();
            }
        }
        return total;
    }

    static Map<JobState, Map<Readiness, Long>> waiting(PgTx tx) throws SQLException {
        Map<JobState, Long> counts = PgChanges.counts(tx);
        Map<JobState, Map<Readiness, Long>> out = new EnumMap<>(JobState.class);
        for (JobState s : List.of(JobState.PENDING, JobState.FAILED)) {
            Map<Readiness, Long> m = new EnumMap<>(Readiness.class);
            m.put(Readiness.HELD, 0L);
            m.put(Readiness.NOT_DUE, 0L);
            m.put(Readiness.DEPENDENCIES, 0L);
            out.put(s, m);
        }
        tx.query(PgDepSql.WAITING, ps -> { }, rs -> out.get(JobState.ofKey(rs.getString(1)))
                .put(Readiness.DEPENDENCIES, rs.getLong(2)));
        tx.query(PgJobSql.WAITING, ps -> { }, rs -> out.get(JobState.ofKey(rs.getString(1)))
                .put(rs.getString(2).equals("held") ? Readiness.HELD : Readiness.NOT_DUE, rs.getLong(3)));
        for (Map.Entry<JobState, Map<Readiness, Long>> e : out.entrySet()) {
            Map<Readiness, Long> m = e.getValue();
            m.put(Readiness.DUE, Math.max(0, counts.get(e.getKey()) - m.get(Readiness.HELD) - m.get(Readiness.NOT_DUE)
                    - m.get(Readiness.DEPENDENCIES)));
        }
        return out;
    }

    /** Recent ids starting with {@code prefix}, of jobs in {@code states} (empty: any). */
    static List<String> completeIds(PgTx tx, String prefix, Set<JobState> states, int limit) throws SQLException {
        if (prefix.isEmpty()) {
            List<String> ids = new ArrayList<>();
            for (Job j : list(tx, JobCriteria.inStates(states), true, null, limit).jobs()) {
                ids.add(j.id());
            }
            return ids;
        }
        String condition = states.isEmpty() ? "" : " AND state IN " + PgStates.list(states);
        return tx.query(PgJobSql.idsWithPrefix(condition), ps -> {
            ps.setString(1, prefix);
            ps.setString(2, prefixEnd(prefix));
            ps.setInt(3, limit);
        }, rs -> rs.getString(1));
    }

    static List<String> labelKeys(PgTx tx, String prefix, int limit) throws SQLException {
        return tx.query(PgJobSql.LABEL_KEYS, ps -> {
            ps.setString(1, prefix);
            ps.setString(2, prefixEnd(prefix));
            ps.setInt(3, limit);
        }, rs -> rs.getString(1));
    }

    /**
     * The least string above every id or label key starting with {@code prefix}, in byte order
     * (their "C" collation): both are ASCII below DEL.
     */
    private static String prefixEnd(String prefix) {
        return prefix + '\u007f';
    }
}
