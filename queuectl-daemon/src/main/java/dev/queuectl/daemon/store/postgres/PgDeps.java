package dev.queuectl.daemon.store.postgres;

import dev.queuectl.daemon.job.JobRef;
import dev.queuectl.daemon.job.JobState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The SQL work of dependencies, inside transactions: the same rules as the SQLite store (a job's
 * deps_left counts its job_deps rows not done; completion counts down, death walks the waiting
 * dependents, revival walks dead_by back), each walk a statement per job reached.
 */
final class PgDeps {
    private PgDeps() {
    }

    static List<JobRef> byIds(PgTx tx, List<String> ids) throws SQLException {
        return tx.query(PgDepSql.BY_IDS, ps -> ps.setArray(1, tx.texts(ids)), PgDeps::ref);
    }

    /** Records a new job's dependencies and its count; one that is dead already makes it dead at once. */
    static void link(PgTx tx, long seq, List<JobRef> deps, long now) throws SQLException {
        if (deps.isEmpty()) {
            return;
        }
        List<Long> seqs = new ArrayList<>();
        List<Boolean> done = new ArrayList<>();
        int left = 0;
        JobRef dead = null;
        for (JobRef d : deps) {
            seqs.add(d.seq());
            done.add(d.state() == JobState.COMPLETED);
            left += d.state() == JobState.COMPLETED ? 0 : 1;
            if (d.state() == JobState.DEAD && dead == null) {
                dead = d;
            }
        }
        tx.update(PgDepSql.LINK, ps -> {
            ps.setLong(1, seq);
            ps.setArray(2, tx.longs(seqs));
            ps.setArray(3, tx.connection().createArrayOf("boolean", done.toArray()));
        });
        int n = left;
        if (n > 0) {
            tx.update(PgDepSql.SET_LEFT, ps -> {
                ps.setInt(1, n);
                ps.setLong(2, seq);
            });
        }
        if (dead != null) {
            JobRef cause = dead;
            tx.update(PgDepSql.BORN_DEAD, ps -> {
                ps.setString(1, cause.id());
                ps.setLong(2, cause.seq());
                ps.setLong(3, now);
                ps.setLong(4, seq);
            });
        }
    }

    static void completed(PgTx tx, long seq, long now) throws SQLException {
        tx.update(PgDepSql.COUNT_DOWN, ps -> {
            ps.setLong(1, now);
            ps.setLong(2, seq);
        });
        tx.update(PgDepSql.MARK_DONE, ps -> ps.setLong(1, seq));
    }

    static List<JobRef> died(PgTx tx, long seq, String id, long now) throws SQLException {
        List<JobRef> killed = new ArrayList<>();
        Deque<JobRef> todo = new ArrayDeque<>();
        todo.add(new JobRef(seq, id, 0, JobState.DEAD));
        while (!todo.isEmpty()) {
            JobRef dead = todo.poll();
            List<JobRef> next = tx.query(PgDepSql.KILL_DEPENDENTS, ps -> {
                ps.setString(1, dead.id());
                ps.setLong(2, dead.seq());
                ps.setLong(3, now);
                ps.setLong(4, now);
                ps.setLong(5, dead.seq());
            }, rs -> new JobRef(rs.getLong(1), rs.getString(2), rs.getInt(3), JobState.DEAD));
            killed.addAll(next);
            todo.addAll(next);
        }
        return killed;
    }

    static void revived(PgTx tx, long seq, long now) throws SQLException {
        Deque<Long> todo = new ArrayDeque<>();
        todo.add(seq);
        while (!todo.isEmpty()) {
            long cause = todo.poll();
            for (JobRef r : tx.query(PgDepSql.REVIVE_KILLED, ps -> {
                ps.setLong(1, now);
                ps.setLong(2, now);
                ps.setLong(3, cause);
            }, rs -> new JobRef(rs.getLong(1), rs.getString(2), rs.getInt(3), JobState.PENDING))) {
                todo.add(r.seq());
            }
        }
    }

    static List<JobRef> refs(PgTx tx, String sql, long seq, int limit) throws SQLException {
        return tx.query(sql, ps -> {
            ps.setLong(1, seq);
            ps.setInt(2, limit);
        }, PgDeps::ref);
    }

    private static JobRef ref(ResultSet rs) throws SQLException {
        return new JobRef(rs.getLong(1), rs.getString(2), rs.getInt(3), JobState.ofKey(rs.getString(4)));
    }
}
