package dev.queuectl.daemon.store.sqlite;

import dev.queuectl.daemon.job.ClaimedRun;
import dev.queuectl.daemon.job.InProgressRun;
import dev.queuectl.daemon.job.JobState;
import dev.queuectl.daemon.job.RunEnd;
import dev.queuectl.daemon.job.RunOutcome;
import dev.queuectl.daemon.job.RunStart;
import dev.queuectl.daemon.job.Transition;
import dev.queuectl.daemon.store.JsonMaps;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The SQL work of runs: claims, starts, ends and recovery. Every method runs inside a writer transaction. */
final class RunRecords {
    private RunRecords() {
    }

    /**
     * Promotes jobs whose run_at has come, then claims up to {@code max} of the ready ones for
     * {@code node}, in priority, run_at, enqueue order across the open queues. Each open queue
     * (not paused, below its concurrency, with waiting jobs) gives at most its room of its first
     * jobs_ready entries; a paused or full queue is never read, so its jobs cost the claim
     * nothing. The reads and the updates share one write transaction, which SQLite's write lock
     * makes atomic: no other connection can claim between them.
     */
    static List<ClaimedRun> claim(Tx tx, String node, int max, long now) throws SQLException {
        tx.update(JobSql.PROMOTE, ps -> ps.setLong(1, now));
        if (max <= 0) {
            return List.of();
        }
        List<OpenQueue> open = tx.query(QueueSql.OPEN, ps -> { },
                rs -> new OpenQueue(rs.getString("name"), Tx.nullableInt(rs, "room")));
        List<ClaimedRun> claimed = new ArrayList<>();
        for (OpenQueue q : open) {
            int limit = q.room() == null ? max : Math.min(max, q.room());
            if (limit > 0) {
                claimed.addAll(tx.query(JobSql.CLAIMABLE, ps -> {
                    ps.setString(1, q.name());
                    ps.setInt(2, limit);
                }, rs -> claimedRun(rs, node, now)));
            }
        }
        if (open.size() > 1) {
            claimed.sort(CLAIM_ORDER);
            if (claimed.size() > max) {
                claimed = new ArrayList<>(claimed.subList(0, max));
            }
        }
        for (ClaimedRun run : claimed) {
            int taken = tx.update(JobSql.TAKE, ps -> {
                ps.setString(1, node);
                ps.setLong(2, now);
                ps.setLong(3, now);
                ps.setLong(4, run.seq());
            });
            if (taken != 1) {
                throw new IllegalStateException("claimed job " + run.id() + " was not claimable");
            }
        }
        return claimed;
    }

    /** A queue the claim may take from, and how many more of its jobs may run (null: no limit). */
    private record OpenQueue(String name, Integer room) {
    }

    /** The claim's order: jobs_ready's, across queues. */
    private static final Comparator<ClaimedRun> CLAIM_ORDER = Comparator.comparingInt(ClaimedRun::priority)
            .reversed().thenComparing(ClaimedRun::runAt).thenComparingLong(ClaimedRun::seq);

    private static ClaimedRun claimedRun(ResultSet rs, String node, long now) throws SQLException {
        return new ClaimedRun(rs.getLong("seq"), rs.getString("id"), rs.getString("command"), node,
                rs.getInt("runs") + 1, rs.getInt("attempts"), rs.getInt("max_retries"), rs.getInt("priority"),
                Tx.nullableLong(rs, "timeout_ms"), JobRows.instant(rs, "created_at"),
                JobRows.instant(rs, "run_at"), Instant.ofEpochMilli(now), rs.getString("cwd"),
                JsonMaps.decode(rs.getString("env")), rs.getString("queue"));
    }

    static void start(Tx tx, RunStart start) throws SQLException {
        tx.update(AttemptSql.START, ps -> {
            ps.setLong(1, start.seq());
            ps.setInt(2, start.attempt());
            ps.setString(3, start.node());
            ps.setLong(4, start.startedAt().toEpochMilli());
            ps.setInt(5, start.pid());
            ps.setInt(6, start.pgid());
            ps.setLong(7, start.procStart());
            ps.setString(8, start.bootId());
            ps.setString(9, start.cgroup());
        });
    }

    /**
     * Records the end in the history and applies its transition, and what it means for the job's
     * dependents (one fewer to wait for, or dead with it). Returns how many dependents died, or -1
     * if the job's state no longer allowed the end.
     */
    static int finish(Tx tx, RunEnd end) throws SQLException {
        long at = end.finishedAt().toEpochMilli();
        int updated = tx.update(AttemptSql.FINISH, ps -> {
            ps.setLong(1, at);
            ps.setString(2, end.outcome().key());
            setNullableInt(ps, 3, end.exitCode());
            ps.setString(4, end.error());
            ps.setLong(5, end.outputDropped());
            ps.setLong(6, end.seq());
            ps.setInt(7, end.attempt());
        });
        if (updated == 0) {
            tx.update(AttemptSql.FINISH_UNSTARTED, ps -> {
                ps.setLong(1, end.seq());
                ps.setInt(2, end.attempt());
                ps.setLong(3, end.seq());
                ps.setLong(4, end.seq());
                ps.setLong(5, at);
                ps.setString(6, end.outcome().key());
                setNullableInt(ps, 7, end.exitCode());
                ps.setString(8, end.error());
                ps.setLong(9, end.outputDropped());
            });
        }
        int rows = tx.update(JobSql.finish(end.transition()), ps -> {
            ps.setInt(1, end.outcome().counted() ? 1 : 0);
            setNullableInt(ps, 2, end.exitCode());
            ps.setString(3, end.error());
            ps.setLong(4, at);
            ps.setLong(5, at);
            Tx.setNullableLong(ps, 6, end.retryAt() == null ? null : end.retryAt().toEpochMilli());
            ps.setInt(7, end.transition() == Transition.RETRY_LATER ? 0 : 1);
            ps.setLong(8, end.seq());
        });
        if (rows != 1) {
            return -1;
        }
        if (end.transition() == Transition.COMPLETE) {
            DependencyRecords.completed(tx, end.seq(), at);
        } else if (end.transition().to() == JobState.DEAD) {
            return DependencyRecords.died(tx, end.seq(), end.id(), at).size();
        }
        return 0;
    }

    static List<InProgressRun> inProgress(Tx tx, String sql, String node) throws SQLException {
        return tx.query(sql, ps -> ps.setString(1, node), rs -> new InProgressRun(rs.getLong("seq"),
                rs.getString("id"), rs.getInt("runs"), rs.getString("node"), Tx.nullableInt(rs, "pid"),
                Tx.nullableInt(rs, "pgid"), Tx.nullableLong(rs, "proc_start"), rs.getString("boot_id"),
                rs.getString("cgroup")));
    }

    /** Records each run as interrupted (not counted) and makes its job pending again; returns how many applied. */
    static int interrupt(Tx tx, List<InProgressRun> runs, String reason, Instant now) throws SQLException {
        int n = 0;
        for (InProgressRun r : runs) {
            String why = "run " + r.attempt() + " interrupted: " + reason;
            RunEnd end = new RunEnd(r.seq(), r.id(), r.attempt(), RunOutcome.INTERRUPTED, null, why, why, now,
                    Transition.INTERRUPT, null, 0);
            if (finish(tx, end) >= 0) {
                n++;
            }
        }
        return n;
    }

    private static void setNullableInt(PreparedStatement ps, int index, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, value);
        }
    }
}
