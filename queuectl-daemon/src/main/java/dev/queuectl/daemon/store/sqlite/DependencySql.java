package dev.queuectl.daemon.store.sqlite;

/** The SQL for dependencies ({@code job_deps}, and the jobs' deps_left and dead_by; V005), in one place. */
final class DependencySql {
    private DependencySql() {
    }

    /** The jobs a new job names in its after list: (seq, id, runs, state). */
    static final String BY_IDS = "SELECT seq, id, runs, state FROM jobs WHERE id IN (SELECT value FROM json_each(?))";

    static final String LINK = "INSERT OR IGNORE INTO job_deps (job_seq, dep_seq, done) VALUES (?, ?, ?)";

    /**
     * A dependency completed: each dependent still counting it has one fewer left, and becomes
     * ready when none are left and its run_at has come. Reads the dependency's rows of job_deps_dep.
     */
    static final String COUNT_DOWN = "UPDATE jobs SET deps_left = deps_left - 1,"
            + " ready = CASE WHEN deps_left = 1 THEN (run_at <= ?) ELSE ready END"
            + " WHERE seq IN (SELECT job_seq FROM job_deps WHERE dep_seq = ? AND done = 0)";
    static final String MARK_DONE = "UPDATE job_deps SET done = 1 WHERE dep_seq = ? AND done = 0";

    /**
     * A dependency is dead: the pending dependents still waiting for it die, naming it. Returns
     * them, for walking on (the walk is a batch per dead job: linear in the jobs it reaches).
     */
    static final String KILL_DEPENDENTS = "UPDATE jobs SET state = 'dead', last_error = 'dependency ' || ? || ' is dead',"
            + " dead_by = ?, held = 0, updated_at = ?, finished_at = ?"
            + " WHERE seq IN (SELECT job_seq FROM job_deps WHERE dep_seq = ? AND done = 0) AND state = 'pending'"
            + " RETURNING seq, id, runs";

    /** A new job whose dependency is already dead is dead at once. */
    static final String BORN_DEAD = "UPDATE jobs SET state = 'dead', last_error = 'dependency ' || ? || ' is dead',"
            + " dead_by = ?, finished_at = ? WHERE seq = ?";

    /** A dependency is back: the jobs its death killed wait again (index jobs_dead_by). */
    static final String REVIVE_KILLED = "UPDATE jobs SET state = 'pending', attempts = 0,"
            + " last_error = NULL, dead_by = NULL, ready = (deps_left > 0 OR run_at <= ?), finished_at = NULL,"
            + " updated_at = ? WHERE dead_by = ? AND state = 'dead' RETURNING seq, id, runs";

    /** A job's dependencies with their states, in the order they were named. */
    static final String DEPENDENCIES = "SELECT j.seq, j.id, j.runs, j.state FROM job_deps e JOIN jobs j"
            + " ON j.seq = e.dep_seq WHERE e.job_seq = ? ORDER BY j.seq LIMIT ?";
    /** The jobs that depend on a job, first enqueued first. */
    static final String DEPENDENTS = "SELECT j.seq, j.id, j.runs, j.state FROM job_deps e JOIN jobs j"
            + " ON j.seq = e.job_seq WHERE e.dep_seq = ? ORDER BY e.job_seq LIMIT ?";

    /** Pending and failed jobs (not held) waiting for dependencies, kept by triggers (V005). */
    static final String WAITING = "SELECT state, n FROM deps_waiting";

    /** Whether a waiting job (pending or failed) depends on the job: purge and retention then keep it. */
    static final String WAITED_ON = "EXISTS (SELECT 1 FROM job_deps e JOIN jobs w ON w.seq = e.job_seq"
            + " WHERE e.dep_seq = jobs.seq AND w.state IN ('pending', 'failed'))";
}
