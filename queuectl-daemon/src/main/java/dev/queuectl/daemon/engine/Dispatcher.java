package dev.queuectl.daemon.engine;

import dev.queuectl.daemon.config.RuntimeConfig;
import dev.queuectl.daemon.health.Loop;
import dev.queuectl.daemon.job.ClaimedRun;
import dev.queuectl.daemon.store.StoreException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims due jobs for free workers and fires due schedules. Event-driven: it sleeps until woken (an
 * enqueue committed, a run ended, the pool, a queue or a schedule changed) or until the earliest
 * {@code run_at} of a waiting job or next fire time of a schedule. There is no polling interval. One thread; {@link #wake()} may be called from any thread.
 *
 * <p>A pass that fails is tried again later (half a second, doubling up to a minute): a store
 * refusal is a warning, anything else is logged at ERROR and counted in {@code status}; an
 * {@link Error} stops the daemon (see {@link dev.queuectl.daemon.health.Health}).
 */
final class Dispatcher {
    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    /** After a store error, try again this much later (doubling up to a minute). */
    private static final Duration FIRST_RETRY = Duration.ofMillis(500);
    private static final Duration LONGEST_RETRY = Duration.ofMinutes(1);
    /**
     * The longest single sleep. A far-off run_at (years ahead) is reached by sleeping again, so
     * the timer's arithmetic never overflows whatever the store holds.
     */
    private static final Duration LONGEST_SLEEP = Duration.ofHours(1);
    /** While the pool is stopped, the shortest time between two looks at the waiting jobs. */
    private static final Duration STOPPED_LOOK_AGAIN = Duration.ofSeconds(1);

    private final EngineContext ctx;
    private final IntSupplier slotsInUse;
    private final Consumer<ClaimedRun> start;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Thread thread;
    private final Loop turns;
    private final ScheduleTimer schedules;
    private boolean wakeRequested = true;
    private boolean stopped;
    private Instant nextDue;
    private Duration retryDelay = FIRST_RETRY;
    /** While the pool is stopped: when waiting jobs may next be looked at (dispatcher thread only). */
    private Instant stoppedLookAfter;

    /**
     * @param slotsInUse worker slots taken (the dispatcher is the only one that takes them)
     * @param start hands a claimed run to a worker, taking a slot
     */
    Dispatcher(EngineContext ctx, IntSupplier slotsInUse, Consumer<ClaimedRun> start) {
        this.ctx = ctx;
        this.slotsInUse = slotsInUse;
        this.start = start;
        this.thread = new Thread(this::loop, "queuectl-dispatcher");
        this.thread.setDaemon(true);
        this.turns = ctx.health.loop(Loop.DISPATCHER, thread::isAlive);
        this.schedules = new ScheduleTimer(ctx);
        this.thread.setUncaughtExceptionHandler((t, e) -> turns.died(e));
    }

    void start() {
        thread.start();
    }

    /** Schedules changed: the next fire time is read again on the next pass, which this requests. */
    void schedulesChanged() {
        schedules.changed();
        wake();
    }

    void wake() {
        lock.lock();
        try {
            wakeRequested = true;
            changed.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Stops claiming; returns once the dispatcher thread has finished its current pass. */
    void stop() {
        lock.lock();
        try {
            stopped = true;
            changed.signal();
        } finally {
            lock.unlock();
        }
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void loop() {
        while (true) {
            try {
                if (!awaitWork()) {
                    return;
                }
            } catch (InterruptedException e) {
                return;
            }
            try {
                turns.begin(null);
                dispatch();
                turns.end();
                retryDelay = FIRST_RETRY;
            } catch (RuntimeException | Error e) {
                Throwable cause = RunJournal.unwrap(e);
                if (cause instanceof StoreException) {
                    // the store refused (disk full, read-only): expected, and it passes
                    turns.end();
                    log.warn("could not claim jobs ({}); trying again in {}", rootMessage(cause), retryDelay);
                } else if (!turns.failed(null, cause)) {
                    return;
                }
                wakeAt(ctx.clock.instant().plus(retryDelay));
                retryDelay = retryDelay.multipliedBy(2).compareTo(LONGEST_RETRY) > 0
                        ? LONGEST_RETRY : retryDelay.multipliedBy(2);
            }
        }
    }

    /** Sleeps until woken or until the next due time; false once stopped. */
    private boolean awaitWork() throws InterruptedException {
        lock.lock();
        try {
            while (!wakeRequested && !stopped) {
                if (nextDue == null) {
                    changed.await();
                } else {
                    long nanos = nanosUntil(nextDue);
                    if (nanos <= 0) {
                        break;
                    }
                    changed.awaitNanos(nanos);
                }
            }
            if (stopped) {
                return false;
            }
            wakeRequested = false;
            nextDue = null;
            return true;
        } finally {
            lock.unlock();
        }
    }

    private void dispatch() {
        claimForFreeWorkers();
        // Schedules fire whatever the pool does (a firing only enqueues, and wakes us to claim
        // what it enqueued); after the claim, so that the claim's latency owes them nothing.
        schedules.fire(ctx.clock.instant()).ifPresent(this::wakeAt);
    }

    private void claimForFreeWorkers() {
        RuntimeConfig config = ctx.runtime.get();
        if (config.workersStopped()) {
            // Claim nothing, but mark the jobs whose run_at has come as due, so that what status
            // says of the waiting jobs stays true while the pool is stopped; worker start wakes us.
            // A burst of wake-ups (enqueues into a stopped pool) is looked at once a second at most.
            Instant now = ctx.clock.instant();
            if (stoppedLookAfter != null && now.isBefore(stoppedLookAfter)) {
                wakeAt(stoppedLookAfter);
                return;
            }
            stoppedLookAfter = now.plus(STOPPED_LOOK_AGAIN);
            ctx.store.claim(ctx.node, 0).join();
            ctx.store.nextDue().join().ifPresent(this::wakeAt);
            return;
        }
        int free = config.workers() - slotsInUse.getAsInt();
        if (free <= 0) {
            return; // a run's end wakes us
        }
        List<ClaimedRun> claimed = ctx.store.claim(ctx.node, free).join();
        for (ClaimedRun run : claimed) {
            start.accept(run);
        }
        if (claimed.size() == free) {
            wake(); // there may be more due; go round once the workers are counted again
            return;
        }
        Optional<Instant> due = ctx.store.nextDue().join();
        due.ifPresent(this::wakeAt);
    }

    /** Nanoseconds from now until {@code at}, at most {@link #LONGEST_SLEEP}: never overflows. */
    private long nanosUntil(Instant at) {
        Duration d = Duration.between(ctx.clock.instant(), at);
        if (d.isNegative()) {
            return 0;
        }
        return d.compareTo(LONGEST_SLEEP) > 0 ? LONGEST_SLEEP.toNanos() : d.toNanos();
    }

    /** Makes sure the dispatcher looks again no later than {@code at}. */
    private void wakeAt(Instant at) {
        lock.lock();
        try {
            if (nextDue == null || at.isBefore(nextDue)) {
                nextDue = at;
                changed.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
