package dev.queuectl.daemon.store.postgres;

/** The SQL of the {@code jobs} table, in one place. Bound parameters only. */
final class PgJobSql {
    private PgJobSql() {
    }

    static final String COLUMNS = "seq, id, command, state, attempts, runs, max_retries, priority, run_at, timeout_ms,"
            + " created_at, updated_at, started_at, finished_at, exit_code, last_error";

    /** n sequence numbers at once: ids are generated from them, never from a counter in a daemon. */
    static final String NEXT_SEQS = "SELECT nextval(pg_get_serial_sequence('jobs', 'seq')) FROM generate_series(1, ?)";

    /**
     * Inserts rows given as parallel arrays (seq, id, command, max_retries, priority, run_at,
     * timeout_ms) with the commit time {@code now}; an id that is taken inserts nothing and is
     * missing from the result, so one statement serves any number of rows and never fails on a duplicate.
     */
    static final String INSERT = "INSERT INTO jobs (seq, id, command, state, max_retries, priority, run_at, ready,"
            + " timeout_ms, created_at, updated_at)"
            + " SELECT s, i, c, 'pending', m, p, r, r <= ?, t, ?, ?"
            + " FROM unnest(?::bigint[], ?::text[], ?::text[], ?::int[], ?::int[], ?::bigint[], ?::bigint[])"
            + " AS u (s, i, c, m, p, r, t)"
            + " ON CONFLICT (id) DO NOTHING RETURNING seq";

    static final String DELETE_SEQS = "DELETE FROM jobs WHERE seq = ANY (?::bigint[])";

    static final String BY_ID = "SELECT " + COLUMNS + " FROM jobs WHERE id = ?";
    static final String STATE_OF = "SELECT state FROM jobs WHERE id = ?";
    static final String SEQ_STATE_BY_ID = "SELECT seq, state, runs FROM jobs WHERE id = ?";

    static final String LIST_ALL_OLDEST = "SELECT " + COLUMNS + " FROM jobs ORDER BY seq LIMIT ?";
    static final String LIST_ALL_NEWEST = "SELECT " + COLUMNS + " FROM jobs ORDER BY seq DESC LIMIT ?";
    static final String LIST_STATE_OLDEST = "SELECT " + COLUMNS + " FROM jobs WHERE state = ? ORDER BY seq LIMIT ?";
    static final String LIST_STATE_NEWEST = "SELECT " + COLUMNS + " FROM jobs WHERE state = ? ORDER BY seq DESC LIMIT ?";

    /** Kept by the count triggers (V001): a sum over 16 slots per state, never a scan of the jobs. */
    static final String COUNTS = "SELECT state, sum(n) FROM state_counts GROUP BY state";

    // ---- runs ----

    /** Delayed and retrying jobs whose run_at has come join the claim index (index jobs_waiting). */
    static final String PROMOTE = "UPDATE jobs SET ready = true WHERE seq IN (SELECT seq FROM jobs"
            + " WHERE state IN ('pending', 'failed') AND NOT ready AND run_at <= ? ORDER BY run_at LIMIT 1000"
            + " FOR UPDATE SKIP LOCKED)";

    /**
     * The claim, one statement: the first ready jobs in claim order (index jobs_ready, read in
     * its own order), skipping rows another claim holds, become runs of the claiming node.
     */
    static final String CLAIM = "WITH picked AS (SELECT seq FROM jobs WHERE state IN ('pending', 'failed') AND ready"
            + " ORDER BY priority DESC, run_at, seq LIMIT ? FOR UPDATE SKIP LOCKED)"
            + " UPDATE jobs j SET state = 'processing', runs = j.runs + 1, node = ?, started_at = ?, finished_at = NULL,"
            + " updated_at = ? FROM picked WHERE j.seq = picked.seq"
            + " RETURNING j.seq, j.id, j.command, j.attempts, j.runs, j.max_retries, j.priority, j.timeout_ms,"
            + " j.created_at, j.run_at";

    static final String OLDEST_DUE = "SELECT min(run_at) FROM jobs WHERE state IN ('pending', 'failed') AND ready";
    static final String NEXT_DUE = "SELECT min(run_at) FROM jobs WHERE state IN ('pending', 'failed') AND NOT ready";

    /**
     * A run's end applies only to the run it names: the job must still be processing this very
     * run (its number) for this node. A stale node's late end changes nothing.
     */
    static String finish(String state) {
        return "UPDATE jobs SET state = '" + state + "', attempts = attempts + ?, exit_code = ?, last_error = ?,"
                + " finished_at = ?, updated_at = ?, run_at = coalesce(?, run_at), ready = ?"
                + " WHERE seq = ? AND state = 'processing' AND runs = ? AND node IS NOT DISTINCT FROM ?";
    }

    /** Runs in progress; a run whose start was never recorded has no attempt row, hence the outer join. */
    private static final String IN_PROGRESS = "SELECT j.seq, j.id, j.runs, j.node, a.pid, a.pgid, a.proc_start,"
            + " a.boot_id FROM jobs j LEFT JOIN attempts a ON a.job_seq = j.seq AND a.number = j.runs"
            + " WHERE j.state = 'processing'";
    static final String IN_PROGRESS_OF_NODE = IN_PROGRESS + " AND j.node = ?";
    /**
     * Runs whose owner is provably gone: its lease has expired (database clock) or it never
     * registered, and it is not the asking node.
     */
    static final String IN_PROGRESS_ORPHANED = IN_PROGRESS + " AND j.node IS DISTINCT FROM ? AND NOT EXISTS"
            + " (SELECT 1 FROM nodes n WHERE n.id = j.node AND n.lease_until > clock_timestamp())";

    static final String DEAD_JOBS = "SELECT seq, id, runs FROM jobs WHERE state = 'dead' ORDER BY seq";

    static final String CANCEL = "UPDATE jobs SET state = 'dead', last_error = 'cancelled', updated_at = ?"
            + " WHERE seq = ? AND state IN ('pending', 'failed')";

    static final String REVIVE = "UPDATE jobs SET state = 'pending', attempts = 0, run_at = ?, ready = true,"
            + " updated_at = ? WHERE seq = ? AND state = 'dead'";
    static final String REVIVE_ALL = "UPDATE jobs SET state = 'pending', attempts = 0, run_at = ?, ready = true,"
            + " updated_at = ? WHERE state = 'dead'";

    static final String DELETE_DEAD = "DELETE FROM jobs WHERE seq = ? AND state = 'dead'";
    static final String DELETE_ALL_DEAD = "DELETE FROM jobs WHERE state = 'dead' RETURNING seq, id, runs";

    /** Retention: a batch of the oldest jobs of one final state last updated before a time (index jobs_state_seq). */
    static final String PRUNE = "DELETE FROM jobs WHERE seq IN (SELECT seq FROM jobs WHERE state = ? AND updated_at < ?"
            + " ORDER BY seq LIMIT ? FOR UPDATE SKIP LOCKED) RETURNING seq, id, runs";
}
