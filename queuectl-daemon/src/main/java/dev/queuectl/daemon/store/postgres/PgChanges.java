package dev.queuectl.daemon.store.postgres;

import dev.queuectl.daemon.job.Job;
import dev.queuectl.daemon.job.JobDetails;
import dev.queuectl.daemon.job.JobPage;
import dev.queuectl.daemon.job.JobRef;
import dev.queuectl.daemon.job.JobState;
import dev.queuectl.daemon.job.Transition;
import dev.queuectl.daemon.store.IllegalTransitionException;
import dev.queuectl.daemon.store.JobNotFoundException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads, and the transitions and deletions made on request (cancel, DLQ retry and purge, retention). */
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

    static JobPage list(PgTx tx, JobState state, int limit, boolean newestFirst) throws SQLException {
        List<Job> jobs;
        if (state == null) {
            jobs = tx.query(newestFirst ? PgJobSql.LIST_ALL_NEWEST : PgJobSql.LIST_ALL_OLDEST,
                    ps -> ps.setInt(1, limit), PgRows::job);
        } else {
            jobs = tx.query(newestFirst ? PgJobSql.LIST_STATE_NEWEST : PgJobSql.LIST_STATE_OLDEST, ps -> {
                ps.setString(1, state.key());
                ps.setInt(2, limit);
            }, PgRows::job);
        }
        Map<JobState, Long> counts = counts(tx);
        long total = state == null ? counts.values().stream().mapToLong(Long::longValue).sum() : counts.get(state);
        return new JobPage(jobs, total);
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

    static Job cancel(PgTx tx, String id, long now) throws SQLException {
        JobRef job = require(tx, id);
        int rows = tx.update(PgJobSql.CANCEL, ps -> {
            ps.setLong(1, now);
            ps.setLong(2, job.seq());
        });
        if (rows == 0) {
            throw new IllegalTransitionException(id, current(tx, id), Transition.CANCEL.from());
        }
        return read(tx, id);
    }

    static Job revive(PgTx tx, String id, long now) throws SQLException {
        JobRef job = require(tx, id);
        int rows = tx.update(PgJobSql.REVIVE, ps -> {
            ps.setLong(1, now);
            ps.setLong(2, now);
            ps.setLong(3, job.seq());
        });
        if (rows == 0) {
            throw new IllegalTransitionException(id, current(tx, id), Transition.REVIVE.from());
        }
        return read(tx, id);
    }

    static int reviveAllDead(PgTx tx, long now) throws SQLException {
        return tx.update(PgJobSql.REVIVE_ALL, ps -> {
            ps.setLong(1, now);
            ps.setLong(2, now);
        });
    }

    /** Deletes a dead job and its history; a job in any other state is an illegal transition. */
    static JobRef purge(PgTx tx, String id) throws SQLException {
        JobRef job = require(tx, id);
        if (tx.update(PgJobSql.DELETE_DEAD, ps -> ps.setLong(1, job.seq())) == 0) {
            throw new IllegalTransitionException(id, current(tx, id), EnumSet.of(JobState.DEAD));
        }
        return job;
    }

    static List<JobRef> purgeAllDead(PgTx tx) throws SQLException {
        return tx.query(PgJobSql.DELETE_ALL_DEAD, ps -> { }, rs -> PgRows.deleted(rs, JobState.DEAD));
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
}
