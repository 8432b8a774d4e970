package dev.queuectl.daemon.store.sqlite;

/** The SQL for the {@code config} table, in one place. */
final class ConfigSql {
    private ConfigSql() {
    }

    static final String ALL = "SELECT key, value FROM config";
    static final String UPSERT = "INSERT INTO config (key, value) VALUES (?, ?)"
            + " ON CONFLICT (key) DO UPDATE SET value = excluded.value";
}
