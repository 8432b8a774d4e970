package dev.queuectl.daemon.store.postgres;

import dev.queuectl.daemon.job.BulkCursor;
import dev.queuectl.daemon.job.BulkPreview;
import dev.queuectl.daemon.job.BulkStep;
import dev.queuectl.daemon.job.Job;
import dev.queuectl.daemon.job.JobAction;
import dev.queuectl.daemon.job.JobRef;
import dev.queuectl.daemon.job.JobSelector;
import dev.queuectl.daemon.job.JobState;
import dev.queuectl.daemon.store.IllegalTransitionException;
import dev.queuectl.daemon.store.JobNotFoundException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Actions on request, on one job or a batch of many, each call one transaction: the jobs of the
 * batch are read and locked ({@code FOR UPDATE}, so another node's claim or end cannot change
 * them meanwhile), those the action applies to are changed by one statement, and the rest are
 * counted as skipped. Batches of jobs matched by criteria follow seq order up to the last job
 * that existed when the action began. Previews read without locking.
 */
final class PgBulk {
    private static final int ID_CHUNK = 1_000;

    private PgBulk() {
    }

    /** One job: changed and returned, or refused with the reason. */
    /** A purge deletes: it is {@code purge(id)}, never a change. */
    static void checkNotPurge(JobAction action) {
        if (action == JobAction.PURGE) {
            throw new IllegalArgumentException("a purge is purge(id), not change");
        }
    }

    static Job changeOne(PgTx tx, JobAction action, String id, long now) throws SQLException {
        List<PgRows.Candidate> found = tx.query(PgJobSql.CANDIDATES_BY_IDS, ps -> ps.setArray(1, tx.texts(List.of(id))),
                PgRows::candidate);
        if (found.isEmpty()) {
            throw new JobNotFoundException(id);
        }
        PgRows.Candidate c = found.get(0);
        if (apply(tx, action, List.of(c), now).isEmpty()) {
            throw new IllegalTransitionException(id, c.state(), action.from());
        }
        return PgChanges.read(tx, id);
    }

    static BulkStep changeMany(PgTx tx, JobAction action, JobSelector selector, BulkCursor cursor, int batch, long now)
            throws SQLException {
        Map<String, Long> skipped = new LinkedHashMap<>();
        List<String> notFound = new ArrayList<>();
        List<PgRows.Candidate> candidates;
        BulkCursor next;
        if (selector.ids() != null) {
            int from = (int) cursor.after();
            int to = Math.min(selector.ids().size(), from + batch);
            List<String> chunk = selector.ids().subList(from, to);
            candidates = tx.query(PgJobSql.CANDIDATES_BY_IDS, ps -> ps.setArray(1, tx.texts(chunk)),
                    PgRows::candidate);
            notFound.addAll(missing(chunk, candidates));
            next = to < selector.ids().size() ? new BulkCursor(to, -1) : null;
        } else {
            long upTo = cursor.upTo() >= 0 ? cursor.upTo() : lastSeq(tx);
            PgCriteria sql = new PgCriteria(selector.criteria());
            candidates = tx.query("SELECT seq, id, runs, state, held FROM jobs" + sql.where()
                    + " AND seq > ? AND seq <= ? ORDER BY seq LIMIT ? FOR UPDATE", ps -> {
                        int i = sql.bind(ps, 1);
                        ps.setLong(i++, cursor.after());
                        ps.setLong(i++, upTo);
                        ps.setInt(i, batch);
                    }, PgRows::candidate);
            long reached = candidates.size() == batch ? candidates.get(batch - 1).seq() : upTo;
            next = reached < upTo ? new BulkCursor(reached, upTo) : null;
        }
        List<PgRows.Candidate> applicable = new ArrayList<>();
        for (PgRows.Candidate c : candidates) {
            if (action.applies(c.state(), c.held())) {
                applicable.add(c);
            } else {
                skipped.merge(action.skipKey(c.state(), c.held()), 1L, Long::sum);
            }
        }
        List<JobRef> changed = apply(tx, action, applicable, now);
        if (changed.size() < applicable.size() && action == JobAction.PURGE) {
            // a purge keeps the jobs that waiting jobs depend on
            skipped.merge(JobAction.NEEDED, (long) (applicable.size() - changed.size()), Long::sum);
        }
        return new BulkStep(changed, skipped, notFound, next);
    }

