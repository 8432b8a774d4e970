package dev.queuectl.daemon.store.sqlite;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one writer connection, with group commit: work submitted from any thread queues up, and
 * the writer thread applies everything waiting in one transaction, each piece inside its own
 * savepoint (so one refused request does not undo its neighbours), then commits once. A
 * submission's future completes only after that commit is durable ({@code synchronous=FULL}).
 *
 * <p>Futures complete on the writer thread; callers must not block in their continuations.
 */
final class StoreWriter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StoreWriter.class);
    /** Upper bound of work items per transaction; keeps a commit's latency bounded under load. */
    private static final int MAX_BATCH = 2_000;

    @FunctionalInterface
    interface Work<T> {
        T run(Tx tx) throws SQLException;
    }

    private static final class Task<T> {
        final Work<T> work;
        final boolean durable;
        final long createdNanos = System.nanoTime();
        final CompletableFuture<T> future = new CompletableFuture<>();
        T value;
        RuntimeException error;

        Task(Work<T> work, boolean durable) {
            this.work = work;
            this.durable = durable;
        }

        void run(Tx tx) throws SQLException {
            value = work.run(tx);
        }

        void complete() {
            if (error != null) {
                future.completeExceptionally(error);
            } else {
                future.complete(value);
            }
        }
    }

    private static final Task<Void> STOP = new Task<>(tx -> null, true);
    private static final Task<Void> WAKE = new Task<>(tx -> null, false);

    private final LinkedBlockingQueue<Task<?>> queue = new LinkedBlockingQueue<>();
    /** Work that rides along with the next transaction; touched by the writer thread only after queueing. */
    private final java.util.concurrent.ConcurrentLinkedQueue<Task<?>> deferred = new java.util.concurrent.ConcurrentLinkedQueue<>();
    /** How long deferred work may wait for company before it is committed alone. */
    private static final long DEFER_MS = 20;
    private final Tx tx;
    private final Thread thread;
    private volatile boolean closed;
    /** The connection's current synchronous level; writer thread only. */
    private boolean fullSync = true;

    StoreWriter(Tx tx) {
        this.tx = tx;
        this.thread = new Thread(this::loop, "queuectl-store-writer");
        this.thread.start();
    }

    /** Work whose result a client is told about: acknowledged only once it is on disk (fsync). */
    <T> CompletableFuture<T> submit(Work<T> work) {
        return submit(work, true);
    }

    /**
     * Work that must survive a daemon crash but not a power failure: the engine's own
     * bookkeeping (claims, pids, run endings). It is committed without waiting for fsync unless
     * it shares a transaction with durable work; a power failure, which also ends every job's
     * processes, can at worst make a finished run count as interrupted and run again.
     */
    <T> CompletableFuture<T> submitRelaxed(Work<T> work) {
        return submit(work, false);
    }

    /**
     * Relaxed work that need not be committed at once: it joins the next transaction (before any
     * work queued after it), or is committed alone within {@value #DEFER_MS} ms. Nothing waits
     * for it, so it saves a commit whenever other work follows soon.
     */
    void defer(Work<?> work) {
        if (closed) {
            return;
        }
        deferred.add(new Task<>(work, false));
        if (queue.isEmpty()) {
            // make sure the writer's wait notices it (a wake-up that commits nothing costs nothing)
            queue.offer(WAKE);
        }
    }

    private <T> CompletableFuture<T> submit(Work<T> work, boolean durable) {
        Task<T> task = new Task<>(work, durable);
        if (closed) {
            task.future.completeExceptionally(SqliteErrors.closed());
            return task.future;
        }
        queue.add(task);
        return task.future;
    }

    private void loop() {
        List<Task<?>> batch = new ArrayList<>();
        boolean stopping = false;
        List<Task<?>> riders = new ArrayList<>();
        while (!stopping) {
            try {
                Task<?> oldest = deferred.peek();
                long wait = oldest == null ? -1
                        : TimeUnit.MILLISECONDS.toNanos(DEFER_MS) - (System.nanoTime() - oldest.createdNanos);
                Task<?> first = wait < 0 && oldest == null ? queue.take()
                        : queue.poll(Math.max(0, wait), TimeUnit.NANOSECONDS);
                if (first != null) {
                    batch.add(first);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            if (batch.remove(STOP)) {
                stopping = true;
                queue.drainTo(batch);
                batch.remove(STOP);
            }
            batch.removeIf(t -> t == WAKE);
            Task<?> oldest = deferred.peek();
            boolean deferredDue = oldest != null
                    && System.nanoTime() - oldest.createdNanos >= TimeUnit.MILLISECONDS.toNanos(DEFER_MS);
            if (batch.isEmpty() && !deferredDue && !stopping) {
                continue; // deferred work waits a little longer for company
            }
            // Deferred work goes first: it was handed over before anything now in the batch.
            for (Task<?> t; (t = deferred.poll()) != null; ) {
                riders.add(t);
            }
            batch.addAll(0, riders);
            riders.clear();
            if (!batch.isEmpty()) {
                runBatch(batch);
            }
            batch.clear();
        }
        try {
            tx.executeOnce("PRAGMA wal_checkpoint(TRUNCATE)"); // leave a compact file behind
        } catch (SQLException e) {
            log.debug("final checkpoint failed: {}", e.getMessage());
        }
        tx.close();
    }

    private void runBatch(List<Task<?>> batch) {
        boolean durable = false;
        for (Task<?> t : batch) {
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
        for (Task<?> task : batch) {
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
        for (Task<?> task : batch) {
            task.complete();
        }
    }

    /** A batch of one needs no savepoint: if its work fails, the whole transaction is rolled back. */
    private void runAlone(Task<?> task) {
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

    private void rollbackQuietly() {
        try {
            tx.execute("ROLLBACK");
        } catch (SQLException ignored) {
            // SQLite may already have rolled back on its own (for example after SQLITE_FULL).
        }
    }

    private void failAll(List<Task<?>> batch, Exception e) {
        RuntimeException error = SqliteErrors.onWrite(e);
        log.warn("store write failed, {} request(s) refused: {}", batch.size(), error.getMessage());
        for (Task<?> task : batch) {
            task.error = task.error != null ? task.error : error;
            task.complete();
        }
    }

    /** Applies what is queued, then stops the writer thread and closes the connection. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        queue.add(STOP);
        try {
            thread.join(30_000);
            if (thread.isAlive()) {
                log.warn("store writer did not finish within 30s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
