package dev.queuectl.daemon.store.sqlite;

import dev.queuectl.daemon.job.Transition;

/** The SQL for the {@code jobs} table, in one place. Bound parameters only. */
final class JobSql {
    private JobSql() {
    }

    static final String COLUMNS = "seq, id, command, state, attempts, runs, max_retries, priority, run_at, timeout_ms,"
            + " created_at, updated_at, started_at, finished_at, exit_code, last_error";

    static final String INSERT_COLUMNS = "INSERT INTO jobs (seq, id, command, state, max_retries, priority, run_at,"
            + " ready, timeout_ms, created_at, updated_at) VALUES ";
    static final String INSERT_ROW = "(?, ?, ?, 'pending', ?, ?, ?, ?, ?, ?, ?)";
    static final int INSERT_PARAMETERS = 10;
    static final String INSERT = INSERT_COLUMNS + INSERT_ROW;

    /** One statement inserting {@code rows} jobs: far less per-row overhead than a statement each. */
    static String insertMany(int rows) {
        StringBuilder b = new StringBuilder(INSERT_COLUMNS);
        for (int i = 0; i < rows; i++) {
            b.append(i == 0 ? "" : ", ").append(INSERT_ROW);
        }
        return b.toString();
    }

    static final String LAST_SEQ = "SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'jobs'),"
            + " (SELECT max(seq) FROM jobs), 0)";

    static final String BY_ID = "SELECT " + COLUMNS + " FROM jobs WHERE id = ?";

    static final String STATE_OF = "SELECT state FROM jobs WHERE id = ?";

    static final String LIST_ALL_OLDEST = "SELECT " + COLUMNS + " FROM jobs ORDER BY seq LIMIT ?";
    static final String LIST_ALL_NEWEST = "SELECT " + COLUMNS + " FROM jobs ORDER BY seq DESC LIMIT ?";
    static final String LIST_STATE_OLDEST = "SELECT " + COLUMNS + " FROM jobs WHERE state = ? ORDER BY seq LIMIT ?";
    static final String LIST_STATE_NEWEST = "SELECT " + COLUMNS + " FROM jobs WHERE state = ? ORDER BY seq DESC LIMIT ?";

    /** Kept by triggers (V001), so reading the counts never scans the jobs. */
    static final String COUNTS = "SELECT state, n FROM state_counts";

    // ---- runs ----

    /** Delayed and retrying jobs whose run_at has come become ready (index jobs_waiting). */
    static final String PROMOTE = "UPDATE jobs INDEXED BY jobs_waiting SET ready = 1"
            + " WHERE state IN ('pending', 'failed') AND ready = 0 AND run_at <= ?";

    /**
     * The claim, part one: the first rows of jobs_ready in its own order. Read, then taken one by
     * one with {@link #TAKE} in the same write transaction: SQLite's write lock makes the pair
     * atomic, and it is five times cheaper than {@code UPDATE ... WHERE seq IN (subquery) RETURNING}.
     */
    static final String CLAIMABLE = "SELECT seq, id, command, attempts, runs, max_retries, priority, timeout_ms,"
            + " created_at, run_at FROM jobs INDEXED BY jobs_ready WHERE state IN ('pending', 'failed') AND ready = 1"
            + " ORDER BY priority DESC, run_at, seq LIMIT ?";

    /** The claim, part two: one claimable job starts a run owned by a node. */
    static final String TAKE = "UPDATE jobs SET state = 'processing', runs = runs + 1, node = ?, started_at = ?,"
            + " finished_at = NULL, updated_at = ? WHERE seq = ? AND state IN " + SqlStates.from(Transition.CLAIM);

    /** The oldest due job still waiting for a worker (for metrics). */
    static final String OLDEST_DUE = "SELECT min(run_at) AS oldest FROM jobs INDEXED BY jobs_ready"
            + " WHERE state IN ('pending', 'failed') AND ready = 1";

    static final String NEXT_DUE = "SELECT min(run_at) AS next FROM jobs INDEXED BY jobs_waiting"
            + " WHERE state IN ('pending', 'failed') AND ready = 0";

    static final String SEQ_STATE_BY_ID = "SELECT seq, state, runs FROM jobs WHERE id = ?";

    /** Runs in progress; a run whose start was never recorded has no attempt row, hence the outer join. */
    private static final String IN_PROGRESS = "SELECT j.seq, j.id, j.runs, j.node, a.pid, a.pgid, a.proc_start,"
            + " a.boot_id, a.cgroup FROM jobs j LEFT JOIN attempts a ON a.job_seq = j.seq AND a.number = j.runs"
            + " WHERE j.state = 'processing'";
    static final String IN_PROGRESS_OF_NODE = IN_PROGRESS + " AND j.node = ?";
    /** Runs of any other node, and runs claimed before runs had owners. */
    static final String IN_PROGRESS_OF_OTHERS = IN_PROGRESS + " AND (j.node IS NULL OR j.node <> ?)";

    static final String DEAD_SEQS = "SELECT seq FROM jobs WHERE state = 'dead' ORDER BY seq";
    static final String DEAD_JOBS = "SELECT seq, id, runs FROM jobs WHERE state = 'dead' ORDER BY seq";

    static final String DELETE = "DELETE FROM jobs WHERE seq = ?";

    /**
     * Retention: jobs of one final state last updated before a time, oldest enqueued first, a batch
     * at a time (index jobs_state_seq; a finished job's enqueue order nearly follows its end).
     */
    static final String PRUNE = "DELETE FROM jobs WHERE seq IN (SELECT seq FROM jobs INDEXED BY jobs_state_seq"
            + " WHERE state = ? AND updated_at < ? ORDER BY seq LIMIT ?) RETURNING seq, id, runs";

    /** A run ended: the job moves as the transition says, its outcome fields updated. */
    static String finish(Transition t) {
        return "UPDATE jobs SET state = '" + t.to().key() + "', attempts = attempts + ?, exit_code = ?,"
                + " last_error = ?, finished_at = ?, updated_at = ?, run_at = coalesce(?, run_at), ready = ?"
                + " WHERE seq = ? AND state IN " + SqlStates.from(t);
    }

    /** cancel of a waiting job. */
    static final String CANCEL = "UPDATE jobs SET state = 'dead', last_error = 'cancelled', updated_at = ?"
            + " WHERE seq = ? AND state IN " + SqlStates.from(Transition.CANCEL);

    /** dlq retry: back to pending with attempts reset; the history stays. */
    static final String REVIVE = "UPDATE jobs SET state = 'pending', attempts = 0, run_at = ?, ready = 1, updated_at = ?"
            + " WHERE seq = ? AND state IN " + SqlStates.from(Transition.REVIVE);
}
