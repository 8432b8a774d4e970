package dev.queuectl.daemon.store.postgres;

/** The SQL of the {@code attempts} (one row per run) and {@code config} tables, in one place. */
final class PgAttemptSql {
    private PgAttemptSql() {
    }

    static final String FOR_JOB = "SELECT number, node, started_at, finished_at, outcome, exit_code, error"
            + " FROM attempts WHERE job_seq = ? ORDER BY number";

    static final String START = "INSERT INTO attempts (job_seq, number, node, started_at, pid, pgid, proc_start, boot_id,"
            + " cgroup) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";

    static final String OUTCOME = "SELECT outcome FROM attempts WHERE job_seq = ? AND number = ?";

    static final String FINISH = "UPDATE attempts SET finished_at = ?, outcome = ?, exit_code = ?, error = ?,"
            + " output_dropped = ? WHERE job_seq = ? AND number = ? AND outcome IS NULL";

    /**
     * The end of a run whose start was not recorded yet (it could not start, a crash came first,
     * or its start is being written by another transaction right now: then this waits for it and
     * completes the row it wrote).
     */
    static final String FINISH_UNSTARTED = "INSERT INTO attempts (job_seq, number, node, started_at, finished_at,"
            + " outcome, exit_code, error, output_dropped) SELECT seq, ?, node, coalesce(started_at, ?), ?, ?, ?, ?, ?"
            + " FROM jobs WHERE seq = ? ON CONFLICT (job_seq, number) DO UPDATE SET finished_at = excluded.finished_at,"
            + " outcome = excluded.outcome, exit_code = excluded.exit_code, error = excluded.error,"
            + " output_dropped = excluded.output_dropped WHERE attempts.outcome IS NULL";

    static final String OUTPUT_DROPPED = "SELECT output_dropped FROM attempts WHERE job_seq = ? AND number = ?";

    static final String CONFIG_ALL = "SELECT key, value FROM config";
    static final String CONFIG_UPSERT = "INSERT INTO config (key, value) VALUES (?, ?)"
            + " ON CONFLICT (key) DO UPDATE SET value = excluded.value";
    static final String NODE_CONFIG_ALL = "SELECT key, value FROM node_config WHERE node = ?";
    static final String NODE_CONFIG_UPSERT = "INSERT INTO node_config (node, key, value) VALUES (?, ?, ?)"
            + " ON CONFLICT (node, key) DO UPDATE SET value = excluded.value";
}
