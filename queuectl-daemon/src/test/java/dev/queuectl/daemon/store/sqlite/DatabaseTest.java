package dev.queuectl.daemon.store.sqlite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.queuectl.daemon.job.Job;
import dev.queuectl.daemon.job.JobAction;
import dev.queuectl.daemon.job.JobState;
import dev.queuectl.daemon.job.Readiness;
import dev.queuectl.daemon.store.JobStore;
import dev.queuectl.daemon.store.StoreOpenException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store opens only its own files, and never rewrites anyone else's. */
class DatabaseTest {
    @TempDir
    Path tmp;

    @Test
    void aFreshFileGetsTheSchemaAndIsPrivate() throws Exception {
        Path file = tmp.resolve("q.db");
        try (JobStore store = SqliteJobStore.open(file, Clock.systemUTC())) {
            assertEquals(0L, store.counts().join().values().stream().mapToLong(Long::longValue).sum());
        }
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            assertEquals(Migrations.latest(), st.executeQuery("PRAGMA user_version").getInt(1));
            assertEquals(Migrations.APPLICATION_ID, st.executeQuery("PRAGMA application_id").getInt(1));
            assertEquals("wal", st.executeQuery("PRAGMA journal_mode").getString(1));
        }
    }

    @Test
    void aForeignSqliteDatabaseIsRefusedAndLeftUntouched() throws Exception {
        Path file = tmp.resolve("other.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)");
            st.execute("INSERT INTO invoices (total) VALUES (12.5)");
        }
        byte[] before = Files.readAllBytes(file);
        StoreOpenException e = assertThrows(StoreOpenException.class, () -> SqliteJobStore.open(file, Clock.systemUTC()));
        assertTrue(e.getMessage().contains("is not a queuectl store"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void aFileThatIsNotADatabaseIsRefusedAndLeftUntouched() throws Exception {
        Path file = tmp.resolve("garbage.db");
        byte[] garbage = new byte[8192];
        new java.util.Random(7).nextBytes(garbage);
        Files.write(file, garbage);
        StoreOpenException e = assertThrows(StoreOpenException.class, () -> SqliteJobStore.open(file, Clock.systemUTC()));
        assertTrue(e.getMessage().contains("not a usable queuectl store"), e.getMessage());
        assertArrayEquals(garbage, Files.readAllBytes(file));
    }

    @Test
    void aStoreFromANewerVersionIsRefused() throws Exception {
        Path file = tmp.resolve("newer.db");
        SqliteJobStore.open(file, Clock.systemUTC()).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("PRAGMA user_version = " + (Migrations.latest() + 1));
        }
        StoreOpenException e = assertThrows(StoreOpenException.class, () -> SqliteJobStore.open(file, Clock.systemUTC()));
        assertTrue(e.getMessage().contains("newer than this queuectld understands"), e.getMessage());
    }

    @Test
    void aVersion2StoreWithJobsIsMigratedAndItsWaitingJobsCounted() throws Exception {
        Path file = tmp.resolve("v2.db");
        long now = System.currentTimeMillis();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            for (String script : List.of("V001__init.sql", "V002__nodes.sql")) {
                String text = new String(Migrations.class.getResourceAsStream("migration/" + script).readAllBytes(),
                        java.nio.charset.StandardCharsets.UTF_8);
                for (String sql : Migrations.statements(text)) {
                    st.execute(sql);
                }
            }
            st.execute("PRAGMA user_version = 2");
            String insert = "INSERT INTO jobs (id, command, state, max_retries, run_at, ready, created_at, updated_at)"
                    + " VALUES ";
            st.execute(insert + "('due', 'true', 'pending', 0, " + now + ", 1, " + now + ", " + now + ")");
            st.execute(insert + "('later', 'true', 'pending', 0, " + (now + 3_600_000) + ", 0, " + now + ", " + now + ")");
            st.execute(insert + "('retry', 'true', 'failed', 1, " + (now + 3_600_000) + ", 0, " + now + ", " + now + ")");
            st.execute(insert + "('done', 'true', 'completed', 0, " + now + ", 1, " + now + ", " + now + ")");
        }
        try (JobStore store = SqliteJobStore.open(file, Clock.systemUTC())) {
            var waiting = store.waiting().join();
            assertEquals(java.util.Map.of(Readiness.HELD, 0L, Readiness.NOT_DUE, 1L, Readiness.DUE, 1L),
                    waiting.get(JobState.PENDING));
            assertEquals(java.util.Map.of(Readiness.HELD, 0L, Readiness.NOT_DUE, 1L, Readiness.DUE, 0L),
                    waiting.get(JobState.FAILED));
            Job later = store.find("later").join().orElseThrow().job();
            assertEquals(null, later.cwd());
            assertTrue(later.env().isEmpty() && later.labels().isEmpty() && !later.held());
            assertEquals(List.of("due"), store.claim("n", 10).join().stream().map(r -> r.id()).toList());
            store.change(JobAction.HOLD, "later").join();
            assertEquals(1L, store.waiting().join().get(JobState.PENDING).get(Readiness.HELD));
        }
    }

    @Test
    void migrationScriptsSplitIntoStatementsIncludingTriggers() {
        List<String> statements = Migrations.statements("-- c\nCREATE TABLE a (x);\nCREATE TRIGGER t AFTER INSERT ON a BEGIN\n"
                + "  UPDATE a SET x = 1;\n  UPDATE a SET x = 2;\nEND;\nINSERT INTO a VALUES (1);\n");
        assertEquals(3, statements.size());
        assertTrue(statements.get(1).startsWith("CREATE TRIGGER") && statements.get(1).endsWith("END;"));
    }
}
