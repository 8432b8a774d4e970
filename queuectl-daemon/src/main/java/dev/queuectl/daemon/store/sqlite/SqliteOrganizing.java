package dev.queuectl.daemon.store.sqlite;

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
 * The part of {@link SqliteJobStore} that organises work: queues, dependencies and schedules, on
 * the same writer and readers as the rest. Thread-safe, like the store.
 */
abstract class SqliteOrganizing implements JobStore {
    protected final Clock clock;
    protected final StoreWriter writer;
    protected final StoreReaders readers;
    /** Inserts jobs, enqueued or fired; writer thread only. */
    protected final JobInserts inserts = new JobInserts();

    SqliteOrganizing(Clock clock, StoreWriter writer, StoreReaders readers) {
        this.clock = clock;
        this.writer = writer;
        this.readers = readers;
    }

    @Override
    public CompletableFuture<Long> pruneKept(JobState state, Instant before) {
        return readers.submit(tx -> JobChanges.pruneKept(tx, state, before));
    }

    @Override
    public CompletableFuture<Dependencies> dependencies(long seq, int limit) {
        return readers.submit(tx -> new Dependencies(DependencyRecords.dependencies(tx, seq, limit),
                DependencyRecords.dependents(tx, seq, limit)));
    }

    // ---- queues ----

    @Override
    public CompletableFuture<List<Queue>> queues(boolean oldestDue) {
        return readers.submit(tx -> QueueRecords.all(tx, oldestDue));
    }

    @Override
    public CompletableFuture<Queue> saveQueue(String name, QueueChange change, boolean create) {
        return writer.submit(tx -> QueueRecords.save(tx, name, change, create, clock.millis()));
    }

    @Override
    public CompletableFuture<List<Queue>> pauseQueues(List<String> names, boolean paused) {
        return writer.submit(tx -> QueueRecords.pause(tx, names, paused));
    }

    @Override
    public CompletableFuture<Void> removeQueue(String name) {
        return writer.submit(tx -> {
            QueueRecords.remove(tx, name);
            return null;
        });
    }

    // ---- schedules ----

    @Override
    public CompletableFuture<Schedule> addSchedule(NewSchedule schedule) {
        return writer.submit(tx -> ScheduleRecords.add(tx, schedule, clock.millis()));
    }

    @Override
    public CompletableFuture<List<Schedule>> schedules() {
        return readers.submit(ScheduleRecords::all);
    }

    @Override
    public CompletableFuture<Optional<Schedule>> schedule(String name) {
        return readers.submit(tx -> ScheduleRecords.find(tx, name));
    }

    @Override
    public CompletableFuture<Schedule> pauseSchedule(String name, boolean paused) {
        return writer.submit(tx -> ScheduleRecords.pause(tx, name, paused, clock.millis()));
    }

    @Override
    public CompletableFuture<Void> removeSchedule(String name) {
        return writer.submit(tx -> {
            ScheduleRecords.remove(tx, name);
            return null;
        });
    }

    @Override
    public CompletableFuture<List<Firing>> fireSchedules(int defaultMaxRetries, int max) {
        return writer.submit(tx -> ScheduleRecords.fireDue(tx, inserts, clock.millis(), defaultMaxRetries, max));
    }

    @Override
    public CompletableFuture<Firing> runSchedule(String name, int defaultMaxRetries) {
        return writer.submit(tx -> ScheduleRecords.runNow(tx, inserts, name, clock.millis(), defaultMaxRetries));
    }

    @Override
    public CompletableFuture<Optional<Instant>> nextFire() {
        return readers.submit(ScheduleRecords::nextFire);
    }
}
