package dev.queuectl.daemon.store.postgres;

/** The SQL of dependencies ({@code job_deps}, and the jobs' deps_left and dead_by; V002), in one place. */
final class PgDepSql {
    private PgDepSql() {
    }

    static final String BY_IDS = "SELECT seq, id, runs, state FROM jobs WHERE id = ANY (?::text[])";

    static final String LINK = "INSERT INTO job_deps (job_seq, dep_seq, done)"
            + " SELECT ?, d, x FROM unnest(?::bigint[], ?::boolean[]) AS u (d, x) ON CONFLICT DO NOTHING";
    /** A new job's count of dependencies still to complete; it stays ready (so out of the not-due count). */
    static final String SET_LEFT = "UPDATE jobs SET deps_left = ?, ready = true WHERE seq = ?";

    static final String COUNT_DOWN = "UPDATE jobs SET deps_left = deps_left - 1,"
            + " ready = CASE WHEN deps_left = 1 THEN run_at <= ? ELSE ready END"
            + " WHERE seq IN (SELECT job_seq FROM job_deps WHERE dep_seq = ? AND NOT done)";
    static final String MARK_DONE = "UPDATE job_deps SET done = true WHERE dep_seq = ? AND NOT done";

    static final String KILL_DEPENDENTS = "UPDATE jobs SET state = 'dead', last_error = 'dependency ' || ? || ' is dead',"
            + " dead_by = ?, held = false, updated_at = ?, finished_at = ?"
            + " WHERE seq IN (SELECT job_seq FROM job_deps WHERE dep_seq = ? AND NOT done) AND state = 'pending'"
            + " RETURNING seq, id, runs";
    static final String BORN_DEAD = "UPDATE jobs SET state = 'dead', last_error = 'dependency ' || ? || ' is dead',"
            + " dead_by = ?, finished_at = ? WHERE seq = ?";
    static final String REVIVE_KILLED = "UPDATE jobs SET state = 'pending', attempts = 0, last_error = NULL,"
            + " dead_by = NULL, ready = (deps_left > 0 OR run_at <= ?), finished_at = NULL, updated_at = ?"
            + " WHERE dead_by = ? AND state = 'dead' RETURNING seq, id, runs";

    static final String DEPENDENCIES = "SELECT j.seq, j.id, j.runs, j.state FROM job_deps e JOIN jobs j"
            + " ON j.seq = e.dep_seq WHERE e.job_seq = ? ORDER BY j.seq LIMIT ?";
    static final String DEPENDENTS = "SELECT j.seq, j.id, j.runs, j.state FROM job_deps e JOIN jobs j"
            + " ON j.seq = e.job_seq WHERE e.dep_seq = ? ORDER BY e.job_seq LIMIT ?";

    /** Pending and failed jobs (not held) waiting for dependencies, per state (index jobs_deps_waiting). */
    static final String WAITING = "SELECT state, count(*) FROM jobs WHERE deps_left > 0 AND NOT held"
            + " AND state IN ('pending', 'failed') GROUP BY state";

    /** Whether a waiting job (pending or failed) depends on the job: purge and retention then keep it. */
    static final String WAITED_ON = "EXISTS (SELECT 1 FROM job_deps e JOIN jobs w ON w.seq = e.job_seq"
            + " WHERE e.dep_seq = jobs.seq AND w.state IN ('pending', 'failed'))";
}
