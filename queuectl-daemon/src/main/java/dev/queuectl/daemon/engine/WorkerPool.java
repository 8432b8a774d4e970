package dev.queuectl.daemon.engine;

import dev.queuectl.daemon.config.RuntimeConfig;
import dev.queuectl.daemon.engine.output.OutputFiles;
import dev.queuectl.daemon.event.JobEvent;
import dev.queuectl.daemon.health.Loop;
import dev.queuectl.daemon.job.ClaimedRun;
import dev.queuectl.daemon.job.JobState;
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
 * to the next. A run's turn that fails unexpectedly is logged with the job's id and ends the run
 * as a counted failure; the chain gives its slot back and the queue goes on. Thread-safe.
 */
final class WorkerPool {
    private static final Logger log = LoggerFactory.getLogger(WorkerPool.class);

    private final EngineContext ctx;
    private final RunRegistry registry;
    private final JobRunner runner;
    private final RunVerdict verdict;
    private final RunJournal journal;
    private final ExecutorService threads;
    private final Runnable wakeDispatcher;
    private final Loop turns;
    /** Worker slots in use: one per run chain, from the dispatcher's claim until the chain ends. */
    private final AtomicInteger slots = new AtomicInteger();
    private final AtomicInteger drainFinished = new AtomicInteger();
    private final AtomicInteger drainInterrupted = new AtomicInteger();
    private volatile boolean draining;

    WorkerPool(EngineContext ctx, RunRegistry registry, RunJournal journal, ExecutorService threads,
               Runnable wakeDispatcher, OutputKeeper output) {
        this.ctx = ctx;
        this.registry = registry;
        this.turns = ctx.health.concurrentLoop(Loop.WORKERS, () -> !threads.isShutdown());
        this.verdict = new RunVerdict(ctx);
        this.runner = new JobRunner(ctx, output, verdict, turns);
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

    /**
     * The dispatcher hands a claimed run to a free worker, taking a slot. Throws only when the
     * engine is closing (the claimed run is then recovered as interrupted at the next start).
     */
    void start(ClaimedRun run) {
        slots.incrementAndGet();
        try {
            threads.execute(() -> runChain(run));
        } catch (RejectedExecutionException e) {
            slots.decrementAndGet();
            throw e;
        }
    }

    private void runChain(ClaimedRun first) {
        Chain chain = new Chain();
        ClaimedRun next = first;
        while (next != null) {
            next = runOne(next, chain);
        }
    }

    /** A run chain's hold on its worker slot, given back exactly once. */
    private final class Chain {
        private boolean holdsSlot = true;

        void giveBackSlot(boolean alreadyCounted) {
            if (holdsSlot && !alreadyCounted) {
                slots.decrementAndGet();
            }
            holdsSlot = false;
        }
    }

    /** One run from its claim to its recorded end; returns the next run of the chain, or null when it ends. */
    private ClaimedRun runOne(ClaimedRun claimed, Chain chain) {
        ActiveRun active = null;
        RunEnd end = null;
        try {
            turns.begin(claimed.id());
            active = activate(claimed);
            end = runner.run(active);
        } catch (RuntimeException | Error e) {
            boolean carryOn = turns.failed(claimed.id(), e);
            abandon(claimed, active, e, chain);
            if (!carryOn) {
                throw (Error) e;
            }
            return null;
        }
        ClaimedRun next = finish(active, end, chain);
        turns.end();
        return next;
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

    /**
     * Records a run's end (claiming a successor when the slot stays wanted) and tells everyone
     * who cares. What follows the record cannot lose the claimed successor: an unexpected
     * failure there is logged and the chain goes on.
     */
    private ClaimedRun finish(ActiveRun active, RunEnd end, Chain chain) {
        boolean keep = keepSlot();
        if (!keep) {
            chain.giveBackSlot(true);
        }
        JobStore.FinishResult result = journal.record(end, keep ? 1 : 0);
        ClaimedRun next = result.claimed().isEmpty() ? null : result.claimed().get(0);
        if (keep && next == null) {
            chain.giveBackSlot(false); // nothing due: the chain ends
        }
        try {
            Instant started = active.startedAt() != null ? active.startedAt() : end.finishedAt();
            Duration ran = Duration.between(started, end.finishedAt());
            RunJournal.log(end, ran);
            if (draining) {
                (end.outcome() == RunOutcome.INTERRUPTED ? drainInterrupted : drainFinished).incrementAndGet();
            }
            registry.remove(active); // after the counts: a drain waiting for idle reads them
            announce(end, ran, result.applied(), result.dependentsDead());
            active.ended.complete(end);
        } catch (RuntimeException e) {
            turns.failed(end.id(), e);
            registry.remove(active);
            active.ended.complete(end);
        }
        if (next == null || end.transition() == Transition.RETRY_LATER) {
            wakeDispatcher.run(); // a slot is free, or a retry needs the timer
        }
        return next;
    }

    private void announce(RunEnd end, Duration ran, boolean applied, int dependentsDead) {
        ctx.events.publish(new JobEvent.RunFinished(end, ran));
        if (applied) {
            ctx.events.publish(new JobEvent.StateChanged(end.id(), end.transition().to()));
        }
        if (dependentsDead > 0) {
            ctx.events.publish(new JobEvent.BulkChanged(JobState.DEAD, dependentsDead));
        }
    }

    /**
     * After an unexpected failure before a run's end was decided: records it as a counted
     * failure, so that the job does not stay {@code processing} (and a bug cannot loop for
     * ever); then the run leaves the registry and the chain gives its slot back. Best effort: a
     * failure here is logged, and the next start recovers whatever is left.
     */
    private void abandon(ClaimedRun claimed, ActiveRun active, Throwable cause, Chain chain) {
        RunEnd end = null;
        try {
            end = verdict.internalError(claimed, cause, ctx.clock.instant());
            JobStore.FinishResult r = journal.record(end, 0);
            RunJournal.log(end, Duration.ZERO);
            if (draining) {
                drainFinished.incrementAndGet();
            }
            announce(end, Duration.ZERO, r.applied(), r.dependentsDead());
        } catch (RuntimeException e) {
            end = null;
            log.error("could not record the end of job {} run {} after an internal error; the next start recovers it",
                    claimed.id(), claimed.attempt(), e);
        } finally {
            if (active != null) {
                registry.remove(active);
                if (end != null) {
                    active.ended.complete(end);
                } else {
                    active.ended.completeExceptionally(cause);
                }
            }
            chain.giveBackSlot(false);
            wakeDispatcher.run();
        }
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
