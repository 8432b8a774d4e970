package dev.queuectl.daemon.store.postgres;

import dev.queuectl.daemon.job.RunStart;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Run starts waiting to be written: each rides along with the next write about runs (usually the
 * run's own end, for a short job), or is written alone within {@value #DELAY_MS} ms, so a short
 * job costs one transaction instead of two. Thread-safe.
 */
final class PgStarts {
    private static final long DELAY_MS = 50;

    private final PgDatabase db;
    private final ConcurrentLinkedQueue<RunStart> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean flushScheduled = new AtomicBoolean();

    PgStarts(PgDatabase db) {
        this.db = db;
    }

    void add(RunStart start) {
        queue.add(start);
        if (flushScheduled.compareAndSet(false, true)) {
            CompletableFuture.delayedExecutor(DELAY_MS, TimeUnit.MILLISECONDS).execute(() -> {
                flushScheduled.set(false);
                List<RunStart> batch = take();
                if (!batch.isEmpty()) {
                    db.write(tx -> write(tx, batch));
                }
            });
        }
    }

    /** Takes what is queued, to be written in the caller's transaction (kept across its retries). */
    List<RunStart> take() {
        List<RunStart> batch = new ArrayList<>();
        for (RunStart s; (s = queue.poll()) != null; ) {
            batch.add(s);
        }
        return batch;
    }

    static Void write(PgTx tx, List<RunStart> batch) throws SQLException {
        for (RunStart s : batch) {
            PgRuns.start(tx, s);
        }
        return null;
    }
}
