package dev.queuectl.daemon.store.sqlite;

import dev.queuectl.daemon.store.StoreOpenException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Opens the SQLite file: checks that it is a queuectl store (never touching a foreign or
 * corrupt file), applies migrations, and hands out connections with the store's pragmas:
 * WAL, {@code synchronous=FULL}, and {@code query_only} for readers.
 */
final class Database {
    private final Path file;

    private Database(Path file) {
        this.file = file;
    }

    static Database open(Path file) {
        Database db = new Database(file);
        db.checkAndMigrate();
        return db;
    }

    /** Bytes the WAL file is truncated to after a checkpoint that found it larger. */
    static final long WAL_SIZE_LIMIT = 16L * 1024 * 1024;

    Path file() {
        return file;
    }

    /**
     * The one writer connection. It checkpoints the WAL itself, inside the commit that takes it
     * past 1000 pages (SQLite's default): a checkpointer on another connection cannot keep up
     * with a writer that never pauses, because the WAL restarts from its beginning only when a
     * write transaction begins on a fully copied WAL, and the file would grow without bound.
     * After a burst the file is cut back to {@value #WAL_SIZE_LIMIT} bytes.
     */
    Tx writer() throws SQLException {
        Connection c = connect(false);
        try (Statement st = c.createStatement()) {
            st.execute("PRAGMA journal_size_limit = " + WAL_SIZE_LIMIT);
        }
        return new Tx(c);
    }

    Tx reader() throws SQLException {
        Connection c = connect(true);
        return new Tx(c);
    }

    private Connection connect(boolean readOnly) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(10_000);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        // The store never asks for generated keys; without this the driver matches every
        // statement's SQL against a pattern and queries last_insert_rowid after each update.
        config.setGetGeneratedKeys(false);
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
        try (Statement st = c.createStatement()) {
            st.execute("PRAGMA journal_mode = WAL");
            if (readOnly) {
                st.execute("PRAGMA query_only = 1");
            }
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    private void checkAndMigrate() {
        boolean existed = Files.exists(file);
        if (!existed) {
            // SQLite gives the -wal and -shm files the database file's mode: keep all three private.
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (java.io.IOException e) {
                throw new StoreOpenException("cannot create the store " + file + ": " + e.getMessage(), e);
            }
        }
        Tx tx;
        try {
            tx = new Tx(DriverManager.getConnection("jdbc:sqlite:" + file, new SQLiteConfig().toProperties()));
        } catch (SQLException e) {
            throw new StoreOpenException("cannot open the store " + file + ": " + e.getMessage(), e);
        }
        try {
            int appId;
            int version;
            int objects;
            try {
                appId = intPragma(tx, "application_id");
                version = intPragma(tx, "user_version");
                objects = tx.queryOne("SELECT count(*) FROM sqlite_master", ps -> { }, rs -> rs.getInt(1)).orElse(0);
            } catch (SQLException e) {
                throw foreign(e);
            }
            if (existed && appId != Migrations.APPLICATION_ID && (appId != 0 || objects > 0 || version != 0)) {
                throw new StoreOpenException(file + " is not a queuectl store (it is some other SQLite database);"
                        + " queuectld leaves it untouched. Move it away or choose another --data-dir.", null);
            }
            if (version > Migrations.latest()) {
                throw new StoreOpenException(file + " has schema version " + version
                        + ", newer than this queuectld understands (" + Migrations.latest()
                        + "); run a newer queuectld.", null);
            }
            tx.executeOnce("PRAGMA journal_mode = WAL");
            tx.executeOnce("PRAGMA synchronous = FULL");
            Migrations.apply(tx, version);
        } catch (SQLException e) {
            throw foreign(e);
        } finally {
            tx.close();
        }
    }

    private StoreOpenException foreign(SQLException e) {
        if (e instanceof SQLiteException) {
            SQLiteErrorCode code = ((SQLiteException) e).getResultCode();
            if (code == SQLiteErrorCode.SQLITE_NOTADB || code == SQLiteErrorCode.SQLITE_CORRUPT) {
                return new StoreOpenException(file + " is not a usable queuectl store (" + code.message
                        + "); queuectld leaves it untouched. Restore it from a backup or move it away.", e);
            }
        }
        return new StoreOpenException("cannot open the store " + file + ": " + e.getMessage(), e);
    }

    private static int intPragma(Tx tx, String name) throws SQLException {
        try (Statement st = tx.connection().createStatement(); ResultSet rs = st.executeQuery("PRAGMA " + name)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }
}
