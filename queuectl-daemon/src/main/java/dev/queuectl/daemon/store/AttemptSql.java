package dev.queuectl.daemon.store;

/** The SQL for the {@code attempts} table (one row per run), in one place. */
final class AttemptSql {
    private AttemptSql() {
    }

    static final String FOR_JOB = "SELECT number, started_at, finished_at, outcome, exit_code, error"
            + " FROM attempts WHERE job_seq = ? ORDER BY number";

    static final String START = "INSERT INTO attempts (job_seq, number, started_at) VALUES (?, ?, ?)";

    static final String RECORD_PROCESS = "UPDATE attempts SET pid = ?, pgid = ?, proc_start = ?, boot_id = ?"
            + " WHERE job_seq = ? AND number = ?";

    static final String FINISH = "UPDATE attempts SET finished_at = ?, outcome = ?, exit_code = ?, error = ?,"
            + " output_dropped = ? WHERE job_seq = ? AND number = ? AND outcome IS NULL";

    static final String OUTPUT_DROPPED = "SELECT output_dropped, outcome IS NULL FROM attempts WHERE job_seq = ? AND number = ?";

    static final String DELETE_FOR_JOB = "DELETE FROM attempts WHERE job_seq = ?";
}
