package dev.queuectl.daemon.store.sqlite;

/** The SQL for the {@code job_labels} table (one row per label of a job), in one place. */
final class LabelSql {
    private LabelSql() {
    }

    static final String INSERT = "INSERT INTO job_labels (key, job_seq, value) VALUES (?, ?, ?)";

    static final String DELETE = "DELETE FROM job_labels WHERE key = ? AND job_seq = ?";

    /** Jobs carrying a label with that value, within a range of seqs (index job_labels_value). */
    static final String WITH_VALUE = "SELECT job_seq FROM job_labels WHERE key = ? AND value = ?"
            + " AND job_seq BETWEEN ? AND ?";

    /** Jobs carrying a label with any value, within a range of seqs (the primary key). */
    static final String WITH_KEY = "SELECT job_seq FROM job_labels WHERE key = ? AND job_seq BETWEEN ? AND ?";

    /**
     * Distinct keys from a lower bound up to (not including) an upper one, at most a limit: a loose
     * index scan, one primary-key probe per key however many jobs carry it.
     */
    static final String KEYS = "WITH RECURSIVE k(key) AS ("
            + " SELECT (SELECT min(key) FROM job_labels WHERE key >= ?1)"
            + " UNION ALL SELECT (SELECT min(key) FROM job_labels WHERE key > k.key) FROM k"
            + " WHERE k.key IS NOT NULL AND k.key < ?2 LIMIT ?3)"
            + " SELECT key FROM k WHERE key IS NOT NULL AND key < ?2 LIMIT ?3";
}
