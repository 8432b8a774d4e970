package dev.queuectl.daemon.store.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A connection with a prepared-statement cache and a few row helpers: the whole JDBC "framework"
 * of the store. Confined to the one thread that owns the connection.
 */
final class Tx {
    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private final Connection connection;
    private final Map<String, PreparedStatement> statements = new HashMap<>();

    Tx(Connection connection) {
        this.connection = connection;
    }

    Connection connection() {
        return connection;
    }

    @FunctionalInterface
    private interface Use<T> {
        T apply(PreparedStatement ps) throws SQLException;
    }

    /**
     * Runs {@code use} on the cached statement for {@code sql}. A statement whose execution failed
     * is dropped from the cache: the driver may have finalized it (after SQLITE_FULL, say), and a
     * dead cached statement would otherwise fail every later use with "statement is not executing".
     */
    private <T> T with(String sql, Use<T> use) throws SQLException {
        PreparedStatement ps = statements.get(sql);
        if (ps == null) {
            ps = connection.prepareStatement(sql);
            statements.put(sql, ps);
        }
        try {
            return use.apply(ps);
        } catch (SQLException | RuntimeException e) {
            statements.remove(sql);
            try {
                ps.close();
            } catch (SQLException ignored) {
                // already unusable
            }
            throw e;
        }
    }

    <T> List<T> query(String sql, Binder binder, RowMapper<T> mapper) throws SQLException {
        return with(sql, ps -> {
            ps.clearParameters();
            binder.bind(ps);
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
            }
            return out;
        });
    }

    <T> Optional<T> queryOne(String sql, Binder binder, RowMapper<T> mapper) throws SQLException {
        return with(sql, ps -> {
            ps.clearParameters();
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(mapper.map(rs)) : Optional.empty();
            }
        });
    }

    int update(String sql, Binder binder) throws SQLException {
        return with(sql, ps -> {
            ps.clearParameters();
            binder.bind(ps);
            return ps.executeUpdate();
        });
    }

    /**
     * A query whose text varies with its input (a filter's shape): prepared for this call only,
     * so such statements never pile up in the cache.
     */
    <T> List<T> queryOnce(String sql, Binder binder, RowMapper<T> mapper) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            binder.bind(ps);
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
            }
            return out;
        }
    }

    /** Runs a statement without results (BEGIN, COMMIT, SAVEPOINT, DDL), prepared once and reused. */
    void execute(String sql) throws SQLException {
        with(sql, PreparedStatement::execute);
    }

    /** Runs a one-off statement (a migration script's), not kept in the cache. */
    void executeOnce(String sql) throws SQLException {
        try (var st = connection.createStatement()) {
            st.execute(sql);
        }
    }

    void close() {
        for (PreparedStatement ps : statements.values()) {
            try {
                ps.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
        statements.clear();
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing anyway
        }
    }

    /** Reads a nullable integer column. */
    static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    static void setNullableLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, java.sql.Types.INTEGER);
        } else {
            ps.setLong(index, value);
        }
    }
}
