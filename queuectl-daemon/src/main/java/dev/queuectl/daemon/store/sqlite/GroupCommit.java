package dev.queuectl.daemon.store.sqlite;

import java.sql.SQLException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies one batch of the writer's work in one transaction: each piece inside its own savepoint
 * (so one refused request does not undo its neighbours; a batch of one needs none), then one
 * commit, then every piece's future completes. The synchronous level follows the batch: FULL if
 * any piece is durable, else NORMAL. Writer thread only.
 */
final class GroupCommit {
    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    private final Tx tx;
    /** The connection's current synchronous level. */
    private boolean fullSync = true;

    GroupCommit(Tx tx) {
        this.tx = tx;
    }

    void apply(List<WriteTask<?>> batch) {
        boolean durable = false;
        for (WriteTask<?> t : batch) {
            durable |= t.durable;
        }
        try {
            if (durable != fullSync) {
                tx.executeOnce(durable ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL");
                fullSync = durable;
            }
            tx.execute("BEGIN IMMEDIATE");
        } catch (SQLException e) {
            failAll(batch, e);
            return;
        }
        if (batch.size() == 1) {
            runAlone(batch.get(0));
            return;
        }
        boolean anyApplied = false;
        for (WriteTask<?> task : batch) {
            try {
                tx.execute("SAVEPOINT work");
                try {
                    task.run(tx);
                    tx.execute("RELEASE work");
                    anyApplied = true;
                } catch (SQLException | RuntimeException e) {
                    tx.execute("ROLLBACK TO work");
                    tx.execute("RELEASE work");
                    task.error = SqliteErrors.onWrite(e);
                }
            } catch (SQLException e) {
                // The savepoint machinery itself failed: the transaction is unusable.
                rollbackQuietly();
                failAll(batch, e);
                return;
            }
        }
        try {
            tx.execute("COMMIT");
        } catch (SQLException e) {
            rollbackQuietly();
            failAll(batch, e);
            return;
        }
        if (!anyApplied) {
            log.trace("batch of {} committed with no change", batch.size());
        }
        for (WriteTask<?> task : batch) {
            task.complete();
        }
    }

    /** A batch of one needs no savepoint: if its work fails, the whole transaction is rolled back. */
    private void runAlone(WriteTask<?> task) {
        try {
            task.run(tx);
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly();
            task.error = SqliteErrors.onWrite(e);
            task.complete();
            return;
        }
        try {
            tx.execute("COMMIT");
        } catch (SQLException e) {
            rollbackQuietly();
            failAll(List.of(task), e);
            return;
        }
        task.complete();
    }

    void rollbackQuietly() {
        try {
            tx.execute("ROLLBACK");
        } catch (SQLException ignored) {
            // SQLite may already have rolled back on its own (for example after SQLITE_FULL).
        }
    }

    private void failAll(List<WriteTask<?>> batch, Exception e) {
        RuntimeException error = SqliteErrors.onWrite(e);
        log.warn("store write failed, {} request(s) refused: {}", batch.size(), error.getMessage());
        for (WriteTask<?> task : batch) {
            task.error = task.error != null ? task.error : error;
            task.complete();
        }
    }
}
