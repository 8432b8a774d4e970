package dev.queuectl.daemon.store.sqlite;

import dev.queuectl.daemon.job.Attempt;
import dev.queuectl.daemon.job.Job;
import dev.queuectl.daemon.job.JobRef;
import dev.queuectl.daemon.job.JobState;
import dev.queuectl.daemon.job.RunOutcome;
import dev.queuectl.daemon.store.JsonMaps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/** Row mappers from the jobs and attempts tables to domain records. */
final class JobRows {
    private JobRows() {
    }

    static Job job(ResultSet rs) throws SQLException {
        Long timeout = Tx.nullableLong(rs, "timeout_ms");
        return new Job(
                rs.getLong("seq"),
                rs.getString("id"),
                rs.getString("command"),
                JobState.ofKey(rs.getString("state")),
                rs.getInt("attempts"),
                rs.getInt("runs"),
                rs.getInt("max_retries"),
                rs.getInt("priority"),
                instant(rs, "run_at"),
                timeout == null ? null : Duration.ofMillis(timeout),
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                instant(rs, "started_at"),
                instant(rs, "finished_at"),
                Tx.nullableInt(rs, "exit_code"),
                rs.getString("last_error"),
                rs.getString("cwd"),
                JsonMaps.decode(rs.getString("env")),
                JsonMaps.decode(rs.getString("labels")),
                rs.getInt("held") != 0,
                rs.getString("queue"),
                rs.getInt("deps_left"));
    }

    /** A job a bulk action looks at: columns seq, id, runs, state, held. */
    record Candidate(long seq, String id, int runs, JobState state, boolean held) {
        JobRef ref() {
            return new JobRef(seq, id, runs, state);
        }
    }

    static Candidate candidate(ResultSet rs) throws SQLException {
        return new Candidate(rs.getLong(1), rs.getString(2), rs.getInt(3), JobState.ofKey(rs.getString(4)),
                rs.getInt(5) != 0);
    }

    static Attempt attempt(ResultSet rs) throws SQLException {
        return new Attempt(rs.getInt("number"), rs.getString("node"), instant(rs, "started_at"),
                instant(rs, "finished_at"), RunOutcome.ofKey(rs.getString("outcome")), Tx.nullableInt(rs, "exit_code"),
                rs.getString("error"));
    }

    /** A row of (seq, state, runs) for the job with id {@code id}. */
    static JobRef ref(ResultSet rs, String id) throws SQLException {
        return new JobRef(rs.getLong(1), id, rs.getInt(3), JobState.ofKey(rs.getString(2)));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Long ms = Tx.nullableLong(rs, column);
        return ms == null ? null : Instant.ofEpochMilli(ms);
    }
}
