package dev.queuectl.daemon.store;

import java.sql.SQLException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies committed WAL frames back into the database file on a thread of its own. SQLite would
 * otherwise do it inside a commit every thousand pages, with two fsyncs, stalling the writer and
 * everyone waiting on it. The writer pokes this thread every few hundred commits; it also runs
 * when idle for a while. PASSIVE checkpoints never block the writer or readers.
 */
final class Checkpointer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Checkpointer.class);
    /** Commits between checkpoints (a commit is a few pages). */
    static final int COMMITS = 256;
    private static final long IDLE_SECONDS = 5;

    private final Tx tx;
    private final Semaphore poke = new Semaphore(0);
    private final Thread thread;
    private volatile boolean closed;

    Checkpointer(Tx tx) {
        this.tx = tx;
        this.thread = new Thread(this::loop, "queuectl-store-checkpoint");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Asks for a checkpoint soon; never blocks. */
    void poke() {
        if (poke.availablePermits() == 0) {
            poke.release();
        }
    }

    private void loop() {
        while (!closed) {
            try {
                poke.tryAcquire(IDLE_SECONDS, TimeUnit.SECONDS);
                poke.drainPermits();
            } catch (InterruptedException e) {
                return;
            }
            if (closed) {
                return;
            }
            try {
                tx.executeOnce("PRAGMA wal_checkpoint(PASSIVE)");
            } catch (SQLException e) {
                log.debug("checkpoint failed: {}", e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        poke.release();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        tx.close();
    }
}
