package dev.queuectl.daemon.store;

/** The SQL for the {@code jobs} table, in one place. Bound parameters only. */
final class JobSql {
    private JobSql() {
    }

    static final String COLUMNS = "seq, id, command, state, attempts, runs, max_retries, priority, run_at, timeout_ms,"
            + " created_at, updated_at, started_at, finished_at, exit_code, last_error";

    static final String INSERT = "INSERT INTO jobs (seq, id, command, state, max_retries, priority, run_at, timeout_ms,"
            + " created_at, updated_at) VALUES (?, ?, ?, 'pending', ?, ?, ?, ?, ?, ?)";

    static final String LAST_SEQ = "SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'jobs'),"
            + " (SELECT max(seq) FROM jobs), 0)";

    static final String BY_ID = "SELECT " + COLUMNS + " FROM jobs WHERE id = ?";

    static final String STATE_OF = "SELECT state FROM jobs WHERE id = ?";

    static final String LIST_ALL_OLDEST = "SELECT " + COLUMNS + " FROM jobs ORDER BY seq LIMIT ?";
    static final String LIST_ALL_NEWEST = "SELECT " + COLUMNS + " FROM jobs ORDER BY seq DESC LIMIT ?";
    static final String LIST_STATE_OLDEST = "SELECT " + COLUMNS + " FROM jobs WHERE state = ? ORDER BY seq LIMIT ?";
    static final String LIST_STATE_NEWEST = "SELECT " + COLUMNS + " FROM jobs WHERE state = ? ORDER BY seq DESC LIMIT ?";

    static final String COUNTS = "SELECT state, n FROM state_counts";
}
