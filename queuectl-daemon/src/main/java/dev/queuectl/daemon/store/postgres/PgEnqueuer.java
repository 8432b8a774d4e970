package dev.queuectl.daemon.store.postgres;

import dev.queuectl.daemon.health.Health;
import dev.queuectl.daemon.health.Loop;
import dev.queuectl.daemon.job.NewJob;
import dev.queuectl.daemon.store.StoreException;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * Group commit for enqueues: requests that arrive while a transaction is being written share the
 * next one, and each is answered once that transaction has committed. One request's refusal (a
 * taken id) never undoes another's. If the shared transaction fails as a whole, each request is
 * tried again alone, so only the one at fault is refused. One thread; {@link #submit} is thread-safe.
 */
final class PgEnqueuer implements AutoCloseable {
    private static final int MAX_ROWS = 20_000;
    private static final Task STOP = new Task(List.of(), false);

    private static final class Task {
        final List<NewJob> jobs;
        final boolean single;
        final CompletableFuture<List<String>> future = new CompletableFuture<>();
        List<String> ids;
        RuntimeException error;

        Task(List<NewJob> jobs, boolean single) {
            this.jobs = jobs;
            this.single = single;
        }
    }

    private final PgDatabase db;
    private final Clock clock;
    private final Consumer<Integer> committed;
    private final BlockingQueue<Task> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private final Loop turns;
    private volatile boolean closed;

    /**
     * @param committed told how many jobs each transaction inserted, after its commit
     * @param health    where the enqueuer reports its turns, as the daemon's store writer loop
     */
    PgEnqueuer(PgDatabase db, Clock clock, Consumer<Integer> committed, Health health) {
        this.db = db;
        this.clock = clock;
        this.committed = committed;
        this.thread = new Thread(this::loop, "queuectl-pg-enqueue");
        this.thread.setDaemon(true);
        this.turns = health.loop(Loop.STORE_WRITER, thread::isAlive);
        this.thread.setUncaughtExceptionHandler((t, e) -> {
            refuseEverything();
            turns.died(e);
        });
        this.thread.start();
    }

    CompletableFuture<List<String>> submit(List<NewJob> jobs, boolean single) {
        Task t = new Task(jobs, single);
        if (closed) {
            t.future.completeExceptionally(PgErrors.closed());
        } else {
            queue.add(t);
        }
        return t.future;
    }

    private void loop() {
        List<Task> batch = new ArrayList<>();
        while (true) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            int rows = batch.get(0).jobs.size();
            for (Task t; rows < MAX_ROWS && (t = queue.poll()) != null; ) {
                batch.add(t);
                rows += t.jobs.size();
            }
            boolean stop = batch.remove(STOP);
            if (!batch.isEmpty() && !turn(batch)) {
                refuseEverything();
                return;
            }
            batch.clear();
            if (stop) {
                return;
            }
        }
    }

    /**
     * One batch as a turn of the loop. An unexpected failure fails the batch's requests and the
     * enqueuer goes on; false after an {@link Error}: it stops (the daemon with it).
     */
    private boolean turn(List<Task> batch) {
        try {
            turns.begin(null);
            run(batch);
            turns.end();
            return true;
        } catch (RuntimeException | Error e) {
            for (Task t : batch) {
                t.future.completeExceptionally(e);
            }
            return turns.failed(null, e);
        }
    }

    private void run(List<Task> batch) {
        try {
            write(batch);
        } catch (SQLException | RuntimeException e) {
            if (batch.size() == 1) {
                batch.get(0).error = PgErrors.map(e, true);
            } else {
                for (Task t : batch) {
                    run(List.of(t));
                }
                return;
            }
        }
        int inserted = 0;
        for (Task t : batch) {
            if (t.error != null) {
                t.future.completeExceptionally(t.error);
            } else {
                inserted += t.ids.size();
            }
        }
        if (inserted > 0) {
            committed.accept(inserted);
        }
        for (Task t : batch) {
            if (t.error == null) {
                t.future.complete(t.ids);
            }
        }
    }

    private void write(List<Task> batch) throws SQLException {
        db.inTransaction(tx -> {
            long now = clock.millis();
            for (Task t : batch) {
                t.error = null;
                try {
                    t.ids = PgInserts.insert(tx, t.jobs, now, t.single);
                } catch (StoreException e) {
                    t.error = e;
                }
            }
            return null;
        });
    }

    /** After a fatal failure: every request waiting, and every later one, is refused at once. */
    private void refuseEverything() {
        closed = true;
        for (Task left; (left = queue.poll()) != null; ) {
            left.future.completeExceptionally(PgErrors.closed());
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        queue.add(STOP);
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Task t; (t = queue.poll()) != null; ) {
            t.future.completeExceptionally(PgErrors.closed());
        }
    }
}
