package dev.queuectl.daemon.store.postgres;

import dev.queuectl.daemon.job.Attempt;
import dev.queuectl.daemon.job.ClaimedRun;
import dev.queuectl.daemon.job.InProgressRun;
import dev.queuectl.daemon.job.Job;
import dev.queuectl.daemon.job.JobRef;
import dev.queuectl.daemon.job.JobState;
import dev.queuectl.daemon.job.RunOutcome;
import dev.queuectl.daemon.store.JsonMaps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/** Row mappers from the PostgreSQL tables to domain records. */
final class PgRows {
    private PgRows() {
    }

    static Job job(ResultSet rs) throws SQLException {
        Long timeout = PgTx.nullableLong(rs, "timeout_ms");
        return new Job(rs.getLong("seq"), rs.getString("id"), rs.getString("command"),
                JobState.ofKey(rs.getString("state")), rs.getInt("attempts"), rs.getInt("runs"),
                rs.getInt("max_retries"), rs.getInt("priority"), instant(rs, "run_at"),
                timeout == null ? null : Duration.ofMillis(timeout), instant(rs, "created_at"),
                instant(rs, "updated_at"), instant(rs, "started_at"), instant(rs, "finished_at"),
                PgTx.nullableInt(rs, "exit_code"), rs.getString("last_error"), rs.getString("cwd"),
                JsonMaps.decode(rs.getString("env")), JsonMaps.decode(rs.getString("labels")), rs.getBoolean("held"),
                rs.getString("queue"), rs.getInt("deps_left"));
    }

    /** A job an action may apply to: (seq, id, runs, state, held). */
    record Candidate(long seq, String id, int runs, JobState state, boolean held) {
        JobRef ref() {
            return new JobRef(seq, id, runs, state);
        }
    }

    static Candidate candidate(ResultSet rs) throws SQLException {
        return new Candidate(rs.getLong(1), rs.getString(2), rs.getInt(3), JobState.ofKey(rs.getString(4)),
                rs.getBoolean(5));
    }

    static Attempt attempt(ResultSet rs) throws SQLException {
        return new Attempt(rs.getInt("number"), rs.getString("node"), instant(rs, "started_at"),
                instant(rs, "finished_at"), RunOutcome.ofKey(rs.getString("outcome")),
                PgTx.nullableInt(rs, "exit_code"), rs.getString("error"));
    }

    static ClaimedRun claimed(ResultSet rs, String node, Instant now) throws SQLException {
        return new ClaimedRun(rs.getLong("seq"), rs.getString("id"), rs.getString("command"), node, rs.getInt("runs"),
                rs.getInt("attempts"), rs.getInt("max_retries"), rs.getInt("priority"),
                PgTx.nullableLong(rs, "timeout_ms"), instant(rs, "created_at"), instant(rs, "run_at"), now,
                rs.getString("cwd"), JsonMaps.decode(rs.getString("env")), rs.getString("queue"));
    }

    static InProgressRun inProgress(ResultSet rs) throws SQLException {
        return new InProgressRun(rs.getLong("seq"), rs.getString("id"), rs.getInt("runs"), rs.getString("node"),
                PgTx.nullableInt(rs, "pid"), PgTx.nullableInt(rs, "pgid"), PgTx.nullableLong(rs, "proc_start"),
                rs.getString("boot_id"), rs.getString("cgroup"));
    }

    /** A row of (seq, state, runs) for the job with id {@code id}. */
    static JobRef ref(ResultSet rs, String id) throws SQLException {
        return new JobRef(rs.getLong(1), id, rs.getInt(3), JobState.ofKey(rs.getString(2)));
    }

    /** A row of (seq, id, runs) of a job that was in {@code state}. */
    static JobRef deleted(ResultSet rs, JobState state) throws SQLException {
        return new JobRef(rs.getLong(1), rs.getString(2), rs.getInt(3), state);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Long ms = PgTx.nullableLong(rs, column);
        return ms == null ? null : Instant.ofEpochMilli(ms);
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        long ms = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(ms);
    }
}
