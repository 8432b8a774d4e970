package dev.queuectl.daemon.store.sqlite;

import dev.queuectl.daemon.job.BulkCursor;
import dev.queuectl.daemon.job.BulkStep;
import dev.queuectl.daemon.job.Job;
import dev.queuectl.daemon.job.JobAction;
import dev.queuectl.daemon.job.JobRef;
import dev.queuectl.daemon.job.JobSelector;
import dev.queuectl.daemon.store.IllegalTransitionException;
import dev.queuectl.daemon.store.JobNotFoundException;
import dev.queuectl.daemon.store.JsonMaps;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Actions on request, on one job or a batch of many, each call one writer transaction: the jobs of
 * the batch are read with their state, those the action applies to are changed by one statement,
 * and the rest are counted as skipped. A batch of jobs matched by criteria spans at most
 * {@link JobListing#WINDOW} seqs, so no transaction scans without bound.
 */
final class BulkChanges {
    private BulkChanges() {
    }

    /** One job: changed and returned, or refused with the reason. */
    static Job changeOne(Tx tx, JobAction action, String id, long now) throws SQLException {
        List<JobRows.Candidate> found = tx.query(JobSql.BY_IDS, ps -> ps.setString(1, JsonMaps.array(List.of(id))),
                JobRows::candidate);
        if (found.isEmpty()) {
            throw new JobNotFoundException(id);
        }
        JobRows.Candidate c = found.get(0);
        if (apply(tx, action, List.of(c), now).isEmpty()) {
            throw new IllegalTransitionException(id, c.state(), action.from());
        }
        return JobChanges.read(tx, id);
    }

    static BulkStep changeMany(Tx tx, JobAction action, JobSelector selector, BulkCursor cursor, int batch, long now)
            throws SQLException {
        Map<String, Long> skipped = new LinkedHashMap<>();
        List<String> notFound = new ArrayList<>();
        List<JobRows.Candidate> candidates;
        BulkCursor next;
        if (selector.ids() != null) {
            int from = (int) cursor.after();
            int to = Math.min(selector.ids().size(), from + batch);
            List<String> chunk = selector.ids().subList(from, to);
            candidates = tx.query(JobSql.BY_IDS, ps -> ps.setString(1, JsonMaps.array(chunk)), JobRows::candidate);
            Set<String> seen = new HashSet<>();
            for (JobRows.Candidate c : candidates) {
                seen.add(c.id());
            }
            for (String id : chunk) {
                if (!seen.contains(id)) {
                    notFound.add(id);
                }
            }
            next = to < selector.ids().size() ? new BulkCursor(to, -1) : null;
        } else {
            long upTo = cursor.upTo() >= 0 ? cursor.upTo() : JobListing.lastSeq(tx);
            long lo = cursor.after() + 1;
            long hi = Math.min(upTo, cursor.after() + JobListing.WINDOW);
            if (lo > hi) {
                return new BulkStep(List.of(), skipped, notFound, null);
            }
            candidates = CriteriaSql.window(tx, CriteriaSql.split(selector.criteria()),
                    part -> "SELECT seq, id, runs, state, held FROM jobs" + part.where() + " ORDER BY seq LIMIT ?",
                    lo, hi, batch, false, JobRows::candidate, JobRows.Candidate::seq);
            long reached = candidates.size() == batch ? candidates.get(batch - 1).seq() : hi;
            next = reached < upTo ? new BulkCursor(reached, upTo) : null;
        }
        List<JobRows.Candidate> applicable = new ArrayList<>();
        for (JobRows.Candidate c : candidates) {
            if (action.applies(c.state(), c.held())) {
                applicable.add(c);
            } else {
                skipped.merge(action.skipKey(c.state(), c.held()), 1L, Long::sum);
            }
        }
        List<JobRef> changed = apply(tx, action, applicable, now);
        if (changed.size() < applicable.size()) {
            // a purge keeps the jobs that waiting jobs depend on
            skipped.merge(JobAction.NEEDED, (long) (applicable.size() - changed.size()), Long::sum);
        }
        return new BulkStep(changed, skipped, notFound, next);
    }

    /** Changes the given jobs (all of which the action applies to) in one statement; returns them as they were. */
    private static List<JobRef> apply(Tx tx, JobAction action, List<JobRows.Candidate> jobs, long now)
            throws SQLException {
        List<Long> seqs = new ArrayList<>(jobs.size());
        for (JobRows.Candidate c : jobs) {
            if (action.applies(c.state(), c.held())) {
                seqs.add(c.seq());
            }
        }
        if (seqs.isEmpty()) {
            return List.of();
        }
        String list = JsonMaps.array(seqs);
        Map<Long, JobRows.Candidate> bySeq = new java.util.HashMap<>();
        for (JobRows.Candidate c : jobs) {
            bySeq.put(c.seq(), c);
        }
        List<JobRef> changed = tx.query(JobSql.change(action), ps -> {
            switch (action) {
                case PURGE:
                    ps.setString(1, list);
                    break;
                case CANCEL:
                case HOLD:
                    ps.setLong(1, now);
                    ps.setString(2, list);
                    break;
                default:
                    ps.setLong(1, now);
                    ps.setLong(2, now);
                    ps.setString(3, list);
                    break;
            }
        }, rs -> bySeq.get(rs.getLong(1)).ref());
        if (action == JobAction.PURGE) {
            tx.update(AttemptSql.DELETE_FOR_JOBS, ps -> ps.setString(1, list));
        }
        for (JobRef r : changed) {
            if (action == JobAction.CANCEL) {
                DependencyRecords.died(tx, r.seq(), r.id(), now);
            } else if (action == JobAction.RETRY || action == JobAction.RERUN) {
                DependencyRecords.revived(tx, r.seq(), now);
            }
        }
        return changed;
    }
}
