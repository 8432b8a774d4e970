package dev.queuectl.daemon.store.sqlite;

import dev.queuectl.daemon.store.StorageException;
import dev.queuectl.daemon.store.StoreException;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Turns what SQLite and the driver throw into the store contract's exceptions. */
final class SqliteErrors {
    private static final Logger log = LoggerFactory.getLogger(SqliteErrors.class);

    private SqliteErrors() {
    }

    /** What a write's requester is told; a {@link StoreException} passes through unchanged. */
    static RuntimeException onWrite(Exception e) {
        if (e instanceof StoreException) {
            return (StoreException) e;
        }
        if (e instanceof SQLiteException) {
            SQLiteErrorCode code = ((SQLiteException) e).getResultCode();
            switch (code) {
                case SQLITE_FULL:
                    return new StorageException(StorageException.Kind.DISK_FULL, code.message, e);
                case SQLITE_READONLY:
                case SQLITE_READONLY_DBMOVED:
                case SQLITE_READONLY_RECOVERY:
                case SQLITE_READONLY_CANTLOCK:
                case SQLITE_CANTOPEN:
                    return new StorageException(StorageException.Kind.READ_ONLY, code.message, e);
                default:
                    if (code.name().startsWith("SQLITE_IOERR")) {
                        return new StorageException(StorageException.Kind.WRITE_FAILED, code.message, e);
                    }
                    break;
            }
        }
        if (e instanceof SQLException) {
            log.error("unexpected store error", e);
            return new StorageException(StorageException.Kind.WRITE_FAILED, String.valueOf(e.getMessage()), e);
        }
        if (e instanceof RuntimeException) {
            log.error("unexpected error in store work", e);
            return (RuntimeException) e;
        }
        return new IllegalStateException(e);
    }

    /** What a read's requester is told. */
    static RuntimeException onRead(Exception e) {
        if (e instanceof StoreException) {
            return (StoreException) e;
        }
        log.error("store read failed", e);
        return new StorageException(StorageException.Kind.READ_FAILED, String.valueOf(e.getMessage()), e);
    }

    static StorageException writerStopped() {
        return new StorageException(StorageException.Kind.UNAVAILABLE,
                "the store writer stopped after an internal failure; queuectld is stopping to be restarted", null);
    }

    static StorageException closed() {
        return new StorageException(StorageException.Kind.UNAVAILABLE, "the store is closed", null);
    }

    /** Whether a failed insert hit a unique key (a duplicate id). */
    static boolean isUniqueViolation(SQLException e) {
        if (!(e instanceof SQLiteException)) {
            return false;
        }
        SQLiteErrorCode code = ((SQLiteException) e).getResultCode();
        return code == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE
                || code == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY
                || (code == SQLiteErrorCode.SQLITE_CONSTRAINT && String.valueOf(e.getMessage()).contains("UNIQUE"));
    }
}
