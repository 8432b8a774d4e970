package dev.queuectl.daemon.engine;

import dev.queuectl.daemon.config.RuntimeConfig;
import dev.queuectl.daemon.engine.output.OutputFiles;
import dev.queuectl.daemon.event.EventBus;
import dev.queuectl.daemon.event.JobEvent;
import dev.queuectl.daemon.job.JobRef;
import dev.queuectl.daemon.job.JobState;
import dev.queuectl.daemon.store.JobStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the store from growing without bound: completed jobs older than {@code keep_completed}
 * and dead jobs older than {@code keep_dead} are deleted with their history and output files.
 * A sweep runs a minute after start and then hourly; {@code queuectl prune} runs one by hand.
 * Deletes go in batches of 1,000 jobs, one transaction each, so other writes are not held up.
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

    public Retention(JobStore store, OutputFiles outputs, Clock clock, Supplier<RuntimeConfig> runtime,
                     EventBus events) {
        this.store = store;
        this.outputs = outputs;
        this.clock = clock;
        this.runtime = runtime;
        this.events = events;
    }

    /** Runs the sweep a minute from now and hourly after that, on {@code timer}. */
    public void schedule(ScheduledExecutorService timer) {
        timer.scheduleWithFixedDelay(this::sweep, 1, 60, TimeUnit.MINUTES);
    }

    private void sweep() {
        try {
            // With a shared store, one node at a time sweeps: the one that claims the hour's sweep.
            if (!store.cluster().claimTask("retention", Duration.ofMinutes(50)).join()) {
                return;
            }
            RuntimeConfig c = runtime.get();
            long completed = c.keepCompleted() == null ? 0 : prune(JobState.COMPLETED, c.keepCompleted()).join();
            long dead = c.keepDead() == null ? 0 : prune(JobState.DEAD, c.keepDead()).join();
            if (completed + dead > 0) {
                log.info("retention: deleted {} completed and {} dead job(s)", completed, dead);
            }
        } catch (RuntimeException e) {
            log.error("retention sweep failed; the next one runs in an hour", e);
        }
    }

    /** Deletes every job of {@code state} that reached it more than {@code age} ago; returns how many. */
    public CompletableFuture<Long> prune(JobState state, Duration age) {
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
