package dev.queuectl.daemon.store.sqlite;

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
 * An edit of a waiting job, in one writer transaction: the job is read, checked (state, version),
 * and every editable column written at once; its label rows follow its new labels.
 */
final class JobEdits {
    private JobEdits() {
    }

    static Job edit(Tx tx, String id, JobEdit e, long now) throws SQLException {
        Job job = JobChanges.read(tx, id);
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
        tx.update(JobSql.EDIT, ps -> {
            ps.setString(1, e.command() != null ? e.command() : job.command());
            ps.setInt(2, e.priority() != null ? e.priority() : job.priority());
            ps.setLong(3, runAt.toEpochMilli());
            ps.setInt(4, ready ? 1 : 0);
            Tx.setNullableLong(ps, 5, timeoutMs);
            ps.setInt(6, e.maxRetries() != null ? e.maxRetries() : job.maxRetries());
            ps.setString(7, cwd);
            ps.setString(8, JsonMaps.encode(labels));
            ps.setString(9, JsonMaps.encode(env));
            ps.setLong(10, now);
            ps.setLong(11, job.seq());
        });
        if (!Objects.equals(labels, job.labels())) {
            for (String key : job.labels().keySet()) {
                tx.update(LabelSql.DELETE, ps -> {
                    ps.setString(1, key);
                    ps.setLong(2, job.seq());
                });
            }
            JobInserts.insertLabels(tx, labels, job.seq());
        }
        return JobChanges.read(tx, id);
    }

    /** The job's ready mark as stored (its run_at has come, as of the last claim). */
    private static boolean isReady(Tx tx, Job job) throws SQLException {
        return tx.queryOne(JobSql.READY_OF, ps -> ps.setLong(1, job.seq()),
                rs -> rs.getInt(1) != 0).orElse(true);
    }
}
