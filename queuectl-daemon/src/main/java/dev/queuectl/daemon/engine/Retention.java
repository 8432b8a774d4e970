package dev.queuectl.daemon.engine;

import dev.queuectl.daemon.config.RuntimeConfig;
import dev.queuectl.daemon.engine.output.OutputFiles;
import dev.queuectl.daemon.event.EventBus;
import dev.queuectl.daemon.event.JobEvent;
import dev.queuectl.daemon.health.Health;
import dev.queuectl.daemon.health.Loop;
import dev.queuectl.daemon.job.JobRef;
import dev.queuectl.daemon.job.JobState;
import dev.queuectl.daemon.store.JobStore;
import dev.queuectl.daemon.store.StoreException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the store from growing without bound: completed jobs older than {@code keep_completed}
 * and dead jobs older than {@code keep_dead} are deleted with their history and output files.
 * A sweep runs a minute after start and then hourly; {@code queuectl prune} runs one by hand.
 * Both are turns of the retention loop: a sweep that fails unexpectedly is logged at ERROR and
 * counted, and the next one runs as planned. Deletes go in batches of 1,000 jobs, one
 * transaction each, so other writes are not held up; nothing waits on the timer thread.
 * Thread-safe.
 */
public final class Retention {
    private static final Logger log = LoggerFactory.getLogger(Retention.class);
    static final int BATCH = 1_000;

    private final JobStore store;
    private final OutputFiles outputs;
    private final Clock clock;
    private final Supplier<RuntimeConfig> runtime;
    private final EventBus events;
    private final Loop turns;
    private volatile ScheduledFuture<?> schedule;

    public Retention(JobStore store, OutputFiles outputs, Clock clock, Supplier<RuntimeConfig> runtime,
                     EventBus events, Health health) {
        this.store = store;
        this.outputs = outputs;
        this.clock = clock;
        this.runtime = runtime;
        this.events = events;
        this.turns = health.loop(Loop.RETENTION, () -> schedule != null && !schedule.isDone());
    }

    /** Runs the sweep a minute from now and hourly after that, on {@code timer}. */
    public void schedule(ScheduledExecutorService timer) {
        schedule = timer.scheduleWithFixedDelay(this::scheduledSweep, 1, 60, TimeUnit.MINUTES);
    }

    private void scheduledSweep() {
        RuntimeConfig c = runtime.get();
        // With a shared store, one node at a time sweeps: the one that claims the hour's sweep.
        store.cluster().claimTask("retention", Duration.ofMinutes(50)).thenCompose(mine -> mine
                ? sweep(c.keepCompleted(), c.keepDead()) : CompletableFuture.completedFuture(0L)).whenComplete((n, e) -> {
            if (e != null) {
                log.warn("retention sweep failed ({}); the next one runs in an hour", RunJournal.unwrap(e).toString());
            } else if (n > 0) {
                log.info("retention: deleted {} job(s)", n);
            }
        });
    }

    /**
     * One sweep: deletes completed jobs that reached their state more than {@code completedAge}
     * ago and dead ones older than {@code deadAge} (null: none of that state). Returns how many.
     */
    public CompletableFuture<Long> sweep(Duration completedAge, Duration deadAge) {
        try {
            turns.begin(null);
        } catch (RuntimeException | Error e) {
            turns.failed(null, e);
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<Long> completed = completedAge == null ? CompletableFuture.completedFuture(0L)
                : prune(JobState.COMPLETED, completedAge);
        return completed.thenCompose(n -> deadAge == null ? CompletableFuture.completedFuture(n)
                : prune(JobState.DEAD, deadAge).thenApply(m -> n + m)).whenComplete((n, e) -> {
                    Throwable cause = e == null ? null : RunJournal.unwrap(e);
                    if (cause == null || cause instanceof StoreException) {
                        turns.end(); // a store refusal is the requester's to hear, not a fault of the loop
                    } else {
                        turns.failed(null, cause);
                    }
                });
    }

    /**
     * How many jobs a sweep with these ages keeps although they are old enough to go, because
     * waiting jobs depend on them.
     */
    public CompletableFuture<Long> kept(Duration completedAge, Duration deadAge) {
        Instant now = clock.instant();
        CompletableFuture<Long> completed = completedAge == null ? CompletableFuture.completedFuture(0L)
                : store.pruneKept(JobState.COMPLETED, now.minus(completedAge));
        return completed.thenCompose(n -> deadAge == null ? CompletableFuture.completedFuture(n)
                : store.pruneKept(JobState.DEAD, now.minus(deadAge)).thenApply(m -> n + m));
    }

    private CompletableFuture<Long> prune(JobState state, Duration age) {
        Instant before = clock.instant().minus(age);
        return pruneFrom(state, before, 0);
    }

    private CompletableFuture<Long> pruneFrom(JobState state, Instant before, long done) {
        return store.prune(state, before, BATCH).thenCompose(gone -> {
            deleted(gone);
            long total = done + gone.size();
            return gone.size() < BATCH ? CompletableFuture.completedFuture(total) : pruneFrom(state, before, total);
        });
    }

    /** Deletes the output of jobs the store no longer has, and tells the event stream. */
    public void deleted(List<JobRef> jobs) {
        for (JobRef job : jobs) {
            outputs.delete(job.seq(), job.runs());
            events.publish(new JobEvent.StateChanged(job.id(), null));
        }
    }
}
