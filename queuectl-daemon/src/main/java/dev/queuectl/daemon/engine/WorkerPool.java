package dev.queuectl.daemon.engine;

import dev.queuectl.daemon.config.RuntimeConfig;
import dev.queuectl.daemon.engine.output.OutputFiles;
import dev.queuectl.daemon.event.JobEvent;
import dev.queuectl.daemon.job.ClaimedRun;
import dev.queuectl.daemon.job.RunEnd;
import dev.queuectl.daemon.job.RunOutcome;
import dev.queuectl.daemon.job.Transition;
import dev.queuectl.daemon.store.JobStore;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workers: each claimed run gets a worker slot and a thread, runs, has its end recorded and
 * — while its slot is still wanted — claims the next job in the same transaction and runs that,
 * so a busy queue costs one commit per run's end and claim rather than two. Only the dispatcher
 * takes slots, so there are never more than {@code workers}; a chain keeps its slot from one run
 * to the next. Thread-safe.
 */
final class WorkerPool {
    private static final Logger log = LoggerFactory.getLogger(WorkerPool.class);

    private final EngineContext ctx;
    private final RunRegistry registry;
    private final JobRunner runner;
    private final RunJournal journal;
    private final ExecutorService threads;
    private final Runnable wakeDispatcher;
    /** Worker slots in use: one per run chain, from the dispatcher's claim until the chain ends. */
    private final AtomicInteger slots = new AtomicInteger();
    private final AtomicInteger drainFinished = new AtomicInteger();
    private final AtomicInteger drainInterrupted = new AtomicInteger();
    private volatile boolean draining;

    WorkerPool(EngineContext ctx, RunRegistry registry, RunJournal journal, ExecutorService threads,
               Runnable wakeDispatcher, OutputKeeper output) {
        this.ctx = ctx;
        this.registry = registry;
        this.runner = new JobRunner(ctx, output);
        this.journal = journal;
        this.threads = threads;
        this.wakeDispatcher = wakeDispatcher;
    }

    int slotsInUse() {
        return slots.get();
    }

    /** From now on chains end after their current run; runs' ends are counted for the drain's answer. */
    void startDraining() {
        draining = true;
    }

    boolean draining() {
        return draining;
    }

    int drainFinished() {
        return drainFinished.get();
    }

    int drainInterrupted() {
        return drainInterrupted.get();
    }

    /** The dispatcher hands a claimed run to a free worker, taking a slot. */
    void start(ClaimedRun run) {
        slots.incrementAndGet();
        ActiveRun active = activate(run);
        try {
            threads.execute(() -> runChain(active));
        } catch (RejectedExecutionException e) {
            // the engine is closing; the claimed run is recovered as interrupted at the next start
            registry.remove(active);
            slots.decrementAndGet();
            throw e;
        }
    }

    private ActiveRun activate(ClaimedRun run) {
        ActiveRun active;
        try {
            active = new ActiveRun(run, ctx.outputs.open(run.seq(), run.attempt()), ctx.terminator, ctx.fenceGrace);
        } catch (IOException e) {
            active = new ActiveRun(run, new OutputFiles.RunFile(ctx.outputs.path(run.seq(), run.attempt()), null),
                    ctx.terminator, ctx.fenceGrace);
            log.error("cannot create the output directory for job {}: {}", run.id(), e.toString());
        }
        registry.add(active);
        ctx.events.publish(new JobEvent.RunClaimed(run));
        return active;
    }

    private void runChain(ActiveRun first) {
        ActiveRun active = first;
        while (active != null) {
            active = finish(active, runner.run(active));
        }
    }

    /** Records a run's end (claiming a successor when the slot stays wanted) and tells everyone who cares. */
    private ActiveRun finish(ActiveRun active, RunEnd end) {
        boolean keep = keepSlot();
        JobStore.FinishResult result = journal.record(end, keep ? 1 : 0);
        ActiveRun next = result.claimed().isEmpty() ? null : activate(result.claimed().get(0));
        if (keep && next == null) {
            slots.decrementAndGet(); // nothing due: the chain ends
        }
        Instant started = active.startedAt() != null ? active.startedAt() : end.finishedAt();
        Duration ran = Duration.between(started, end.finishedAt());
        RunJournal.log(end, ran);
        if (draining) {
            (end.outcome() == RunOutcome.INTERRUPTED ? drainInterrupted : drainFinished).incrementAndGet();
        }
        registry.remove(active); // after the counts: a drain waiting for idle reads them
        ctx.events.publish(new JobEvent.RunFinished(end, ran));
        if (result.applied()) {
            ctx.events.publish(new JobEvent.StateChanged(end.id(), end.transition().to()));
        }
        active.ended.complete(end);
        if (next == null || end.transition() == Transition.RETRY_LATER) {
            wakeDispatcher.run(); // a slot is free, or a retry needs the timer
        }
        return next;
    }

    /**
     * Whether the chain whose run just ended goes on to another job; if not, its slot is given
     * back now (the run's process has ended, only its bookkeeping remains). When the pool shrank,
     * chains end one by one until the slots in use fit it again.
     */
    private boolean keepSlot() {
        while (true) {
            RuntimeConfig c = ctx.runtime.get();
            int inUse = slots.get();
            if (!draining && !c.workersStopped() && inUse <= c.workers()) {
                return true;
            }
            if (slots.compareAndSet(inUse, inUse - 1)) {
                return false;
            }
        }
    }
}
