package dev.queuectl.daemon.store.postgres;

import dev.queuectl.daemon.job.ClaimedRun;
import dev.queuectl.daemon.job.InProgressRun;
import dev.queuectl.daemon.job.RunEnd;
import dev.queuectl.daemon.job.RunOutcome;
import dev.queuectl.daemon.job.RunStart;
import dev.queuectl.daemon.job.Transition;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** The SQL work of runs: claims, starts, ends and recovery. Every method runs inside a transaction. */
final class PgRuns {
    private static final Comparator<ClaimedRun> CLAIM_ORDER = Comparator.comparingInt(ClaimedRun::priority).reversed()
            .thenComparing(ClaimedRun::runAt).thenComparingLong(ClaimedRun::seq);

    private PgRuns() {
    }

    /**
     * Makes due waiting jobs ready, then claims up to {@code max} ready jobs for {@code node}: one
     * statement per open queue (not paused, below its cluster-wide concurrency, with claimable
     * jobs), each giving at most the queue's room; with several open queues their first jobs are
     * read, merged in claim order, and the first {@code max} taken by seq (skipping any another node
     * took meanwhile). A paused or full queue's jobs are never read.
     */
    static List<ClaimedRun> claim(PgTx tx, String node, int max, long now) throws SQLException {
        tx.update(PgJobSql.PROMOTE, ps -> ps.setLong(1, now));
        if (max <= 0) {
            return List.of();
        }
        Instant at = Instant.ofEpochMilli(now);
        List<PgQueues.Open> open = PgQueues.open(tx);
        List<ClaimedRun> claimed;
        if (open.size() == 1) {
            PgQueues.Open q = open.get(0);
            int limit = q.room() == null ? max : Math.min(max, q.room());
            claimed = tx.query(PgJobSql.CLAIM, ps -> {
                ps.setString(1, q.name());
                ps.setInt(2, limit);
                ps.setString(3, node);
                ps.setLong(4, now);
                ps.setLong(5, now);
            }, rs -> PgRows.claimed(rs, node, at));
        } else {
            List<long[]> peeked = new java.util.ArrayList<>();
            for (PgQueues.Open q : open) {
                int limit = q.room() == null ? max : Math.min(max, q.room());
                peeked.addAll(tx.query(PgJobSql.PEEK, ps -> {
                    ps.setString(1, q.name());
                    ps.setInt(2, limit);
                }, rs -> new long[] {rs.getLong(1), rs.getInt(2), rs.getLong(3)}));
            }
            if (peeked.isEmpty()) {
                return List.of();
            }
            peeked.sort(Comparator.<long[]>comparingLong(p -> -p[1]).thenComparingLong(p -> p[2])
                    .thenComparingLong(p -> p[0]));
            List<Long> seqs = new java.util.ArrayList<>();
            for (int i = 0; i < Math.min(max, peeked.size()); i++) {
                seqs.add(peeked.get(i)[0]);
            }
            claimed = tx.query(PgJobSql.CLAIM_SEQS, ps -> {
                ps.setArray(1, tx.longs(seqs));
                ps.setString(2, node);
                ps.setLong(3, now);
                ps.setLong(4, now);
            }, rs -> PgRows.claimed(rs, node, at));
        }
        claimed.sort(CLAIM_ORDER);
        return claimed;
    }

    static void start(PgTx tx, RunStart start) throws SQLException {
        tx.update(PgAttemptSql.START, ps -> {
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
     * Records the end in the history and applies its transition, if the job is still processing
     * this run for {@code owner}; false (and nothing changed on the job) otherwise.
     */
    static boolean finish(PgTx tx, RunEnd end, String owner) throws SQLException {
        return finishCounting(tx, end, owner) >= 0;
    }

    /** As {@link #finish}; returns how many dependents died with the job, or -1 if the end did not apply. */
    static int finishCounting(PgTx tx, RunEnd end, String owner) throws SQLException {
        long at = end.finishedAt().toEpochMilli();
        int rows = tx.update(PgJobSql.finish(end.transition().to().key()), ps -> {
            ps.setInt(1, end.outcome().counted() ? 1 : 0);
            PgTx.setNullableInt(ps, 2, end.exitCode());
            ps.setString(3, end.error());
            ps.setLong(4, at);
            ps.setLong(5, at);
            PgTx.setNullableLong(ps, 6, end.retryAt() == null ? null : end.retryAt().toEpochMilli());
            ps.setBoolean(7, end.transition() != Transition.RETRY_LATER);
            ps.setLong(8, end.seq());
            ps.setInt(9, end.attempt());
            ps.setString(10, owner);
        });
        if (rows == 0) {
            return -1;
        }
        int died = 0;
        if (end.transition() == Transition.COMPLETE) {
            PgDeps.completed(tx, end.seq(), at);
        } else if (end.transition().to() == dev.queuectl.daemon.job.JobState.DEAD) {
            died = PgDeps.died(tx, end.seq(), end.id(), at).size();
        }
        int updated = tx.update(PgAttemptSql.FINISH, ps -> {
            ps.setLong(1, at);
            ps.setString(2, end.outcome().key());
            PgTx.setNullableInt(ps, 3, end.exitCode());
            ps.setString(4, end.error());
            ps.setLong(5, end.outputDropped());
            ps.setLong(6, end.seq());
            ps.setInt(7, end.attempt());
        });
        if (updated == 0) {
            tx.update(PgAttemptSql.FINISH_UNSTARTED, ps -> {
                ps.setInt(1, end.attempt());
                ps.setLong(2, at);
                ps.setLong(3, at);
                ps.setString(4, end.outcome().key());
                PgTx.setNullableInt(ps, 5, end.exitCode());
                ps.setString(6, end.error());
                ps.setLong(7, end.outputDropped());
                ps.setLong(8, end.seq());
            });
        }
        return died;
    }

    static List<InProgressRun> inProgress(PgTx tx, String sql, String node) throws SQLException {
        return tx.query(sql, ps -> ps.setString(1, node), PgRows::inProgress);
    }

    /** Records each run as interrupted (not counted) and makes its job pending again; returns how many applied. */
    static int interrupt(PgTx tx, List<InProgressRun> runs, String reason, Instant now) throws SQLException {
        int n = 0;
        for (InProgressRun r : runs) {
            String why = "run " + r.attempt() + " interrupted: " + reason;
            RunEnd end = new RunEnd(r.seq(), r.id(), r.attempt(), RunOutcome.INTERRUPTED, null, why, why, now,
                    Transition.INTERRUPT, null, 0);
            if (finish(tx, end, r.node())) {
                n++;
            }
        }
        return n;
    }
}
