package dev.queuectl.daemon.store.sqlite;

import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;

/** A piece of the writer's work and the future its submitter holds. Writer thread only, once queued. */
final class WriteTask<T> {
    final StoreWriter.Work<T> work;
    final boolean durable;
    final long createdNanos = System.nanoTime();
    final CompletableFuture<T> future = new CompletableFuture<>();
    T value;
    RuntimeException error;

    WriteTask(StoreWriter.Work<T> work, boolean durable) {
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
