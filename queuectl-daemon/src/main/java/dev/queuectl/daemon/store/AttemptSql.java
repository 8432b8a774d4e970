package dev.queuectl.daemon.store;

/** The SQL for the {@code attempts} table (one row per run), in one place. */
final class AttemptSql {
    private AttemptSql() {
    }

    static final String FOR_JOB = "SELECT number, started_at, finished_at, outcome, exit_code, error"
            + " FROM attempts WHERE job_seq = ? ORDER BY number";
}
