package dev.queuectl.daemon.store.sqlite;

/** The SQL for the {@code queues} and {@code queue_counts} tables (V005), in one place. Bound parameters only. */
final class QueueSql {
    private QueueSql() {
    }

    static final String ALL = "SELECT name, concurrency, paused, max_retries, timeout_ms FROM queues ORDER BY name";
    static final String ONE = "SELECT name, concurrency, paused, max_retries, timeout_ms FROM queues WHERE name = ?";
    static final String COUNTS = "SELECT queue, state, n FROM queue_counts";
    static final String COUNTS_OF = "SELECT queue, state, n FROM queue_counts WHERE queue = ?";

    /** The earliest run_at of a queue's due jobs: its slice of jobs_ready (led by queue). */
    static final String OLDEST_DUE = "SELECT min(run_at) AS oldest FROM jobs INDEXED BY jobs_ready WHERE queue = ?"
            + " AND state IN ('pending', 'failed') AND ready = 1 AND held = 0 AND deps_left = 0";

    /** What an enqueue into the queue inherits: its max_retries and timeout, if set. */
    static final String DEFAULTS = "SELECT max_retries, timeout_ms FROM queues WHERE name = ?";

    /**
     * The queues the claim may take from: not paused, below their concurrency, with pending or
     * failed jobs; with how many more of their jobs may run (null: no limit). A few rows, read by
     * primary key: the claim then reads each of these queues' slice of jobs_ready and nothing else.
     */
    static final String OPEN = "SELECT q.name, q.concurrency - coalesce((SELECT n FROM queue_counts r"
            + " WHERE r.queue = q.name AND r.state = 'processing'), 0) AS room FROM queues q WHERE q.paused = 0"
            + " AND EXISTS (SELECT 1 FROM queue_counts w WHERE w.queue = q.name AND w.state IN ('pending', 'failed')"
            + " AND w.n > 0)";

    static final String INSERT = "INSERT INTO queues (name, concurrency, max_retries, timeout_ms, created_at)"
            + " VALUES (?, ?, ?, ?, ?)";
    static final String UPDATE = "UPDATE queues SET concurrency = ?, max_retries = ?, timeout_ms = ? WHERE name = ?";
    static final String PAUSE = "UPDATE queues SET paused = ? WHERE name = ?";
    static final String DELETE = "DELETE FROM queues WHERE name = ?";
    static final String DELETE_COUNTS = "DELETE FROM queue_counts WHERE queue = ?";
}
