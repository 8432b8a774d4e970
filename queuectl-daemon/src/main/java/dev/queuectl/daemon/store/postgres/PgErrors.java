package dev.queuectl.daemon.store.postgres;

import dev.queuectl.daemon.store.StorageException;
import dev.queuectl.daemon.store.StoreException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns what PostgreSQL, the driver and the pool throw into the store contract's exceptions. */
final class PgErrors {
    private static final Logger log = LoggerFactory.getLogger(PgErrors.class);

    private PgErrors() {
    }

    /** Whether the statement may simply be tried again: a serialization failure or a deadlock. */
    static boolean retryable(SQLException e) {
        String state = e.getSQLState();
        return "40001".equals(state) || "40P01".equals(state);
    }

    /** Whether the database could not be reached (lost connection, pool timeout, server shutting down). */
    static boolean unreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException) {
                String state = ((SQLException) t).getSQLState();
                if (state != null && (state.startsWith("08") || state.startsWith("57P") || state.equals("53300"))) {
                    return true;
                }
                // The pool's own refusals: a connection it already closed, or the pool closing.
                String message = String.valueOf(t.getMessage());
                if (state == null && (message.contains("Connection is closed") || message.contains("has been closed"))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** What a requester is told; a {@link StoreException} passes through unchanged. */
    static RuntimeException map(Exception e, boolean write) {
        if (e instanceof StoreException) {
            return (StoreException) e;
        }
        if (unreachable(e)) {
            return new StorageException(write ? StorageException.Kind.WRITE_FAILED : StorageException.Kind.READ_FAILED,
                    "the PostgreSQL database cannot be reached (" + rootMessage(e) + "); queuectld reconnects by itself", e);
        }
        if (e instanceof SQLException) {
            SQLException s = (SQLException) e;
            String state = String.valueOf(s.getSQLState());
            if (state.equals("53100")) {
                return new StorageException(StorageException.Kind.DISK_FULL, "the database server's disk is full", e);
            }
            if (state.equals("25006")) {
                return new StorageException(StorageException.Kind.READ_ONLY, "the database is read-only", e);
            }
            log.error("unexpected database error", e);
            return new StorageException(write ? StorageException.Kind.WRITE_FAILED : StorageException.Kind.READ_FAILED,
                    String.valueOf(e.getMessage()), e);
        }
        if (e instanceof RuntimeException) {
            log.error("unexpected error in store work", e);
            return (RuntimeException) e;
        }
        return new IllegalStateException(e);
    }

    static StorageException closed() {
        return new StorageException(StorageException.Kind.UNAVAILABLE, "the store is closed", null);
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
    }
}
