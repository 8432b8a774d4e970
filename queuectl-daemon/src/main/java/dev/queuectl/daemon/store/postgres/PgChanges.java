package dev.queuectl.daemon.store.postgres;

import dev.queuectl.daemon.job.Job;
import dev.queuectl.daemon.job.JobDetails;
import dev.queuectl.daemon.job.JobRef;
import dev.queuectl.daemon.job.JobState;
import dev.queuectl.daemon.job.RunOutcome;
import dev.queuectl.daemon.store.IllegalTransitionException;
import dev.queuectl.daemon.store.JobNotFoundException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads of one job, the counts, and deletions (DLQ purge of one job, retention). */
final class PgChanges {
    private PgChanges() {
    }

    static Optional<JobDetails> find(PgTx tx, String id) throws SQLException {
        Optional<Job> job = tx.queryOne(PgJobSql.BY_ID, ps -> ps.setString(1, id), PgRows::job);
        if (job.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new JobDetails(job.get(), tx.query(PgAttemptSql.FOR_JOB,
                ps -> ps.setLong(1, job.get().seq()), PgRows::attempt)));
    }

    static Map<JobState, Long> counts(PgTx tx) throws SQLException {
        Map<JobState, Long> counts = new EnumMap<>(JobState.class);
        for (JobState s : JobState.values()) {
            counts.put(s, 0L);
        }
        tx.query(PgJobSql.COUNTS, ps -> { }, rs -> counts.put(JobState.ofKey(rs.getString(1)), rs.getLong(2)));
        return counts;
    }

    /** The job's seq, runs and state, or {@link JobNotFoundException}. */
    static JobRef require(PgTx tx, String id) throws SQLException {
        return tx.queryOne(PgJobSql.SEQ_STATE_BY_ID, ps -> ps.setString(1, id), rs -> PgRows.ref(rs, id))
                .orElseThrow(() -> new JobNotFoundException(id));
    }

    static Job read(PgTx tx, String id) throws SQLException {
        return tx.queryOne(PgJobSql.BY_ID, ps -> ps.setString(1, id), PgRows::job)
                .orElseThrow(() -> new JobNotFoundException(id));
    }

    /** Deletes a dead job and its history; a job in any other state is an illegal transition. */
    static JobRef purge(PgTx tx, String id) throws SQLException {
        JobRef job = require(tx, id);
        if (job.state() == JobState.DEAD && tx.queryOne("SELECT " + PgDepSql.WAITED_ON + " FROM jobs WHERE seq = ?",
                ps -> ps.setLong(1, job.seq()), rs -> rs.getBoolean(1)).orElse(false)) {
            throw new dev.queuectl.daemon.store.JobNeededException(id);
        }
        if (tx.update(PgJobSql.DELETE_DEAD, ps -> ps.setLong(1, job.seq())) == 0) {
            throw new IllegalTransitionException(id, current(tx, id), EnumSet.of(JobState.DEAD));
        }
        return job;
    }

    /** How run {@code attempt} of job {@code seq} ended; empty while it runs or if it never existed. */
    static Optional<RunOutcome> outcome(PgTx tx, long seq, int attempt) throws SQLException {
        return tx.queryOne(PgAttemptSql.OUTCOME, ps -> {
            ps.setLong(1, seq);
            ps.setInt(2, attempt);
        }, rs -> rs.getString(1) == null ? null : RunOutcome.ofKey(rs.getString(1)));
    }

    static long pruneKept(PgTx tx, JobState state, Instant before) throws SQLException {
        return tx.queryOne(PgJobSql.PRUNE_KEPT, ps -> {
            ps.setString(1, state.key());
            ps.setLong(2, before.toEpochMilli());
        }, rs -> rs.getLong(1)).orElse(0L);
    }

    static List<JobRef> prune(PgTx tx, JobState state, Instant before, int batch) throws SQLException {
        return tx.query(PgJobSql.PRUNE, ps -> {
            ps.setString(1, state.key());
            ps.setLong(2, before.toEpochMilli());
            ps.setInt(3, batch);
        }, rs -> PgRows.deleted(rs, state));
    }

    /** The job's state as of now (another node may have changed it since it was first read). */
    private static JobState current(PgTx tx, String id) throws SQLException {
        return require(tx, id).state();
    }

    /** Bytes of output run {@code attempt} of job {@code seq} dropped over the output limit. */
    static long outputDropped(PgTx tx, long seq, int attempt) throws SQLException {
        return tx.queryOne(PgAttemptSql.OUTPUT_DROPPED, ps -> {
            ps.setLong(1, seq);
            ps.setInt(2, attempt);
        }, rs -> rs.getLong(1)).orElse(0L);
    }
}
