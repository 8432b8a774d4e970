package dev.queuectl.daemon.store.postgres;

import dev.queuectl.daemon.store.StoreOpenException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The PostgreSQL store's versioned schema. Applied at start-up under a transaction-level
 * advisory lock, so that daemons starting at once migrate once: the first takes the lock and
 * migrates, the others wait for it and then find nothing left to do. A database that holds other
 * tables but no queuectl schema, or a newer schema than this build knows, is refused untouched.
 */
final class PgMigrations {
    /** Index {@code i} holds the script that brings the schema to version {@code i + 1}. */
    static final List<String> SCRIPTS = List.of("V001__init.sql", "V002__queues_dependencies_schedules.sql");
    /** The advisory lock key of migrations: "QCTL" in ASCII. */
    static final long LOCK_KEY = 0x5143544CL;

    private PgMigrations() {
    }

    static int latest() {
        return SCRIPTS.size();
    }

    /** Checks the database and applies what is missing, in one transaction; returns the number of scripts applied. */
    static int apply(PgTx tx, String where) throws SQLException {
        tx.connection().setAutoCommit(false);
        try {
            tx.queryOne("SELECT pg_advisory_xact_lock(?)", ps -> ps.setLong(1, LOCK_KEY), rs -> null);
            int version = currentVersion(tx, where);
            if (version > latest()) {
                throw new StoreOpenException(where + " has queuectl schema version " + version
                        + ", newer than this queuectld understands (" + latest() + "); run a newer queuectld.", null);
            }
            int applied = 0;
            for (int v = version + 1; v <= latest(); v++) {
                for (String statement : statements(load(SCRIPTS.get(v - 1)))) {
                    tx.execute(statement);
                }
                int next = v;
                tx.update("UPDATE queuectl_schema SET version = ?", ps -> ps.setInt(1, next));
                applied++;
            }
            tx.connection().commit();
            return applied;
        } catch (SQLException | RuntimeException e) {
            tx.connection().rollback();
            throw e;
        } finally {
            tx.connection().setAutoCommit(true);
        }
    }

    /** The schema version, 0 for an empty database; refuses a database of another application. */
    private static int currentVersion(PgTx tx, String where) throws SQLException {
        boolean ours = tx.queryOne("SELECT to_regclass('queuectl_schema') IS NOT NULL", ps -> { },
                rs -> rs.getBoolean(1)).orElse(false);
        if (ours) {
            return tx.queryOne("SELECT version FROM queuectl_schema WHERE application = 'queuectl'", ps -> { },
                    rs -> rs.getInt(1)).orElseThrow(() -> new StoreOpenException(where
                    + " has a queuectl_schema table that queuectld did not write; it leaves the database untouched.", null));
        }
        List<String> others = tx.query("SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'v', 'm', 'p', 'f', 'S') ORDER BY 1 LIMIT 5",
                ps -> { }, rs -> rs.getString(1));
        if (!others.isEmpty()) {
            throw new StoreOpenException(where + " is not a queuectl database: it already holds " + String.join(", ", others)
                    + (others.size() == 5 ? ", ..." : "") + ". queuectld leaves it untouched; create a database of its"
                    + " own (CREATE DATABASE queuectl) and point --store at it.", null);
        }
        return 0;
    }

    /**
     * Splits a script into statements: each ends with a semicolon at the end of a line, except
     * inside a dollar-quoted function body. Lines starting with {@code --} are comments.
     */
    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inBody = false;
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (!inBody && (trimmed.isEmpty() || trimmed.startsWith("--"))) {
                continue;
            }
            current.append(line).append('\n');
            int dollars = line.split("\\$\\$", -1).length - 1;
            if (dollars % 2 == 1) {
                inBody = !inBody;
            }
            if (!inBody && trimmed.endsWith(";")) {
                out.add(current.toString().strip());
                current.setLength(0);
            }
        }
        if (current.length() > 0) {
            out.add(current.toString().strip());
        }
        return out;
    }

    private static String load(String name) {
        try (InputStream in = PgMigrations.class.getResourceAsStream("migration/" + name)) {
            if (in == null) {
                throw new IllegalStateException("migration " + name + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
