package dev.queuectl.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * What raw sqlite-jdbc reaches on the same filesystem, as the floor under figures 2 and 3: a
 * fresh SQLite file with the daemon's own schema (its migrations: same tables, indexes and
 * count triggers), {@code journal_mode=WAL}, {@code synchronous=FULL}, and the daemon's INSERT
 * statement, (a) one row per transaction (rate and per-commit latency) and (b) 1000 rows per
 * transaction.
 */
final class SqliteBaseline {
    static final String INSERT = "INSERT INTO jobs (seq, id, command, state, max_retries, priority, run_at,"
            + " timeout_ms, created_at, updated_at) VALUES (?, ?, ?, 'pending', 3, 0, ?, NULL, ?, ?)";

    /** Rates in rows/s; commit latencies of (a) in ms. */
    record Result(double oneRowPerTxRate, Stats oneRowPerTxLatencyMs, int oneRowPerTxRows,
                  double thousandRowsPerTxRate, int thousandRowsPerTxRows) {
    }

    private SqliteBaseline() {
    }

    static Result measure(BenchContext ctx) throws Exception {
        Path dir = ctx.dir("sq");
        Path file = dir.resolve("baseline.db");
        try (Connection c = open(file)) {
            createSchema(ctx.root(), c);
            long[] seq = {0};
            // Warm-up: JIT of the driver path, first pages of the file and the WAL.
            insertOnePerTx(c, seq, 50);
            long[] latencies = insertOnePerTx(c, seq, ctx.sizes().sqliteSingleRows());
            long total = 0;
            for (long l : latencies) {
                total += l;
            }
            double oneRate = latencies.length / (total / 1e9);

            insertPerTx(c, seq, 1000, 5); // warm-up of the batched path
            int rows = ctx.sizes().enqueueJobs();
            long t0 = System.nanoTime();
            insertPerTx(c, seq, 1000, rows / 1000);
            double batchRate = rows / ((System.nanoTime() - t0) / 1e9);
            return new Result(oneRate, Stats.nanosAsMillis(latencies), latencies.length, batchRate, rows);
        } finally {
            BenchContext.deleteTree(dir);
        }
    }

    /** A connection with the daemon's pragmas; checks that WAL and FULL really took effect. */
    static Connection open(Path file) throws SQLException {
        Properties p = new Properties();
        p.setProperty("synchronous", "FULL");
        p.setProperty("busy_timeout", "10000");
        p.setProperty("temp_store", "MEMORY");
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file, p);
        try (Statement st = c.createStatement()) {
            st.execute("PRAGMA journal_mode = WAL");
            st.execute("PRAGMA synchronous = FULL");
            String mode = queryString(st, "PRAGMA journal_mode");
            String sync = queryString(st, "PRAGMA synchronous");
            if (!"wal".equalsIgnoreCase(mode) || !"2".equals(sync)) {
                c.close();
                throw new SQLException("baseline store is not WAL/FULL: journal_mode=" + mode + ", synchronous=" + sync);
            }
        }
        return c;
    }

    private static String queryString(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** The daemon's schema, from its migration scripts in the checkout, applied in order. */
    static void createSchema(Path root, Connection c) throws Exception {
        Path dir = root.resolve("queuectl-daemon/src/main/resources/dev/queuectl/daemon/store/sqlite/migration");
        List<Path> scripts;
        try (var files = Files.list(dir)) {
            scripts = files.filter(p -> p.getFileName().toString().endsWith(".sql")).sorted().toList();
        }
        if (scripts.isEmpty()) {
            throw new IllegalStateException("no migration scripts in " + dir);
        }
        try (Statement st = c.createStatement()) {
            for (Path script : scripts) {
                for (String sql : statements(Files.readString(script, StandardCharsets.UTF_8))) {
                    st.execute(sql);
                }
            }
        }
    }

    /** Statements end with ';' at the end of a line; a trigger ends with a line "END;". */
    private static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String line : script.split("\n")) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("--")) {
                continue;
            }
            cur.append(line).append('\n');
            boolean trigger = cur.toString().stripLeading().toUpperCase(java.util.Locale.ROOT).startsWith("CREATE TRIGGER");
            if (trigger ? t.equalsIgnoreCase("END;") : t.endsWith(";")) {
                out.add(cur.toString().strip());
                cur.setLength(0);
            }
        }
        return out;
    }

    /** Autocommit: each INSERT is its own durable transaction. Returns each one's latency (ns). */
    private static long[] insertOnePerTx(Connection c, long[] seq, int rows) throws SQLException {
        long[] lat = new long[rows];
        c.setAutoCommit(true);
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (int i = 0; i < rows; i++) {
                long t0 = System.nanoTime();
                bind(ps, ++seq[0]);
                ps.executeUpdate();
                lat[i] = System.nanoTime() - t0;
            }
        }
        return lat;
    }

    private static void insertPerTx(Connection c, long[] seq, int perTx, int transactions) throws SQLException {
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (int t = 0; t < transactions; t++) {
                for (int i = 0; i < perTx; i++) {
                    bind(ps, ++seq[0]);
                    ps.executeUpdate();
                }
                c.commit();
            }
        } finally {
            c.setAutoCommit(true);
        }
    }

    private static void bind(PreparedStatement ps, long seq) throws SQLException {
        long now = System.currentTimeMillis();
        ps.setLong(1, seq);
        ps.setString(2, Long.toString(seq));
        ps.setString(3, "true");
        ps.setLong(4, now);
        ps.setLong(5, now);
        ps.setLong(6, now);
    }
}
