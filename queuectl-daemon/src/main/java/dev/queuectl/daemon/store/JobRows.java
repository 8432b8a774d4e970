package dev.queuectl.daemon.store;

import dev.queuectl.protocol.JobState;
import dev.queuectl.protocol.result.AttemptView;
import dev.queuectl.protocol.result.JobView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Row mappers from the jobs and attempts tables to the protocol's views. */
final class JobRows {
    private JobRows() {
    }

    static JobView job(ResultSet rs, List<AttemptView> history) throws SQLException {
        Long timeout = Tx.nullableLong(rs, "timeout_ms");
        return new JobView(
                rs.getString("id"),
                rs.getString("command"),
                JobState.parse(rs.getString("state")),
                rs.getInt("attempts"),
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
                history);
    }

    static AttemptView attempt(ResultSet rs) throws SQLException {
        return new AttemptView(rs.getInt("number"), instant(rs, "started_at"), instant(rs, "finished_at"),
                rs.getString("outcome"), Tx.nullableInt(rs, "exit_code"), rs.getString("error"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Long ms = Tx.nullableLong(rs, column);
        return ms == null ? null : Instant.ofEpochMilli(ms);
    }
}
