package dev.queuectl.daemon.store.postgres;

import dev.queuectl.daemon.job.Job;
import dev.queuectl.daemon.job.JobEdit;
import dev.queuectl.daemon.job.JobState;
import dev.queuectl.daemon.store.IllegalTransitionException;
import dev.queuectl.daemon.store.JobChangedException;
import dev.queuectl.daemon.store.JsonMaps;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;

/**
 * An edit of a waiting job, in one transaction: the job is read and locked, checked (state,
 * version), and every editable column written at once; its label rows follow its new labels.
 */
final class PgEdits {
    private static final String LOCK = "SELECT 1 FROM jobs WHERE id = ? FOR UPDATE";

    private PgEdits() {
    }

    static Job edit(PgTx tx, String id, JobEdit e, long now) throws SQLException {
        tx.query(LOCK, ps -> ps.setString(1, id), rs -> null);
        Job job = PgChanges.read(tx, id);
        if (job.state() != JobState.PENDING && job.state() != JobState.FAILED) {
            throw new IllegalTransitionException(id, job.state(), EnumSet.of(JobState.PENDING, JobState.FAILED));
        }
        if (e.expectedUpdatedAt() != null && !e.expectedUpdatedAt().equals(job.updatedAt())) {
            throw new JobChangedException(id);
        }
        Instant runAt = e.runAt() != null ? e.runAt() : job.runAt();
        boolean ready = job.depsLeft() > 0 || (e.runAt() == null ? isReady(tx, job) : runAt.toEpochMilli() <= now);
        Long timeoutMs = e.clearTimeout() ? null : e.timeoutMs() != null ? e.timeoutMs()
                : job.timeout() == null ? null : job.timeout().toMillis();
        String cwd = e.clearCwd() ? null : e.cwd() != null ? e.cwd() : job.cwd();
        Map<String, String> labels = e.labels() != null ? e.labels() : job.labels();
        Map<String, String> env = e.env() != null ? e.env() : job.env();
        tx.update(PgJobSql.EDIT, ps -> {
            ps.setString(1, e.command() != null ? e.command() : job.command());
            ps.setInt(2, e.priority() != null ? e.priority() : job.priority());
            ps.setLong(3, runAt.toEpochMilli());
            ps.setBoolean(4, ready);
            PgTx.setNullableLong(ps, 5, timeoutMs);
            ps.setInt(6, e.maxRetries() != null ? e.maxRetries() : job.maxRetries());
            ps.setString(7, cwd);
            ps.setString(8, JsonMaps.encode(labels));
            ps.setString(9, JsonMaps.encode(env));
            ps.setLong(10, now);
            ps.setLong(11, job.seq());
        });
        if (!Objects.equals(labels, job.labels())) {
            PgInserts.replaceLabels(tx, job.seq(), labels);
        }
        return PgChanges.read(tx, id);
    }

    /** The job's ready mark as stored (its run_at has come, as of the last claim). */
    private static boolean isReady(PgTx tx, Job job) throws SQLException {
        return tx.queryOne(PgJobSql.READY_OF, ps -> ps.setLong(1, job.seq()), rs -> rs.getBoolean(1)).orElse(true);
    }
}
