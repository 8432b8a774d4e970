package dev.queuectl.daemon.store;

import dev.queuectl.protocol.ErrorCode;
import dev.queuectl.protocol.ProtocolException;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A few reader threads, each owning one {@code query_only} connection. In WAL mode they read
 * a committed snapshot concurrently with the writer. Futures complete on a reader thread.
 */
final class StoreReaders implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StoreReaders.class);

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
                } catch (ProtocolException e) {
                    future.completeExceptionally(e);
                } catch (SQLException | RuntimeException e) {
                    log.error("store read failed", e);
                    future.completeExceptionally(new ProtocolException(ErrorCode.STORAGE_ERROR,
                            "the store could not be read: " + e.getMessage()));
                }
            });
        } catch (RejectedExecutionException e) {
            future.completeExceptionally(new ProtocolException(ErrorCode.UNAVAILABLE, "the store is closed"));
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
