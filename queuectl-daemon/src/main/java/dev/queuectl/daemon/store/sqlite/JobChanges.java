package dev.queuectl.daemon.store.sqlite;

import dev.queuectl.daemon.job.Job;
import dev.queuectl.daemon.job.JobRef;
import dev.queuectl.daemon.job.JobState;
import dev.queuectl.daemon.job.Transition;
import dev.queuectl.daemon.store.IllegalTransitionException;
import dev.queuectl.daemon.store.JobNotFoundException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** Transitions and deletions made on request (cancel, DLQ retry and purge, retention). Writer transactions only. */
final class JobChanges {
    private JobChanges() {
    }

    /** The job's seq, runs and state, or {@link JobNotFoundException}. */
    static JobRef require(Tx tx, String id) throws SQLException {
        return tx.queryOne(JobSql.SEQ_STATE_BY_ID, ps -> ps.setString(1, id), rs -> JobRows.ref(rs, id))
                .orElseThrow(() -> new JobNotFoundException(id));
    }

    static Job read(Tx tx, String id) throws SQLException {
        return tx.queryOne(JobSql.BY_ID, ps -> ps.setString(1, id), JobRows::job)
                .orElseThrow(() -> new JobNotFoundException(id));
    }

    static Job cancel(Tx tx, String id, long now) throws SQLException {
        JobRef job = require(tx, id);
        int rows = tx.update(JobSql.CANCEL, ps -> {
            ps.setLong(1, now);
            ps.setLong(2, job.seq());
        });
        if (rows == 0) {
            throw new IllegalTransitionException(id, job.state(), Transition.CANCEL.from());
        }
        return read(tx, id);
    }

    static Job revive(Tx tx, String id, long now) throws SQLException {
        JobRef job = require(tx, id);
        if (reviveSeq(tx, job.seq(), now) == 0) {
            throw new IllegalTransitionException(id, job.state(), Transition.REVIVE.from());
        }
        return read(tx, id);
    }

    static int reviveAllDead(Tx tx, long now) throws SQLException {
        int n = 0;
        for (long seq : tx.query(JobSql.DEAD_SEQS, ps -> { }, rs -> rs.getLong(1))) {
            n += reviveSeq(tx, seq, now);
        }
        return n;
    }

    private static int reviveSeq(Tx tx, long seq, long now) throws SQLException {
        return tx.update(JobSql.REVIVE, ps -> {
            ps.setLong(1, now);
            ps.setLong(2, now);
            ps.setLong(3, seq);
        });
    }

    /** Deletes a dead job and its history; a job in any other state is an illegal transition. */
    static JobRef purge(Tx tx, String id) throws SQLException {
        JobRef job = require(tx, id);
        if (job.state() != JobState.DEAD) {
            throw new IllegalTransitionException(id, job.state(), java.util.EnumSet.of(JobState.DEAD));
        }
        delete(tx, job.seq());
        return job;
    }

    static List<JobRef> purgeAllDead(Tx tx) throws SQLException {
        List<JobRef> dead = tx.query(JobSql.DEAD_JOBS, ps -> { },
                rs -> new JobRef(rs.getLong(1), rs.getString(2), rs.getInt(3), JobState.DEAD));
        for (JobRef job : dead) {
            delete(tx, job.seq());
        }
        return dead;
    }

    private static void delete(Tx tx, long seq) throws SQLException {
        tx.update(AttemptSql.DELETE_FOR_JOB, ps -> ps.setLong(1, seq));
        tx.update(JobSql.DELETE, ps -> ps.setLong(1, seq));
    }

    static List<JobRef> prune(Tx tx, JobState state, Instant before, int batch) throws SQLException {
        List<JobRef> gone = tx.query(JobSql.PRUNE, ps -> {
            ps.setString(1, state.key());
            ps.setLong(2, before.toEpochMilli());
            ps.setInt(3, batch);
        }, rs -> new JobRef(rs.getLong(1), rs.getString(2), rs.getInt(3), state));
        for (JobRef job : gone) {
            tx.update(AttemptSql.DELETE_FOR_JOB, ps -> ps.setLong(1, job.seq()));
        }
        return gone;
    }
}
