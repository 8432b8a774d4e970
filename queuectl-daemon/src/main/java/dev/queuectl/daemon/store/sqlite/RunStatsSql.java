package dev.queuectl.daemon.store.sqlite;

import dev.queuectl.daemon.job.Histogram;
import dev.queuectl.daemon.job.MinuteStats;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** The SQL for the {@code run_stats} table (per node and minute), in one place. */
final class RunStatsSql {
    private RunStatsSql() {
    }

    static final String UPSERT = "INSERT INTO run_stats (node, minute, completed, failed, waits, runs)"
            + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (node, minute) DO UPDATE SET completed = excluded.completed,"
            + " failed = excluded.failed, waits = excluded.waits, runs = excluded.runs";
    static final String DELETE_BEFORE = "DELETE FROM run_stats WHERE node = ? AND minute < ?";
    static final String SINCE = "SELECT node, minute, completed, failed, waits, runs FROM run_stats"
            + " WHERE node = ? AND minute >= ? ORDER BY minute";

    static Void save(Tx tx, String node, List<MinuteStats> minutes, Instant dropBefore) throws SQLException {
        for (MinuteStats m : minutes) {
            tx.update(UPSERT, ps -> {
                ps.setString(1, node);
                ps.setLong(2, m.minute().toEpochMilli());
                ps.setLong(3, m.completed());
                ps.setLong(4, m.failed());
                ps.setString(5, m.waits().encode());
                ps.setString(6, m.runs().encode());
            });
        }
        tx.update(DELETE_BEFORE, ps -> {
            ps.setString(1, node);
            ps.setLong(2, dropBefore.toEpochMilli());
        });
        return null;
    }

    static List<MinuteStats> since(Tx tx, String node, Instant since) throws SQLException {
        return tx.query(SINCE, ps -> {
            ps.setString(1, node);
            ps.setLong(2, since.toEpochMilli());
        }, rs -> new MinuteStats(rs.getString("node"), Instant.ofEpochMilli(rs.getLong("minute")),
                rs.getLong("completed"), rs.getLong("failed"), Histogram.decode(rs.getString("waits")),
                Histogram.decode(rs.getString("runs"))));
    }
}
