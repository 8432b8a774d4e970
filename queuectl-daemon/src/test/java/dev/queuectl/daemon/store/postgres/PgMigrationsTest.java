package dev.queuectl.daemon.store.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.queuectl.daemon.TestClock;
import dev.queuectl.daemon.job.NewJob;
import dev.queuectl.daemon.store.StoreOpenException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** Opening a database: migrated once however many daemons start at once; foreign and newer databases refused untouched. */
class PgMigrationsTest {
    private final TestPostgres pg = TestPostgres.get();

    @Test
    void daemonsStartingAtOnceMigrateOnceAndAllWork() throws Exception {
        String db = pg.createDatabase();
        int n = 5;
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<PostgresJobStore>> opening = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String node = "n" + i;
            opening.add(CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return PostgresJobStore.open(pg.options(db, java.time.Duration.ofSeconds(30)), new TestClock(), node);
            }));
        }
        go.countDown();
        List<PostgresJobStore> stores = new ArrayList<>();
        for (var f : opening) {
            stores.add(f.join());
        }
        try {
            for (int i = 0; i < n; i++) {
                stores.get(i).enqueue(new NewJob("j" + i, "true", 0, 0, null, null)).join();
            }
            assertEquals(n, stores.get(0).counts().join().values().stream().mapToLong(Long::longValue).sum());
            try (Connection c = pg.connect(db); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT version, (SELECT count(*) FROM queuectl_schema) FROM queuectl_schema")) {
                rs.next();
                assertEquals(PgMigrations.latest(), rs.getInt(1));
                assertEquals(1, rs.getInt(2));
            }
        } finally {
            stores.forEach(PostgresJobStore::close);
        }
    }

    @Test
    void aDatabaseOfAnotherApplicationIsRefusedAndLeftUntouched() throws Exception {
        String db = pg.createDatabase();
        try (Connection c = pg.connect(db); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE invoices (id int PRIMARY KEY)");
            st.execute("INSERT INTO invoices VALUES (1), (2)");
        }
        StoreOpenException e = assertThrows(StoreOpenException.class,
                () -> PostgresJobStore.open(pg.options(db, java.time.Duration.ofSeconds(30)), new TestClock(), "n"));
        assertTrue(e.getMessage().contains("is not a queuectl database") && e.getMessage().contains("invoices"),
                e.getMessage());
        try (Connection c = pg.connect(db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT (SELECT count(*) FROM invoices),"
                     + " (SELECT count(*) FROM pg_tables WHERE schemaname = 'public')")) {
            rs.next();
            assertEquals(2, rs.getInt(1));
            assertEquals(1, rs.getInt(2), "no table was added");
        }
    }

    @Test
    void aDatabaseOfANewerQueuectlIsRefusedAndLeftUntouched() throws Exception {
        String db = pg.createDatabase();
        PostgresJobStore.open(pg.options(db, java.time.Duration.ofSeconds(30)), new TestClock(), "n").close();
        try (Connection c = pg.connect(db); Statement st = c.createStatement()) {
            st.execute("UPDATE queuectl_schema SET version = 99");
        }
        StoreOpenException e = assertThrows(StoreOpenException.class,
                () -> PostgresJobStore.open(pg.options(db, java.time.Duration.ofSeconds(30)), new TestClock(), "n"));
        assertTrue(e.getMessage().contains("schema version 99") && e.getMessage().contains("newer"), e.getMessage());
        try (Connection c = pg.connect(db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT version FROM queuectl_schema")) {
            rs.next();
            assertEquals(99, rs.getInt(1));
        }
    }

    @Test
    void anUnreachableServerIsAClearStartUpError() {
        PgOptions nowhere = pg.options("postgres", java.time.Duration.ofSeconds(30)).withUrl("jdbc:postgresql://127.0.0.1:1/queuectl");
        StoreOpenException e = assertThrows(StoreOpenException.class,
                () -> PostgresJobStore.open(nowhere, new TestClock(), "n"));
        assertTrue(e.getMessage().contains("cannot open the database postgresql://127.0.0.1:1/queuectl")
                && e.getMessage().contains("reachable"), e.getMessage());
    }

    @Test
    void scriptsSplitIntoStatementsKeepFunctionBodiesWhole() {
        List<String> s = PgMigrations.statements("CREATE TABLE a (x int);\n-- note\nCREATE FUNCTION f() RETURNS trigger"
                + " LANGUAGE plpgsql AS $$\nBEGIN\n    UPDATE a SET x = 1;\n    RETURN NULL;\nEND $$;\nSELECT 1;\n");
        assertEquals(3, s.size());
        assertTrue(s.get(1).contains("RETURN NULL;") && s.get(1).endsWith("END $$;"), s.get(1));
    }
}
