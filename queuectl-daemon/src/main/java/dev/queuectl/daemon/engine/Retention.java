package dev.queuectl.daemon.engine;

import dev.queuectl.daemon.config.RuntimeConfig;
import dev.queuectl.daemon.store.OutputLocation;
import dev.queuectl.protocol.JobState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the store from growing without bound: completed jobs older than {@code keep_completed}
 * and dead jobs older than {@code keep_dead} are deleted with their history and output files.
 * A sweep runs a minute after start and then hourly; {@code queuectl prune} runs one by hand.
 * Deletes go in batches of 1,000 jobs, one transaction each, so other writes are not held up.
 */
final class Retention {
    private static final Logger log = LoggerFactory.getLogger(Retention.class);
    static final int BATCH = 1_000;

    private final EngineContext ctx;

    Retention(EngineContext ctx) {
        this.ctx = ctx;
    }

    void schedule() {
        ctx.timer.scheduleWithFixedDelay(this::sweep, 1, 60, TimeUnit.MINUTES);
    }

    private void sweep() {
        try {
            RuntimeConfig c = ctx.runtime.get();
            long completed = c.keepCompleted() == null ? 0 : prune(JobState.COMPLETED, c.keepCompleted()).join();
            long dead = c.keepDead() == null ? 0 : prune(JobState.DEAD, c.keepDead()).join();
            if (completed + dead > 0) {
                log.info("retention: deleted {} completed and {} dead job(s)", completed, dead);
            }
        } catch (RuntimeException e) {
            log.warn("retention sweep failed: {}", e.toString());
        }
    }

    /** Deletes every job of {@code state} that reached it more than {@code age} ago; returns how many. */
    CompletableFuture<Long> prune(JobState state, Duration age) {
        Instant before = ctx.clock.instant().minus(age);
        return pruneFrom(state, before, 0);
    }

    private CompletableFuture<Long> pruneFrom(JobState state, Instant before, long done) {
        return ctx.store.prune(state, before, BATCH).thenCompose(gone -> {
            deleteOutput(gone);
            long total = done + gone.size();
            return gone.size() < BATCH ? CompletableFuture.completedFuture(total) : pruneFrom(state, before, total);
        });
    }

    private void deleteOutput(List<OutputLocation> jobs) {
        for (OutputLocation job : jobs) {
            ctx.outputs.delete(job.seq(), job.runs());
        }
    }
}
