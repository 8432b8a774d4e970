package dev.queuectl.daemon.store.sqlite;

/** The SQL for the {@code attempts} table (one row per run), in one place. */
final class AttemptSql {
    private AttemptSql() {
    }

    static final String FOR_JOB = "SELECT number, node, started_at, finished_at, outcome, exit_code, error"
            + " FROM attempts WHERE job_seq = ? ORDER BY number";

    /** A run's row, written once its processes exist (or at its end, if it never started). */
    static final String START = "INSERT OR IGNORE INTO attempts (job_seq, number, node, started_at, pid, pgid,"
            + " proc_start, boot_id, cgroup) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    static final String FINISH = "UPDATE attempts SET finished_at = ?, outcome = ?, exit_code = ?, error = ?,"
            + " output_dropped = ? WHERE job_seq = ? AND number = ? AND outcome IS NULL";

    /** The end of a run whose start was never recorded (it could not start, or a crash came first). */
    static final String FINISH_UNSTARTED = "INSERT OR IGNORE INTO attempts (job_seq, number, node, started_at,"
            + " finished_at, outcome, exit_code, error, output_dropped) VALUES (?, ?,"
            + " (SELECT node FROM jobs WHERE seq = ?), (SELECT started_at FROM jobs WHERE seq = ?), ?, ?, ?, ?, ?)";

    static final String OUTPUT_DROPPED = "SELECT output_dropped, outcome IS NULL FROM attempts WHERE job_seq = ? AND number = ?";

    static final String OUTCOME = "SELECT outcome FROM attempts WHERE job_seq = ? AND number = ?";

    static final String DELETE_FOR_JOB = "DELETE FROM attempts WHERE job_seq = ?";

    /** The history of several jobs, their seqs a JSON array. */
    static final String DELETE_FOR_JOBS = "DELETE FROM attempts WHERE job_seq IN (SELECT value FROM json_each(?))";
}
