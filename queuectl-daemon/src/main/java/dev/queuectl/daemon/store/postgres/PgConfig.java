package dev.queuectl.daemon.store.postgres;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Runtime settings in a shared store: most belong to the cluster ({@code config}); a node's
 * workers and pool switch are its own ({@code node_config}). Runs inside the caller's transaction.
 */
final class PgConfig {
    /** Runtime settings that belong to one node rather than the cluster. */
    static final Set<String> NODE_KEYS = Set.of("workers", "workers_stopped");

    private PgConfig() {
    }

    /** The cluster's settings, with {@code node}'s own over them. */
    static Map<String, String> load(PgTx tx, String node) throws SQLException {
        Map<String, String> values = new LinkedHashMap<>();
        tx.query(PgAttemptSql.CONFIG_ALL, ps -> { }, rs -> values.put(rs.getString(1), rs.getString(2)));
        values.keySet().removeAll(NODE_KEYS);
        tx.query(PgAttemptSql.NODE_CONFIG_ALL, ps -> ps.setString(1, node),
                rs -> values.put(rs.getString(1), rs.getString(2)));
        return values;
    }

    /** Saves {@code values}, each where it belongs; returns whether a cluster-wide setting changed. */
    static boolean save(PgTx tx, String node, Map<String, String> values) throws SQLException {
        boolean shared = false;
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (NODE_KEYS.contains(e.getKey())) {
                tx.update(PgAttemptSql.NODE_CONFIG_UPSERT, ps -> {
                    ps.setString(1, node);
                    ps.setString(2, e.getKey());
                    ps.setString(3, e.getValue());
                });
            } else {
                shared = true;
                tx.update(PgAttemptSql.CONFIG_UPSERT, ps -> {
                    ps.setString(1, e.getKey());
                    ps.setString(2, e.getValue());
                });
            }
        }
        return shared;
    }
}