    /** Changes the given locked jobs (all of which the action applies to) in one statement; returns them as they were. */
    private static List<JobRef> apply(PgTx tx, JobAction action, List<PgRows.Candidate> jobs, long now)
            throws SQLException {
        List<Long> seqs = new ArrayList<>(jobs.size());
        Map<Long, PgRows.Candidate> bySeq = new HashMap<>();
        for (PgRows.Candidate c : jobs) {
            if (action.applies(c.state(), c.held())) {
                seqs.add(c.seq());
                bySeq.put(c.seq(), c);
            }
        }
        if (seqs.isEmpty()) {
            return List.of();
        }
        List<JobRef> changed = tx.query(PgJobSql.change(action), ps -> {
            switch (action) {
                case PURGE:
                    ps.setArray(1, tx.longs(seqs));
                    break;
                case CANCEL:
                case HOLD:
                    ps.setLong(1, now);
                    ps.setArray(2, tx.longs(seqs));
                    break;
                default:
                    ps.setLong(1, now);
                    ps.setLong(2, now);
                    ps.setArray(3, tx.longs(seqs));
                    break;
            }
        }, rs -> bySeq.get(rs.getLong(1)).ref());
        for (JobRef r : changed) {
            if (action == JobAction.CANCEL) {
                PgDeps.died(tx, r.seq(), r.id(), now);
            } else if (action == JobAction.RETRY || action == JobAction.RERUN) {
                PgDeps.revived(tx, r.seq(), now);
            }
        }
        return changed;
    }

    /** What {@link #changeMany} would do to every job the selector names or matches, changing nothing. */
    static BulkPreview preview(PgTx tx, JobAction action, JobSelector selector, int sample) throws SQLException {
        long count = 0;
        Map<String, Long> skipped = new LinkedHashMap<>();
        List<String> notFound = new ArrayList<>();
        List<String> first = new ArrayList<>();
        if (selector.ids() != null) {
            List<String> ids = selector.ids();
            for (int from = 0; from < ids.size(); from += ID_CHUNK) {
                List<String> chunk = ids.subList(from, Math.min(ids.size(), from + ID_CHUNK));
                List<PgRows.Candidate> found = tx.query("SELECT seq, id, runs, state, held FROM jobs"
                        + " WHERE id = ANY (?::text[]) ORDER BY seq", ps -> ps.setArray(1, tx.texts(chunk)),
                        PgRows::candidate);
                for (PgRows.Candidate c : found) {
                    if (action.applies(c.state(), c.held())) {
                        count++;
                        if (first.size() < sample) {
                            first.add(c.id());
                        }
                    } else {
                        skipped.merge(action.skipKey(c.state(), c.held()), 1L, Long::sum);
                    }
                }
                notFound.addAll(missing(chunk, found));
            }
            return new BulkPreview(count, skipped, notFound, first);
        }
        PgCriteria sql = new PgCriteria(selector.criteria());
        long[] n = {0};
        tx.query("SELECT state, held, count(*) FROM jobs" + sql.where() + " GROUP BY state, held",
                ps -> sql.bind(ps, 1), rs -> {
                    JobState state = JobState.ofKey(rs.getString(1));
                    boolean held = rs.getBoolean(2);
                    long k = rs.getLong(3);
                    if (action.applies(state, held)) {
                        n[0] += k;
                    } else {
                        skipped.merge(action.skipKey(state, held), k, Long::sum);
                    }
                    return null;
                });
        first.addAll(tx.query("SELECT id FROM jobs" + sql.where() + PgCriteria.applicable(action)
                + " ORDER BY seq LIMIT ?", ps -> ps.setInt(sql.bind(ps, 1), sample), rs -> rs.getString(1)));
        return new BulkPreview(n[0], skipped, notFound, first);
    }

    private static List<String> missing(List<String> ids, List<PgRows.Candidate> found) {
        Set<String> seen = new HashSet<>();
        for (PgRows.Candidate c : found) {
            seen.add(c.id());
        }
        List<String> out = new ArrayList<>();
        for (String id : ids) {
            if (!seen.contains(id)) {
                out.add(id);
            }
        }
        return out;
    }

    static long lastSeq(PgTx tx) throws SQLException {
        return tx.queryOne(PgJobSql.LAST_SEQ, ps -> { }, rs -> rs.getLong(1)).orElse(0L);
    }
}
