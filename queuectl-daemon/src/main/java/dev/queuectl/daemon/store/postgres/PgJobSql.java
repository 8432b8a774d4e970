package dev.queuectl.daemon.store.postgres;

import dev.queuectl.daemon.job.JobAction;

/** The SQL of the {@code jobs} table, in one place. Bound parameters only. */
final class PgJobSql {
    private PgJobSql() {
    }

    private static final String BASE_COLUMNS = "seq, id, command, state, attempts, runs, max_retries, priority,"
            + " run_at, timeout_ms, created_at, updated_at, started_at, finished_at, exit_code, last_error, cwd,"
            + " labels::text AS labels, held, queue, deps_left";
    /** Every column, the environment's values included. */
    static final String COLUMNS = BASE_COLUMNS + ", env::text AS env";
    /** Every column, the environment as its names only (a JSON array, in order): what listings show. */
    static final String LIST_COLUMNS = BASE_COLUMNS
            + ", (SELECT json_agg(e.key)::text FROM json_each_text(env) e) AS env";

    /** n sequence numbers at once: ids are generated from them, never from a counter in a daemon. */
    static final String NEXT_SEQS = "SELECT nextval(pg_get_serial_sequence('jobs', 'seq')) FROM generate_series(1, ?)";

    /**
     * Inserts rows given as parallel arrays (seq, id, command, max_retries, priority, run_at,
     * timeout_ms, cwd, env and labels as JSON text) with the commit time {@code now}; an id that is
     * taken inserts nothing and is missing from the result, so one statement serves any number of
     * rows and never fails on a duplicate.
     */
    static final String INSERT = "INSERT INTO jobs (seq, id, command, state, max_retries, priority, run_at, ready,"
            + " timeout_ms, created_at, updated_at, cwd, env, labels, queue)"
            + " SELECT s, i, c, 'pending', m, p, r, r <= ?, t, ?, ?, w, e::json, l::json, q"
            + " FROM unnest(?::bigint[], ?::text[], ?::text[], ?::int[], ?::int[], ?::bigint[], ?::bigint[],"
            + " ?::text[], ?::text[], ?::text[], ?::text[]) AS u (s, i, c, m, p, r, t, w, e, l, q)"
            + " ON CONFLICT (id) DO NOTHING RETURNING seq";

    /** Label rows of inserted jobs, as parallel arrays (seq, key, value); those of jobs not inserted are skipped. */
    static final String INSERT_LABELS = "INSERT INTO job_labels (job_seq, key, value)"
            + " SELECT s, k, v FROM unnest(?::bigint[], ?::text[], ?::text[]) AS u (s, k, v)"
            + " WHERE s = ANY (?::bigint[])";
    static final String DELETE_LABELS = "DELETE FROM job_labels WHERE job_seq = ?";

    static final String DELETE_SEQS = "DELETE FROM jobs WHERE seq = ANY (?::bigint[])";

    static final String BY_ID = "SELECT " + COLUMNS + " FROM jobs WHERE id = ?";
    static final String STATE_OF = "SELECT state FROM jobs WHERE id = ?";
    static final String SEQ_STATE_BY_ID = "SELECT seq, state, runs FROM jobs WHERE id = ?";

    /** Kept by the count triggers (V001): a sum over 16 slots per state, never a scan of the jobs. */
    static final String COUNTS = "SELECT state, sum(n) FROM state_counts GROUP BY state";
    /** Held and not-due jobs per state, kept by the same triggers; the rest of a waiting state is due. */
    static final String WAITING = "SELECT state, readiness, sum(n) FROM wait_counts GROUP BY state, readiness";
    /** The highest seq handed out so far (the primary key's last entry). */
    static final String LAST_SEQ = "SELECT seq FROM jobs ORDER BY seq DESC LIMIT 1";
    /** The candidates of an action on named jobs, locked for the transaction. */
    static final String CANDIDATES_BY_IDS = "SELECT seq, id, runs, state, held FROM jobs WHERE id = ANY (?::text[])"
            + " ORDER BY seq FOR UPDATE";
    static final String READY_OF = "SELECT ready FROM jobs WHERE seq = ?";

    /** Ids in a prefix range (bounds from the prefix; ids sort bytewise), by the id index, newest of those read first. */
    static String idsWithPrefix(String stateCondition) {
        return "SELECT id FROM (SELECT seq, id FROM jobs WHERE id >= ? AND id < ?" + stateCondition
                + " ORDER BY id LIMIT 2000) t ORDER BY seq DESC LIMIT ?";
    }

    static final String LABEL_KEYS = "SELECT DISTINCT key FROM (SELECT key FROM job_labels WHERE key >= ? AND key < ?"
            + " ORDER BY key LIMIT 10000) t ORDER BY key LIMIT ?";

    // ---- runs ----

    /** Delayed and retrying jobs whose run_at has come join the claim index (index jobs_waiting). */
    static final String PROMOTE = "UPDATE jobs SET ready = true WHERE seq IN (SELECT seq FROM jobs"
            + " WHERE state IN ('pending', 'failed') AND NOT ready AND NOT held AND deps_left = 0 AND run_at <= ?"
            + " ORDER BY run_at"
            + " LIMIT 1000 FOR UPDATE SKIP LOCKED)";

