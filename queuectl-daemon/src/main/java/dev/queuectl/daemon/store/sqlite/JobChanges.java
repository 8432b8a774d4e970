package dev.queuectl.daemon.store.sqlite;

import dev.queuectl.daemon.job.Job;
import dev.queuectl.daemon.job.JobRef;
import dev.queuectl.daemon.job.JobState;
import dev.queuectl.daemon.store.IllegalTransitionException;
import dev.queuectl.daemon.store.JobNotFoundException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

/** Deletions made on request (DLQ purge, retention) and reads inside writer transactions. Writer transactions only. */
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

    /** Deletes a dead job and its history; a job in any other state is an illegal transition. */
    static JobRef purge(Tx tx, String id) throws SQLException {
        JobRef job = require(tx, id);
        if (job.state() != JobState.DEAD) {
            throw new IllegalTransitionException(id, job.state(), EnumSet.of(JobState.DEAD));
        }
        tx.update(AttemptSql.DELETE_FOR_JOB, ps -> ps.setLong(1, job.seq()));
        tx.update(JobSql.DELETE, ps -> ps.setLong(1, job.seq()));
        return job;
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
