package dev.queuectl.daemon.engine;

import dev.queuectl.daemon.engine.process.ContainmentInfo;
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

    private volatile ScheduledFuture<?> outputGuard;

    public Engine(EngineParts parts) {
        this.ctx = new EngineContext(parts);
        Dispatcher[] d = new Dispatcher[1];
        this.pool = new WorkerPool(ctx, registry, new RunJournal(ctx, closing), parts.workers(), () -> d[0].wake());
        this.dispatcher = new Dispatcher(ctx, pool::slotsInUse, pool::start);
        d[0] = dispatcher;
        this.drainer = new Drainer(ctx, registry, pool, dispatcher);
        this.wakeUps = ctx.events.subscribe(this::onEvent);
    }

    private void onEvent(JobEvent e) {
        if (e instanceof JobEvent.Enqueued || e instanceof JobEvent.ConfigChanged || e instanceof JobEvent.Modified
                || e instanceof JobEvent.StateChanged && ((JobEvent.StateChanged) e).state() == JobState.PENDING
                || e instanceof JobEvent.BulkChanged && ((JobEvent.BulkChanged) e).state() == JobState.PENDING) {
            dispatcher.wake();
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
        new Recovery(ctx).run();
        dispatcher.start();
        // One guard for every running job's output (not a timer task per run): once a second,
        // a runaway job's file has its head freed beyond the output limit.
        Loop guard = ctx.health.loop(Loop.OUTPUT_GUARD, () -> outputGuard != null && !outputGuard.isDone());
        outputGuard = ctx.timer.scheduleWithFixedDelay(() -> guard.turn(null, () -> {
            for (ActiveRun a : registry.all()) {
                try {
                    a.freedBytes(ctx.outputs.guard(a.output, a.freedBytes()));
                } catch (RuntimeException e) {
                    guard.failed(a.run.id(), e);
                }
            }
        }), 1, 1, TimeUnit.SECONDS);
    }

    /** How this daemon keeps track of its runs' processes. */
    public ContainmentInfo containment() {
        return ctx.containment.info();
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
        ctx.containment.close();
    }
}
