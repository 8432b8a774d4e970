package dev.queuectl.daemon.store.sqlite;

import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A few reader threads, each owning one {@code query_only} connection. In WAL mode they read
 * a committed snapshot concurrently with the writer. Futures complete on a reader thread.
 */
final class StoreReaders implements AutoCloseable {
    @FunctionalInterface
    interface Read<T> {
        T run(Tx tx) throws SQLException;
    }

    private final Database database;
    private final ThreadLocal<Tx> connection = new ThreadLocal<>();
    private final java.util.List<Tx> opened = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final ExecutorService executor;

    StoreReaders(Database database, int threads) {
        this.database = database;
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "queuectl-store-reader-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    <T> CompletableFuture<T> submit(Read<T> read) {
        CompletableFuture<T> future = new CompletableFuture<>();
        try {
            executor.execute(() -> {
                try {
                    future.complete(read.run(tx()));
                } catch (SQLException | RuntimeException e) {
                    future.completeExceptionally(SqliteErrors.onRead(e));
                } catch (Error e) {
                    future.completeExceptionally(e); // the reader is not left waiting
                    throw e;
                }
            });
        } catch (RejectedExecutionException e) {
            future.completeExceptionally(SqliteErrors.closed());
        }
        return future;
    }

    private Tx tx() throws SQLException {
        Tx tx = connection.get();
        if (tx == null) {
            tx = database.reader();
            connection.set(tx);
            opened.add(tx);
        }
        return tx;
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Tx tx : opened) {
            tx.close();
        }
    }
}
