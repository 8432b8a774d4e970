package dev.queuectl.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns a stopped daemon's store of freshly enqueued jobs into a lived-in one, with set-based
 * SQL on the file itself (the daemon's count triggers keep {@code state_counts} right): by
 * {@code seq % 20}, 60% completed (one attempt row each), 10% dead (four failed attempts,
 * {@code last_error} set), 5% failed with a retry 30 days ahead, and the rest pending but not
 * due for 30 days, so no old job competes with the jobs a figure enqueues. Jobs not yet due get
 * {@code ready = 0}, as the daemon sets it for a future {@code run_at}.
 */
final class ScaleStore {
    private static final String ERROR = "exit code 1: simulated failure";

    private ScaleStore() {
    }

    /** Applies the mix; returns the number of jobs per state afterwards. */
    static Map<String, Long> mix(Path storeFile, long nowMs) throws SQLException {
        long future = nowMs + 30L * 24 * 3600 * 1000;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + storeFile)) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA busy_timeout = 10000");
            }
            exec(c, "UPDATE jobs SET state = 'completed', attempts = 1, runs = 1, started_at = created_at + 1,"
                    + " finished_at = created_at + 6, exit_code = 0, updated_at = created_at + 6"
                    + " WHERE state = 'pending' AND seq % 20 < 12", null, null);
            exec(c, "UPDATE jobs SET state = 'dead', attempts = max_retries + 1, runs = max_retries + 1,"
                    + " started_at = created_at + 1, finished_at = created_at + 6, exit_code = 1, last_error = ?,"
                    + " updated_at = created_at + 6 WHERE state = 'pending' AND seq % 20 IN (12, 13)", ERROR, null);
            exec(c, "UPDATE jobs SET state = 'failed', attempts = 1, runs = 1, started_at = created_at + 1,"
                    + " finished_at = created_at + 6, exit_code = 1, last_error = ?, updated_at = created_at + 6,"
                    + " run_at = ?, ready = 0 WHERE state = 'pending' AND seq % 20 = 14", ERROR, future);
            // Not due yet: ready = 0, as the daemon itself marks a job whose run_at is still ahead.
            exec(c, "UPDATE jobs SET run_at = ?, ready = 0 WHERE state = 'pending'", null, future);
            exec(c, "INSERT INTO attempts (job_seq, number, started_at, finished_at, outcome, exit_code)"
                    + " SELECT seq, 1, started_at, finished_at, 'completed', 0 FROM jobs WHERE state = 'completed'",
                    null, null);
            exec(c, "INSERT INTO attempts (job_seq, number, started_at, finished_at, outcome, exit_code, error)"
                    + " SELECT j.seq, n.k, j.started_at, j.finished_at, 'failed', 1, ? FROM jobs j"
                    + " JOIN (SELECT 1 AS k UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4) n ON n.k <= j.runs"
                    + " WHERE j.state IN ('dead', 'failed')", ERROR, null);
            c.commit();
            Map<String, Long> counts = new LinkedHashMap<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT state, count(*) FROM jobs GROUP BY state ORDER BY state")) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getLong(2));
                }
            }
            c.commit();
            return counts;
        }
    }

    private static void exec(Connection c, String sql, String text, Long number) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            if (text != null) {
                ps.setString(i++, text);
            }
            if (number != null) {
                ps.setLong(i, number);
            }
            ps.executeUpdate();
        }
    }
}
