package dev.queuectl.daemon.store.sqlite;

/** The SQL for the {@code schedules} table (V005), in one place. Bound parameters only. */
final class ScheduleSql {
    private ScheduleSql() {
    }

    private static final String COLUMNS = "s.name, s.cron, s.zone, s.every_ms, s.command, s.queue, s.priority,"
            + " s.max_retries, s.timeout_ms, s.cwd, s.env, s.labels, s.catch_up, s.overlap, s.paused, s.created_at,"
            + " s.next_fire, s.last_fire, s.last_outcome, s.last_job, s.skipped, s.missed, j.state AS last_state";
    private static final String FROM = " FROM schedules s LEFT JOIN jobs j ON j.id = s.last_job";

    static final String ALL = "SELECT " + COLUMNS + FROM + " ORDER BY s.name";
    static final String ONE = "SELECT " + COLUMNS + FROM + " WHERE s.name = ?";
    /** The schedules due at a time, earliest first (index schedules_next). */
    static final String DUE = "SELECT " + COLUMNS + FROM + " WHERE s.paused = 0 AND s.next_fire <= ?"
            + " ORDER BY s.next_fire LIMIT ?";
    static final String NEXT_FIRE = "SELECT min(next_fire) AS next FROM schedules WHERE paused = 0";

    static final String INSERT = "INSERT INTO schedules (name, cron, zone, every_ms, command, queue, priority,"
            + " max_retries, timeout_ms, cwd, env, labels, catch_up, overlap, created_at, next_fire)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** A fire time handled: where the schedule stands now. Conditional on next_fire, so a firing happens once. */
    static final String RECORD = "UPDATE schedules SET next_fire = ?, last_fire = ?, last_outcome = ?,"
            + " last_job = coalesce(?, last_job), skipped = skipped + ?, missed = missed + ?"
            + " WHERE name = ? AND next_fire = ?";
    /** A firing on request: recorded, its times untouched. */
    static final String RECORD_RUN = "UPDATE schedules SET last_fire = ?, last_outcome = 'run', last_job = ?"
            + " WHERE name = ?";
    static final String PAUSE = "UPDATE schedules SET paused = ?, next_fire = ? WHERE name = ?";
    static final String DELETE = "DELETE FROM schedules WHERE name = ?";
}