    /**
     * The claim of one open queue, one statement: its first ready jobs that are not held and wait
     * for no dependency, in claim order (index jobs_ready, led by the queue, whose predicate this
     * is, read in its own order), skipping rows another claim holds, become runs of the claiming node.
     */
    static final String CLAIM = "WITH picked AS (SELECT seq FROM jobs WHERE queue = ? AND state IN ('pending', 'failed')"
            + " AND ready AND NOT held AND deps_left = 0 ORDER BY priority DESC, run_at, seq LIMIT ?"
            + " FOR UPDATE SKIP LOCKED)"
            + " UPDATE jobs j SET state = 'processing', runs = j.runs + 1, node = ?, started_at = ?, finished_at = NULL,"
            + " updated_at = ? FROM picked WHERE j.seq = picked.seq"
            + " RETURNING j.seq, j.id, j.command, j.attempts, j.runs, j.max_retries, j.priority, j.timeout_ms,"
            + " j.created_at, j.run_at, j.cwd, j.env::text AS env, j.queue";

    /** The first claimable jobs of one queue, read without taking them: a claim across several queues merges these. */
    static final String PEEK = "SELECT seq, priority, run_at FROM jobs WHERE queue = ? AND state IN ('pending', 'failed')"
            + " AND ready AND NOT held AND deps_left = 0 ORDER BY priority DESC, run_at, seq LIMIT ?";

    /** The claim of jobs picked by {@link #PEEK}: those still claimable, skipping rows another claim holds. */
    static final String CLAIM_SEQS = "WITH picked AS (SELECT seq FROM jobs WHERE seq = ANY (?::bigint[])"
            + " AND state IN ('pending', 'failed') AND ready AND NOT held AND deps_left = 0 FOR UPDATE SKIP LOCKED)"
            + " UPDATE jobs j SET state = 'processing', runs = j.runs + 1, node = ?, started_at = ?, finished_at = NULL,"
            + " updated_at = ? FROM picked WHERE j.seq = picked.seq"
            + " RETURNING j.seq, j.id, j.command, j.attempts, j.runs, j.max_retries, j.priority, j.timeout_ms,"
            + " j.created_at, j.run_at, j.cwd, j.env::text AS env, j.queue";

    static final String OLDEST_DUE = "SELECT min(run_at) FROM jobs WHERE state IN ('pending', 'failed') AND ready"
            + " AND NOT held AND deps_left = 0";
    static final String NEXT_DUE = "SELECT min(run_at) FROM jobs WHERE state IN ('pending', 'failed') AND NOT ready"
            + " AND NOT held AND deps_left = 0";

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
            + " a.boot_id, a.cgroup FROM jobs j LEFT JOIN attempts a ON a.job_seq = j.seq AND a.number = j.runs"
            + " WHERE j.state = 'processing'";
    static final String IN_PROGRESS_OF_NODE = IN_PROGRESS + " AND j.node = ?";
    /**
     * Runs whose owner is provably gone: its lease has expired (database clock) or it never
     * registered, and it is not the asking node.
     */
    static final String IN_PROGRESS_ORPHANED = IN_PROGRESS + " AND j.node IS DISTINCT FROM ? AND NOT EXISTS"
            + " (SELECT 1 FROM nodes n WHERE n.id = j.node AND n.lease_until > clock_timestamp())";

    /**
     * An action on request applied to jobs already read and locked (seqs bound as an array), each
     * still in a state it applies to; returns what they were.
     */
    static String change(JobAction action) {
        String target = " WHERE seq = ANY (?::bigint[]) AND state IN " + PgStates.list(action.from());
        switch (action) {
            case CANCEL:
                return "UPDATE jobs SET state = 'dead', last_error = 'cancelled', held = false, updated_at = ?" + target
                        + " RETURNING seq, id, runs";
            case RERUN:
            case RETRY:
                return "UPDATE jobs SET state = 'pending', attempts = 0, held = false, ready = true, dead_by = NULL,"
                        + " updated_at = ?, run_at = ?" + target + " RETURNING seq, id, runs";
            case HOLD:
                return "UPDATE jobs SET held = true, updated_at = ?" + target + " AND NOT held RETURNING seq, id, runs";
            case RELEASE:
                return "UPDATE jobs SET held = false, updated_at = ?, ready = (deps_left > 0 OR run_at <= ?)" + target
                        + " AND held RETURNING seq, id, runs";
            case PURGE:
                return "DELETE FROM jobs" + target + " AND NOT " + PgDepSql.WAITED_ON + " RETURNING seq, id, runs";
            default:
                throw new IllegalArgumentException(action.name());
        }
    }

    /** An edit: every field a job may change while it waits, written at once. */
    static final String EDIT = "UPDATE jobs SET command = ?, priority = ?, run_at = ?, ready = ?, timeout_ms = ?,"
            + " max_retries = ?, cwd = ?, labels = ?::json, env = ?::json, updated_at = ?"
            + " WHERE seq = ? AND state IN ('pending', 'failed')";

    static final String DELETE_DEAD = "DELETE FROM jobs WHERE seq = ? AND state = 'dead'";

    /** Retention: a batch of the oldest jobs of one final state last updated before a time (index jobs_state_seq). */
    static final String PRUNE = "DELETE FROM jobs WHERE seq IN (SELECT seq FROM jobs WHERE state = ? AND updated_at < ?"
            + " AND NOT " + PgDepSql.WAITED_ON + " ORDER BY seq LIMIT ? FOR UPDATE SKIP LOCKED) RETURNING seq, id, runs";
    /** Jobs retention would delete but keeps, because waiting jobs depend on them. */
    static final String PRUNE_KEPT = "SELECT count(*) FROM jobs WHERE state = ? AND updated_at < ? AND "
            + PgDepSql.WAITED_ON;
}
