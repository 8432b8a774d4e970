package dev.queuectl.daemon.store.sqlite;

import dev.queuectl.daemon.health.Health;
import dev.queuectl.daemon.health.Loop;
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
 *
 * <p>A batch that fails unexpectedly (a bug, not a refused write) is rolled back, its requests
 * get the error, and the writer goes on; after an {@link Error} it stops, refusing everything
 * from then on, and the daemon stops with it (see {@link Health}).
 */
final class StoreWriter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StoreWriter.class);
    /** Upper bound of work items per transaction; keeps a commit's latency bounded under load. */
    private static final int MAX_BATCH = 2_000;

    @FunctionalInterface
    interface Work<T> {
        T run(Tx tx) throws SQLException;
    }

    private static final WriteTask<Void> STOP = new WriteTask<>(tx -> null, true);
    private static final WriteTask<Void> WAKE = new WriteTask<>(tx -> null, false);

    private final LinkedBlockingQueue<WriteTask<?>> queue = new LinkedBlockingQueue<>();
    /** Work that rides along with the next transaction; touched by the writer thread only after queueing. */
    private final java.util.concurrent.ConcurrentLinkedQueue<WriteTask<?>> deferred = new java.util.concurrent.ConcurrentLinkedQueue<>();
    /** How long deferred work may wait for company before it is committed alone. */
    private static final long DEFER_MS = 20;
    private final Tx tx;
    private final Thread thread;
    private final Loop turns;
    private volatile boolean closed;
    private final GroupCommit commit;

    StoreWriter(Tx tx, Health health) {
        this.tx = tx;
        this.commit = new GroupCommit(tx);
        this.thread = new Thread(this::loop, "queuectl-store-writer");
        this.turns = health.loop(Loop.STORE_WRITER, thread::isAlive);
        this.thread.setUncaughtExceptionHandler((t, e) -> {
            refuseEverything();
            turns.died(e);
        });
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
        deferred.add(new WriteTask<>(work, false));
        if (queue.isEmpty()) {
            // make sure the writer's wait notices it (a wake-up that commits nothing costs nothing)
            queue.offer(WAKE);
        }
    }

    private <T> CompletableFuture<T> submit(Work<T> work, boolean durable) {
        WriteTask<T> task = new WriteTask<>(work, durable);
        if (closed) {
            task.future.completeExceptionally(SqliteErrors.closed());
            return task.future;
        }
        queue.add(task);
        if (closed && queue.remove(task)) {
            // the writer stopped between the check and the add, and will never take it
            task.future.completeExceptionally(SqliteErrors.closed());
        }
        return task.future;
    }

    private void loop() {
        List<WriteTask<?>> batch = new ArrayList<>();
        boolean stopping = false;
        List<WriteTask<?>> riders = new ArrayList<>();
        while (!stopping) {
            try {
                WriteTask<?> oldest = deferred.peek();
                long wait = oldest == null ? -1
                        : TimeUnit.MILLISECONDS.toNanos(DEFER_MS) - (System.nanoTime() - oldest.createdNanos);
                WriteTask<?> first = wait < 0 && oldest == null ? queue.take()
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
            WriteTask<?> oldest = deferred.peek();
            boolean deferredDue = oldest != null
                    && System.nanoTime() - oldest.createdNanos >= TimeUnit.MILLISECONDS.toNanos(DEFER_MS);
            if (batch.isEmpty() && !deferredDue && !stopping) {
                continue; // deferred work waits a little longer for company
            }
            // Deferred work goes first: it was handed over before anything now in the batch.
            for (WriteTask<?> t; (t = deferred.poll()) != null; ) {
                riders.add(t);
            }
            batch.addAll(0, riders);
            riders.clear();
            if (!batch.isEmpty() && !turn(batch)) {
                break;
            }
            batch.clear();
        }
        if (!stopping) {
            refuseEverything();
        }
        try {
            tx.executeOnce("PRAGMA wal_checkpoint(TRUNCATE)"); // leave a compact file behind
        } catch (SQLException e) {
            log.debug("final checkpoint failed: {}", e.getMessage());
        }
        tx.close();
    }

    /**
     * One batch as a turn of the writer's loop. An unexpected failure rolls the transaction back,
     * fails the batch's requests and the writer goes on; false after an {@link Error}: the writer
     * stops (the daemon with it).
     */
    private boolean turn(List<WriteTask<?>> batch) {
        try {
            turns.begin(null);
            commit.apply(batch);
            turns.end();
            return true;
        } catch (RuntimeException | Error e) {
            commit.rollbackQuietly();
            // reported before the requests fail: a loop that waited on one of them and fails in
            // turn must not be taken for the loop that failed first
            boolean carryOn = turns.failed(null, e);
            for (WriteTask<?> task : batch) {
                task.future.completeExceptionally(e);
            }
            return carryOn;
        }
    }

    /** After a fatal failure: every request waiting, and every later one, is refused at once. */
    private void refuseEverything() {
        closed = true;
        List<WriteTask<?>> left = new ArrayList<>();
        queue.drainTo(left);
        for (WriteTask<?> t; (t = deferred.poll()) != null; ) {
            left.add(t);
        }
        for (WriteTask<?> t : left) {
            t.future.completeExceptionally(SqliteErrors.writerStopped());
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
