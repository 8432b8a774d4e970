package dev.queuectl.daemon.store.postgres;

import dev.queuectl.daemon.job.Firing;
import dev.queuectl.daemon.job.JobState;
import dev.queuectl.daemon.job.NewSchedule;
import dev.queuectl.daemon.job.Queue;
import dev.queuectl.daemon.job.QueueChange;
import dev.queuectl.daemon.job.Schedule;
import dev.queuectl.daemon.store.JobStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The part of {@link PostgresJobStore} that organises work: queues (concurrency cluster-wide),
 * dependencies and schedules (each firing once across nodes). Thread-safe, like the store.
 */
abstract class PgOrganizing implements JobStore {
    protected final PgDatabase db;
    protected final Clock clock;
    protected final PgCluster cluster;

    PgOrganizing(PgDatabase db, Clock clock, PgCluster cluster) {
        this.db = db;
        this.clock = clock;
        this.cluster = cluster;
    }

    @Override
    public CompletableFuture<Long> pruneKept(JobState state, Instant before) {
        return db.read(tx -> PgChanges.pruneKept(tx, state, before));
    }

    @Override
    public CompletableFuture<Dependencies> dependencies(long seq, int limit) {
        return db.read(tx -> new Dependencies(PgDeps.refs(tx, PgDepSql.DEPENDENCIES, seq, limit),
                PgDeps.refs(tx, PgDepSql.DEPENDENTS, seq, limit)));
    }

    // ---- queues ----

    @Override
    public CompletableFuture<List<Queue>> queues(boolean oldestDue) {
        return db.read(tx -> PgQueues.all(tx, oldestDue));
    }

    @Override
    public CompletableFuture<Queue> saveQueue(String name, QueueChange change, boolean create) {
        return db.write(tx -> {
            Queue q = PgQueues.save(tx, name, change, create, clock.millis());
            cluster.changed();
            return q;
        });
    }

    @Override
    public CompletableFuture<List<Queue>> pauseQueues(List<String> names, boolean paused) {
        return db.write(tx -> {
            List<Queue> q = PgQueues.pause(tx, names, paused);
            cluster.changed();
            return q;
        });
    }

    @Override
    public CompletableFuture<Void> removeQueue(String name) {
        return db.write(tx -> {
            PgQueues.remove(tx, name);
            return null;
        });
    }

    // ---- schedules ----

    @Override
    public CompletableFuture<Schedule> addSchedule(NewSchedule schedule) {
        return db.write(tx -> PgSchedules.add(tx, schedule, clock.millis()));
    }

    @Override
    public CompletableFuture<List<Schedule>> schedules() {
        return db.read(PgSchedules::all);
    }

    @Override
    public CompletableFuture<Optional<Schedule>> schedule(String name) {
        return db.read(tx -> PgSchedules.find(tx, name));
    }

    @Override
    public CompletableFuture<Schedule> pauseSchedule(String name, boolean paused) {
        return db.write(tx -> PgSchedules.pause(tx, name, paused, clock.millis()));
    }

    @Override
    public CompletableFuture<Void> removeSchedule(String name) {
        return db.write(tx -> {
            PgSchedules.remove(tx, name);
            return null;
        });
    }

    @Override
    public CompletableFuture<List<Firing>> fireSchedules(int defaultMaxRetries, int max) {
        return db.write(tx -> {
            List<Firing> fired = PgSchedules.fireDue(tx, clock.millis(), defaultMaxRetries, max);
            if (fired.stream().anyMatch(f -> f.jobId() != null)) {
                cluster.enqueued(fired.size());
            }
            return fired;
        });
    }

    @Override
    public CompletableFuture<Firing> runSchedule(String name, int defaultMaxRetries) {
        return db.write(tx -> {
            Firing f = PgSchedules.runNow(tx, name, clock.millis(), defaultMaxRetries);
            cluster.enqueued(1);
            return f;
        });
    }

    @Override
    public CompletableFuture<Optional<Instant>> nextFire() {
        return db.read(PgSchedules::nextFire);
    }
}
