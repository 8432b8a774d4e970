package dev.queuectl.daemon.store.sqlite;

import dev.queuectl.daemon.job.JobAction;
import dev.queuectl.daemon.job.JobState;
import dev.queuectl.daemon.job.Transition;

/** The SQL for the {@code jobs} table, in one place. Bound parameters only. */
final class JobSql {
    private JobSql() {
    }

    private static final String BASE_COLUMNS = "seq, id, command, state, attempts, runs, max_retries, priority, run_at,"
            + " timeout_ms, created_at, updated_at, started_at, finished_at, exit_code, last_error, cwd, labels, held";
    /** Every column, the environment's values included. */
    static final String COLUMNS = BASE_COLUMNS + ", env";
    /** Every column, the environment as its names only (a JSON array): what listings show. */
    static final String LIST_COLUMNS = BASE_COLUMNS
            + ", CASE WHEN env IS NULL THEN NULL ELSE (SELECT json_group_array(key) FROM json_each(env)) END AS env";

    static final String INSERT_COLUMNS = "INSERT INTO jobs (seq, id, command, state, max_retries, priority, run_at,"
            + " ready, timeout_ms, created_at, updated_at, cwd, env, labels) VALUES ";
    static final String INSERT_ROW = "(?, ?, ?, 'pending', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final int INSERT_PARAMETERS = 13;
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

    /** Whether a job's run_at has come, as of the last claim (which promotes due jobs). */
    static final String READY_OF = "SELECT ready FROM jobs WHERE seq = ?";

    /** Kept by triggers (V001), so reading the counts never scans the jobs. */
    static final String COUNTS = "SELECT state, n FROM state_counts";

    /** Held and not-due jobs per state, kept by triggers (V003); the rest of a waiting state is due. */
    static final String WAITING = "SELECT state, readiness, n FROM wait_counts";

    /** Ids starting with a prefix (bounds from {@link #prefixEnd}), by the id index, newest of those read first. */
    static String idsWithPrefix(String stateCondition) {
        return "SELECT id FROM (SELECT seq, id FROM jobs WHERE id >= ? AND id < ?" + stateCondition
                + " LIMIT 2000) ORDER BY seq DESC LIMIT ?";
    }

    /** The least string greater than every id starting with {@code prefix} (ids are ASCII below DEL). */
    static String prefixEnd(String prefix) {
        return prefix + '\u007f';
    }

    // ---- runs ----

    /** Delayed and retrying jobs whose run_at has come become ready (index jobs_waiting). */
    static final String PROMOTE = "UPDATE jobs INDEXED BY jobs_waiting SET ready = 1"
            + " WHERE state IN ('pending', 'failed') AND ready = 0 AND held = 0 AND run_at <= ?";

    /**
     * The claim, part one: the first rows of jobs_ready in its own order. Read, then taken one by
     * one with {@link #TAKE} in the same write transaction: SQLite's write lock makes the pair
     * atomic, and it is five times cheaper than {@code UPDATE ... WHERE seq IN (subquery) RETURNING}.
     */
    static final String CLAIMABLE = "SELECT seq, id, command, attempts, runs, max_retries, priority, timeout_ms,"
            + " created_at, run_at, cwd, env FROM jobs INDEXED BY jobs_ready WHERE state IN ('pending', 'failed')"
            + " AND ready = 1 AND held = 0 ORDER BY priority DESC, run_at, seq LIMIT ?";

    /** The claim, part two: one claimable job starts a run owned by a node. */
    static final String TAKE = "UPDATE jobs SET state = 'processing', runs = runs + 1, node = ?, started_at = ?,"
            + " finished_at = NULL, updated_at = ? WHERE seq = ? AND state IN " + SqlStates.from(Transition.CLAIM);

    /** The oldest due job still waiting for a worker (for metrics). */
    static final String OLDEST_DUE = "SELECT min(run_at) AS oldest FROM jobs INDEXED BY jobs_ready"
            + " WHERE state IN ('pending', 'failed') AND ready = 1 AND held = 0";

    static final String NEXT_DUE = "SELECT min(run_at) AS next FROM jobs INDEXED BY jobs_waiting"
            + " WHERE state IN ('pending', 'failed') AND ready = 0 AND held = 0";

    static final String SEQ_STATE_BY_ID = "SELECT seq, state, runs FROM jobs WHERE id = ?";

    /** Runs in progress; a run whose start was never recorded has no attempt row, hence the outer join. */
    private static final String IN_PROGRESS = "SELECT j.seq, j.id, j.runs, j.node, a.pid, a.pgid, a.proc_start,"
            + " a.boot_id, a.cgroup FROM jobs j LEFT JOIN attempts a ON a.job_seq = j.seq AND a.number = j.runs"
            + " WHERE j.state = 'processing'";
    static final String IN_PROGRESS_OF_NODE = IN_PROGRESS + " AND j.node = ?";
    /** Runs of any other node, and runs claimed before runs had owners. */
    static final String IN_PROGRESS_OF_OTHERS = IN_PROGRESS + " AND (j.node IS NULL OR j.node <> ?)";

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

    /** The jobs a bulk action may change, by seq: their state and mark, to count the skipped ones. */
    static final String BY_SEQS = "SELECT seq, id, runs, state, held FROM jobs WHERE seq IN"
            + " (SELECT value FROM json_each(?)) ORDER BY seq";
    static final String BY_IDS = "SELECT seq, id, runs, state, held FROM jobs WHERE id IN"
            + " (SELECT value FROM json_each(?)) ORDER BY seq";

    /**
     * What an action does to the jobs of a list of seqs (a JSON array in the first parameter after
     * {@code updated_at = ?}), checked once more against the states it applies to. Parameters:
     * now, [now for run_at,] seqs.
     */
    static String change(JobAction action) {
        String target = " WHERE seq IN (SELECT value FROM json_each(?)) AND state IN " + SqlStates.list(action.from());
        switch (action) {
            case CANCEL:
                return "UPDATE jobs SET state = 'dead', last_error = 'cancelled', held = 0, updated_at = ?" + target
                        + " RETURNING seq, id, runs";
            case RERUN:
            case RETRY:
                return "UPDATE jobs SET state = 'pending', attempts = 0, held = 0, ready = 1, updated_at = ?, run_at = ?"
                        + target + " RETURNING seq, id, runs";
            case HOLD:
                return "UPDATE jobs SET held = 1, updated_at = ?" + target + " AND held = 0 RETURNING seq, id, runs";
            case RELEASE:
                return "UPDATE jobs SET held = 0, updated_at = ?, ready = (run_at <= ?)" + target
                        + " AND held = 1 RETURNING seq, id, runs";
            case PURGE:
                return "DELETE FROM jobs" + target + " RETURNING seq, id, runs";
            default:
                throw new IllegalArgumentException(action.name());
        }
    }

    /** An edit: every field a job may change while it waits, written at once. */
    static final String EDIT = "UPDATE jobs SET command = ?, priority = ?, run_at = ?, ready = ?, timeout_ms = ?,"
            + " max_retries = ?, cwd = ?, labels = ?, env = ?, updated_at = ? WHERE seq = ? AND state IN "
            + SqlStates.list(java.util.EnumSet.of(JobState.PENDING, JobState.FAILED));
}
