package dev.queuectl.daemon.store.sqlite;

import dev.queuectl.daemon.job.JobRef;
import dev.queuectl.daemon.job.JobState;
import dev.queuectl.daemon.store.JsonMaps;
import dev.queuectl.daemon.store.UnknownDependencyException;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The SQL work of dependencies, inside writer transactions. A job's deps_left counts its rows of
 * job_deps not yet done; a dependency counts as done once it has completed (a later rerun does not
 * make its dependents wait again). Every walk is a statement per job reached (or per dependency
 * for a completion), so a chain or a fan of n jobs costs O(n) statements, never a scan.
 */
final class DependencyRecords {
    private DependencyRecords() {
    }

    /** The jobs {@code after} names, in its order without repeats; {@link UnknownDependencyException} names the missing. */
    static List<JobRef> resolve(Tx tx, List<String> after, int batchIndex) throws SQLException {
        if (after.isEmpty()) {
            return List.of();
        }
        List<JobRef> found = tx.query(DependencySql.BY_IDS, ps -> ps.setString(1, JsonMaps.array(after)),
                rs -> new JobRef(rs.getLong(1), rs.getString(2), rs.getInt(3), JobState.ofKey(rs.getString(4))));
        Set<String> seen = new HashSet<>();
        for (JobRef r : found) {
            seen.add(r.id());
        }
        List<String> missing = new ArrayList<>();
        for (String id : after) {
            if (!seen.contains(id) && !missing.contains(id)) {
                missing.add(id);
            }
        }
        if (!missing.isEmpty()) {
            throw new UnknownDependencyException(missing, batchIndex);
        }
        return found;
    }

    /** How many of {@code deps} have not completed: the new job's deps_left. */
    static int left(List<JobRef> deps) {
        int n = 0;
        for (JobRef d : deps) {
            if (d.state() != JobState.COMPLETED) {
                n++;
            }
        }
        return n;
    }

    /** Records a new job's dependencies; one that is dead already makes the job dead at once. */
    static void link(Tx tx, long seq, List<JobRef> deps, long now) throws SQLException {
        JobRef dead = null;
        for (JobRef d : deps) {
            tx.update(DependencySql.LINK, ps -> {
                ps.setLong(1, seq);
                ps.setLong(2, d.seq());
                ps.setInt(3, d.state() == JobState.COMPLETED ? 1 : 0);
            });
            if (d.state() == JobState.DEAD && dead == null) {
                dead = d;
            }
        }
        if (dead != null) {
            JobRef cause = dead;
            tx.update(DependencySql.BORN_DEAD, ps -> {
                ps.setString(1, cause.id());
                ps.setLong(2, cause.seq());
                ps.setLong(3, now);
                ps.setLong(4, seq);
            });
        }
    }

    /** The job {@code seq} completed: its dependents have one fewer to wait for. */
    static void completed(Tx tx, long seq, long now) throws SQLException {
        tx.update(DependencySql.COUNT_DOWN, ps -> {
            ps.setLong(1, now);
            ps.setLong(2, seq);
        });
        tx.update(DependencySql.MARK_DONE, ps -> ps.setLong(1, seq));
    }

    /** The job died: the pending jobs waiting for it die too, transitively; returns those that died. */
    static List<JobRef> died(Tx tx, long seq, String id, long now) throws SQLException {
        List<JobRef> killed = new ArrayList<>();
        Deque<JobRef> todo = new ArrayDeque<>();
        todo.add(new JobRef(seq, id, 0, JobState.DEAD));
        while (!todo.isEmpty()) {
            JobRef dead = todo.poll();
            List<JobRef> next = tx.query(DependencySql.KILL_DEPENDENTS, ps -> {
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

    /** The job is back (retried or rerun): the jobs its death killed wait again, transitively; returns them. */
    static List<JobRef> revived(Tx tx, long seq, long now) throws SQLException {
        List<JobRef> back = new ArrayList<>();
        Deque<Long> todo = new ArrayDeque<>();
        todo.add(seq);
        while (!todo.isEmpty()) {
            long cause = todo.poll();
            List<JobRef> next = tx.query(DependencySql.REVIVE_KILLED, ps -> {
                ps.setLong(1, now);
                ps.setLong(2, now);
                ps.setLong(3, cause);
            }, rs -> new JobRef(rs.getLong(1), rs.getString(2), rs.getInt(3), JobState.PENDING));
            for (JobRef r : next) {
                back.add(r);
                todo.add(r.seq());
            }
        }
        return back;
    }

    /** Up to {@code limit} of a job's dependencies, and of its dependents. */
    static List<JobRef> dependencies(Tx tx, long seq, int limit) throws SQLException {
        return refs(tx, DependencySql.DEPENDENCIES, seq, limit);
    }

    static List<JobRef> dependents(Tx tx, long seq, int limit) throws SQLException {
        return refs(tx, DependencySql.DEPENDENTS, seq, limit);
    }

    private static List<JobRef> refs(Tx tx, String sql, long seq, int limit) throws SQLException {
        return tx.query(sql, ps -> {
            ps.setLong(1, seq);
            ps.setInt(2, limit);
        }, rs -> new JobRef(rs.getLong(1), rs.getString(2), rs.getInt(3), JobState.ofKey(rs.getString(4))));
    }
}
