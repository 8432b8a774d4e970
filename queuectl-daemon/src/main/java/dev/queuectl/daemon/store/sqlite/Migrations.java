package dev.queuectl.daemon.store.sqlite;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;

/**
 * Versioned schema migrations, applied at start-up in order against {@code PRAGMA user_version},
 * each in its own transaction together with the version bump. A released migration is never
 * edited; a new one is appended to {@link #SCRIPTS}.
 */
final class Migrations {
    /** Index {@code i} holds the script that brings the schema to version {@code i + 1}. */
    static final List<String> SCRIPTS = List.of("V001__init.sql", "V002__nodes.sql", "V003__run_cgroup.sql",
            "V004__job_context.sql", "V005__run_stats.sql");
    /** The file's {@code PRAGMA application_id}: "QCTL". */
    static final int APPLICATION_ID = 0x5143544C;

    private Migrations() {
    }

    static int latest() {
        return SCRIPTS.size();
    }

    /** Applies every script above the file's current version. Returns the number applied. */
    static int apply(Tx tx, int current) throws SQLException {
        int applied = 0;
        for (int version = current + 1; version <= latest(); version++) {
            String script = load(SCRIPTS.get(version - 1));
            tx.executeOnce("BEGIN IMMEDIATE");
            try {
                for (String statement : statements(script)) {
                    tx.executeOnce(statement);
                }
                tx.executeOnce("PRAGMA user_version = " + version);
                tx.executeOnce("COMMIT");
            } catch (SQLException e) {
                tx.executeOnce("ROLLBACK");
                throw new SQLException("migration " + SCRIPTS.get(version - 1) + " failed: " + e.getMessage(), e);
            }
            applied++;
        }
        return applied;
    }

    /**
     * Splits a script into statements: each ends with a semicolon at the end of a line, and a
     * {@code CREATE TRIGGER} ends with {@code END;}. Lines starting with {@code --} are comments.
     */
    static List<String> statements(String script) {
        List<String> out = new java.util.ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            boolean trigger = current.toString().stripLeading().toUpperCase(java.util.Locale.ROOT)
                    .startsWith("CREATE TRIGGER");
            boolean ends = trigger ? trimmed.equalsIgnoreCase("END;") : trimmed.endsWith(";");
            if (ends) {
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
        try (InputStream in = Migrations.class.getResourceAsStream("migration/" + name)) {
            if (in == null) {
                throw new IllegalStateException("migration " + name + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
