package dev.queuectl.daemon.engine;

import dev.queuectl.daemon.engine.process.ContainmentInfo;
import dev.queuectl.daemon.engine.process.Watchdog;
import dev.queuectl.daemon.event.EventBus;
import dev.queuectl.daemon.event.JobEvent;
import dev.queuectl.daemon.health.Loop;
import dev.queuectl.daemon.job.JobState;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run lifecycle: recovers this node's runs after a crash, dispatches due jobs to the worker
 * pool, stops runs on request, and drains. Wakes up on the event stream's enqueues, jobs becoming
 * pending and configuration changes. Thread-safe; nothing here blocks its caller except
 * {@link #start()} (recovery) and {@link #close()}.
 */
public final class Engine implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Engine.class);

    private final EngineContext ctx;
    private final RunRegistry registry = new RunRegistry();
    private final Gate closing = new Gate();
    private final Dispatcher dispatcher;
    private final WorkerPool pool;
    private final Drainer drainer;
    private final EventBus.Subscription wakeUps;
    private final OutputKeeper output;
    private Watchdog watchdog;

    private volatile ScheduledFuture<?> outputGuard;

    public Engine(EngineParts parts) {
        this.ctx = new EngineContext(parts);
        this.output = ctx.store.outputStore().<OutputKeeper>map(s -> new StoredOutput(ctx, s))
                .orElseGet(() -> new FileOutput(ctx, registry));
        Dispatcher[] d = new Dispatcher[1];
        this.pool = new WorkerPool(ctx, registry, new RunJournal(ctx, closing), parts.workers(), () -> d[0].wake(),
                output);
        this.dispatcher = new Dispatcher(ctx, pool::slotsInUse, pool::start);
        d[0] = dispatcher;
        this.drainer = new Drainer(ctx, registry, pool, dispatcher);
        this.wakeUps = ctx.events.subscribe(this::onEvent);
    }

    private void onEvent(JobEvent e) {
        if (e instanceof JobEvent.RunClaimed || e instanceof JobEvent.RunFinished) {
            ctx.cluster.load(ctx.runtime.get().workers(), registry.busy());
        }
        if (e instanceof JobEvent.Enqueued || e instanceof JobEvent.ConfigChanged || e instanceof JobEvent.Modified
                || e instanceof JobEvent.QueuesChanged
                || e instanceof JobEvent.StateChanged && ((JobEvent.StateChanged) e).state() == JobState.PENDING
                || e instanceof JobEvent.BulkChanged && ((JobEvent.BulkChanged) e).state() == JobState.PENDING) {
            dispatcher.wake();
        } else if (e instanceof JobEvent.SchedulesChanged) {
            dispatcher.schedulesChanged();
        }
    }

    /** Recovers runs a crash left behind (blocking), then starts dispatching. */
    public void start() {
        log.info("node {}: running jobs with the {}; {}", ctx.node, ctx.launcher.describe(),
                ctx.containment.info().describe());
        try {
            ctx.outputs.clearSpools();
        } catch (IOException e) {
            log.warn("could not clear {}: {}", ctx.settings.outputDir().resolve(".spool"), e.toString());
        }
        if (ctx.cluster.shared()) {
            // Other nodes rerun this node's jobs once its lease expires: its runs must not outlive it.
            watchdog = Watchdog.start(EngineContext.RUN_VARIABLE + "=" + ctx.settings.dataDir() + "#", ctx.fenceGrace);
        }
        Recovery recovery = new Recovery(ctx);
        recovery.run();
        dispatcher.start();
        if (ctx.cluster.shared()) {
            // Runs of nodes whose lease expired: any live node records them as interrupted.
            long every = Math.max(100, ctx.cluster.lease().toMillis() / 3);
            ctx.timer.scheduleWithFixedDelay(() -> {
                try {
                    if (!ctx.cluster.fenced() && recovery.recoverOrphans() > 0) {
                        dispatcher.wake();
                    }
                } catch (RuntimeException e) {
                    log.debug("could not look for runs of nodes whose lease expired: {}", e.toString());
                }
            }, every, every, TimeUnit.MILLISECONDS);
        }
        // One guard for every running job's output (not a timer task per run): a runaway job's
        // file has its head freed beyond the output limit; a shared store gets the new output.
        Loop guard = ctx.health.loop(Loop.OUTPUT_GUARD, () -> outputGuard != null && !outputGuard.isDone());
        outputGuard = ctx.timer.scheduleWithFixedDelay(() -> guard.turn(null, () -> {
            for (ActiveRun a : registry.all()) {
                try {
                    output.tick(a);
                } catch (RuntimeException e) {
                    guard.failed(a.run.id(), e);
                }
            }
        }), output.tickMillis(), output.tickMillis(), TimeUnit.MILLISECONDS);
    }

    /** How this daemon keeps track of its runs' processes. */
    public ContainmentInfo containment() {
        return ctx.containment.info();
    }

    /** Jobs may have become claimable on another node's word (or a poll): look again. */
    public void wake() {
        dispatcher.wake();
    }

    /**
     * This node may not run jobs (it could not renew its lease): claims stop (the store refuses
     * them) and every run is stopped at once, recorded as interrupted for {@code why}.
     */
    public void fence(String why) {
        ctx.fenceReason.set(why);
        for (ActiveRun a : registry.all()) {
            a.requestStop(StopReason.FENCE);
        }
    }

    /** The node holds a lease again: claim. */
    public void unfence() {
        dispatcher.wake();
    }

    /** Where run output is read from. */
    public RunLogs logs() {
        return output;
    }

    /** This daemon's node id. */
    public String node() {
        return ctx.node;
    }

    /** The runs in progress here, oldest first. */
    public List<RunningRun> running() {
        List<RunningRun> out = new ArrayList<>();
        for (ActiveRun a : registry.all()) {
            Instant since = a.startedAt() != null ? a.startedAt() : a.run.claimedAt();
            out.add(new RunningRun(a.run.id(), a.run.attempt(), since));
        }
        out.sort(Comparator.comparing(RunningRun::since));
        return out;
    }

    /** How many runs are in progress here (cheaper than {@link #running()}). */
    public int busy() {
        return registry.busy();
    }

    /** Completes when no run is in progress here. */
    public CompletableFuture<Void> whenIdle() {
        return registry.whenIdle();
    }

    /** Stops the job's run here, if it has one (a cancel overrides a timeout; nothing overrides a drain). */
    public CancelOutcome cancel(String id) {
        ActiveRun active = registry.byId(id);
        if (active == null) {
            return CancelOutcome.NOT_RUNNING;
        }
        if (!active.requestStop(StopReason.CANCEL) && active.stopReason() == StopReason.DRAIN) {
            return new CancelOutcome(CancelOutcome.Status.DRAINING, active.ended);
        }
        return new CancelOutcome(CancelOutcome.Status.STOPPING, active.ended);
    }

    /** The run {@code attempt} of job {@code seq}, if it is in progress here. */
    public Optional<LiveRun> live(long seq, int attempt) {
        ActiveRun active = registry.bySeq(seq);
        if (active == null || active.run.attempt() != attempt || active.ended.isDone()) {
            return Optional.empty();
        }
        return Optional.of(new LiveRun(active.freedBytes(), active.ended));
    }

    /**
     * Stops claiming, lets running jobs finish for up to {@code timeout}, then stops the rest
     * and records them as interrupted. Idempotent: a second call returns the first one's future.
     */
    public CompletableFuture<DrainSummary> drain(Duration timeout) {
        return drainer.drain(timeout);
    }

    public boolean draining() {
        return pool.draining();
    }

    /** Drains with the configured timeout, then stops the engine's threads (not the executors it was given). */
    @Override
    public void close() {
        CompletableFuture<DrainSummary> drained = drain(ctx.settings.drainTimeout());
        try {
            drained.get(ctx.settings.drainTimeout().plus(ctx.settings.killGrace()).plusSeconds(30).toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            log.warn("drain did not finish cleanly: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        wakeUps.cancel();
        closing.open();
        ctx.terminator.killPendingNow();
        if (watchdog != null) {
            watchdog.close();
        }
        ctx.containment.close();
    }
}
