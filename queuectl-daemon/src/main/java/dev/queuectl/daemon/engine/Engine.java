package dev.queuectl.daemon.engine;

import dev.queuectl.daemon.config.ConfigKey;
import dev.queuectl.daemon.config.RuntimeConfig;
import dev.queuectl.daemon.config.RuntimeSettings;
import dev.queuectl.daemon.job.Transition;
import dev.queuectl.daemon.store.ClaimedRun;
import dev.queuectl.daemon.store.IllegalTransitionException;
import dev.queuectl.daemon.store.JobStore;
import dev.queuectl.daemon.store.OutputLocation;
import dev.queuectl.daemon.store.RunEnd;
import dev.queuectl.daemon.store.RunOutcome;
import dev.queuectl.protocol.Durations;
import dev.queuectl.protocol.ErrorCode;
import dev.queuectl.protocol.JobState;
import dev.queuectl.protocol.ProtocolException;
import dev.queuectl.protocol.Timestamps;
import dev.queuectl.protocol.request.LogsRequest;
import dev.queuectl.protocol.result.BusyWorker;
import dev.queuectl.protocol.result.CountResult;
import dev.queuectl.protocol.result.DrainResult;
import dev.queuectl.protocol.result.JobView;
import dev.queuectl.protocol.result.LogChunk;
import dev.queuectl.protocol.result.WaitResult;
import dev.queuectl.protocol.result.WorkersView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs jobs: recovers after a crash, dispatches due jobs to a pool of workers, and carries out
 * cancel, wait, logs, the worker switch, DLQ operations and the drain. Thread-safe; every
 * operation returns a future and never blocks its caller.
 */
public final class Engine implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Engine.class);
    private static final Logger jobLog = LoggerFactory.getLogger("queuectl.jobs");
    /** How long a {@code logs --follow} request waits for new output before answering empty. */
    private static final Duration LOGS_WAIT = Duration.ofSeconds(10);

    private final EngineContext ctx;
    private final RuntimeSettings runtime;
    private final RunRegistry registry = new RunRegistry();
    /**
     * Worker slots in use: one per run chain, from the dispatcher's claim until the chain ends.
     * Only the dispatcher takes slots, so there are never more than {@code workers}; a chain keeps
     * its slot from one run to the next, whatever the other chains are doing.
     */
    private final AtomicInteger slots = new AtomicInteger();
    private final Waiters waiters = new Waiters();
    private final Dispatcher dispatcher;
    private final JobRunner runner;
    private final Retention retention;
    private final ExecutorService workers;
    private final ScheduledThreadPoolExecutor timer;
    private final AtomicInteger drainFinished = new AtomicInteger();
    private final AtomicInteger drainInterrupted = new AtomicInteger();
    private volatile boolean draining;
    /** Opens when the engine closes: ends retries that wait for the store. */
    private final Gate closing = new Gate();
    private CompletableFuture<DrainResult> drain;

    public Engine(JobStore store, RuntimeSettings runtime, Clock clock, EngineSettings settings, RunListener listener) {
        this.runtime = runtime;
        this.timer = new ScheduledThreadPoolExecutor(1, named("queuectl-timer"));
        this.timer.setRemoveOnCancelPolicy(true);
        ProcessLauncher launcher = NativeLauncher.load(settings.dataDir().resolve("lib")).orElseGet(JdkLauncher::new);
        this.ctx = new EngineContext(store, clock, settings, runtime::current, launcher, timer, listener);
        this.runner = new JobRunner(ctx);
        this.retention = new Retention(ctx);
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "queuectl-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.dispatcher = new Dispatcher(ctx, slots::get, this::startRun);
        runtime.onChange(c -> dispatcher.wake());
    }

    private static java.util.concurrent.ThreadFactory named(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** Recovers runs a crash left behind (blocking), then starts dispatching. */
    public void start() {
        log.info("running jobs with the {}", ctx.launcher.describe());
        try {
            ctx.outputs.clearSpools();
        } catch (java.io.IOException e) {
            log.warn("could not clear {}: {}", ctx.settings.outputDir().resolve(".spool"), e.toString());
        }
        new Recovery(ctx).run();
        dispatcher.start();
        retention.schedule();
        // One guard for every running job's output (not a timer task per run): once a second,
        // a runaway job's file has its head freed beyond the output limit.
        timer.scheduleWithFixedDelay(() -> {
            for (ActiveRun a : registry.all()) {
                a.freedBytes(ctx.outputs.guard(a.output, a.freedBytes()));
            }
        }, 1, 1, TimeUnit.SECONDS);
    }

    /** Something changed that may make a job runnable (an enqueue, a retry). */
    public void wake() {
        dispatcher.wake();
    }

    // ---- runs ----

    /** The dispatcher hands a claimed run to a free worker. */
    private void startRun(ClaimedRun run) {
        slots.incrementAndGet();
        ActiveRun active = activate(run);
        try {
            workers.execute(() -> runChain(active));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // the engine is closing; the claimed run is recovered as interrupted at the next start
            registry.remove(active);
            slots.decrementAndGet();
            throw e;
        }
    }

    private ActiveRun activate(ClaimedRun run) {
        ActiveRun active;
        try {
            active = new ActiveRun(run, ctx.outputs.open(run.seq(), run.attempt()), ctx.terminator);
        } catch (java.io.IOException e) {
            active = new ActiveRun(run, new OutputFiles.RunFile(ctx.outputs.path(run.seq(), run.attempt()), null),
                    ctx.terminator);
            log.error("cannot create the output directory for job {}: {}", run.id(), e.toString());
        }
        registry.add(active);
        return active;
    }

    /**
     * A worker's life: run, record the end and — while its slot is still wanted — claim the next
     * job in the same transaction and run that, so a busy queue costs one commit per run's end
     * and claim rather than two.
     */
    private void runChain(ActiveRun first) {
        ActiveRun active = first;
        while (active != null) {
            active = finish(active, runner.run(active));
        }
    }

    /** Records a run's end (claiming a successor when the slot stays wanted) and tells everyone who cares. */
    private ActiveRun finish(ActiveRun active, RunEnd end) {
        boolean keep = keepSlot();
        JobStore.FinishResult result = recordEnd(end, keep ? 1 : 0);
        ActiveRun next = result.claimed().isEmpty() ? null : activate(result.claimed().get(0));
        if (keep && next == null) {
            slots.decrementAndGet(); // nothing due: the chain ends
        }
        Instant started = active.startedAt() != null ? active.startedAt() : end.finishedAt();
        Duration ran = Duration.between(started, end.finishedAt());
        logEnd(end, ran);
        if (draining) {
            (end.outcome() == RunOutcome.INTERRUPTED ? drainInterrupted : drainFinished).incrementAndGet();
        }
        registry.remove(active); // after the counts: a drain waiting for idle reads them
        ctx.listener.runEnded(end, ran);
        active.ended.complete(end);
        if (end.transition() == Transition.COMPLETE || end.transition() == Transition.BURY) {
            waiters.signal(end.id());
        }
        if (next == null || end.transition() == Transition.RETRY_LATER) {
            dispatcher.wake(); // a slot is free, or a retry needs the timer
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
            RuntimeConfig c = runtime.current();
            int inUse = slots.get();
            if (!draining && !c.workersStopped() && inUse <= c.workers()) {
                return true;
            }
            if (slots.compareAndSet(inUse, inUse - 1)) {
                return false;
            }
        }
    }

    /**
     * Records a run's end, retrying while the store cannot write (a full disk, say): the worker
     * keeps its slot meanwhile, so the job is never left looking like it still runs. If the
     * daemon stops first, recovery at the next start records the run as interrupted.
     */
    private JobStore.FinishResult recordEnd(RunEnd end, int claim) {
        long delayMs = 100;
        boolean warned = false;
        while (true) {
            try {
                JobStore.FinishResult r = ctx.store.finishAndClaim(end, claim).join();
                if (!r.applied()) {
                    log.warn("job {} left processing during run {}; its end was recorded in the history only",
                            end.id(), end.attempt());
                }
                if (warned) {
                    log.info("recorded the end of job {} run {} after all", end.id(), end.attempt());
                }
                return r;
            } catch (RuntimeException e) {
                if (!warned) {
                    log.error("could not record the end of job {} run {} ({}); retrying until the store can write",
                            end.id(), end.attempt(), unwrap(e).getMessage());
                    warned = true;
                }
            }
            if (closing.await(delayMs)) {
                log.warn("stopping with the end of job {} run {} unrecorded; the next start recovers it",
                        end.id(), end.attempt());
                return new JobStore.FinishResult(false, List.of());
            }
            delayMs = Math.min(delayMs * 2, 5_000);
            claim = 0;
        }
    }

    /** One line per run end, with the job's fields as key-value pairs; never the job's output. */
    private static void logEnd(RunEnd end, Duration ran) {
        String next = end.transition() == Transition.RETRY_LATER
                ? "retry at " + Timestamps.format(end.retryAt()) : "now " + end.transition().to().wireName();
        var event = (end.transition() == Transition.BURY && end.outcome() != RunOutcome.CANCELLED)
                || end.outcome() == RunOutcome.INTERRUPTED ? jobLog.atWarn() : jobLog.atInfo();
        event.addKeyValue("job", end.id())
                .addKeyValue("attempt", end.attempt())
                .addKeyValue("outcome", end.outcome().wireName())
                .addKeyValue("duration_ms", ran.toMillis())
                .addKeyValue("exit_code", end.exitCode())
                .addKeyValue("state", end.transition().to().wireName())
                .log("job {} attempt {} {} in {}ms ({}); {}", end.id(), end.attempt(), end.outcome().wireName(),
                        ran.toMillis(), end.reason(), next);
    }

    public WorkersView workers() {
        RuntimeConfig c = runtime.current();
        Instant now = ctx.clock.instant();
        List<BusyWorker> busy = new ArrayList<>();
        for (ActiveRun a : registry.all()) {
            Instant since = a.startedAt() != null ? a.startedAt() : a.run.claimedAt();
            busy.add(new BusyWorker(a.run.id(), a.run.attempt(), since, Duration.between(since, now).toMillis() / 1000.0));
        }
        busy.sort(Comparator.comparing(BusyWorker::startedAt));
        return new WorkersView(c.workers(), c.workersStopped(), busy);
    }

    // ---- worker switch ----

    public CompletableFuture<WorkersView> startWorkers(Integer count) {
        return runtime.update(c -> (count == null ? c : c.with(ConfigKey.WORKERS, count)).withWorkersStopped(false))
                .thenApply(c -> workers());
    }

    public CompletableFuture<WorkersView> stopWorkers(boolean waitForIdle) {
        return runtime.update(c -> c.withWorkersStopped(true))
                .thenCompose(c -> waitForIdle ? registry.whenIdle() : CompletableFuture.completedFuture(null))
                .thenApply(x -> workers());
    }

    // ---- cancel, wait ----

    public CompletableFuture<JobView> cancel(String id) {
        return cancel(id, 0);
    }

    private CompletableFuture<JobView> cancel(String id, int tries) {
        ActiveRun active = registry.byId(id);
        if (active != null) {
            if (!active.requestStop(StopReason.CANCEL) && active.stopReason() == StopReason.DRAIN) {
                return CompletableFuture.failedFuture(new ProtocolException(ErrorCode.UNAVAILABLE,
                        "job '" + id + "' is being stopped because the daemon is shutting down"));
            }
            return active.ended.thenCompose(end -> ctx.store.find(id))
                    .thenApply(v -> v.orElseThrow(() -> ProtocolException.notFound(id)));
        }
        return ctx.store.cancel(id).handle((view, error) -> {
            Throwable cause = unwrap(error);
            if (cause instanceof IllegalTransitionException
                    && ((IllegalTransitionException) cause).current() == JobState.PROCESSING && tries < 100) {
                // Claimed a moment ago: its run is about to be registered.
                return delayed(Duration.ofMillis(10)).thenCompose(x -> cancel(id, tries + 1));
            }
            if (error != null) {
                return CompletableFuture.<JobView>failedFuture(cause);
            }
            waiters.signal(id);
            ctx.listener.jobCancelled(id);
            return CompletableFuture.completedFuture(view);
        }).thenCompose(f -> f);
    }

    private CompletableFuture<Void> delayed(Duration d) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        timer.schedule(() -> f.complete(null), d.toMillis(), TimeUnit.MILLISECONDS);
        return f;
    }

    private static Throwable unwrap(Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }

    private static boolean ended(JobState s) {
        return s == JobState.COMPLETED || s == JobState.DEAD;
    }

    /** Completes when the job is completed or dead, or when {@code timeout} passes (null: never). */
    public CompletableFuture<WaitResult> await(String id, Duration timeout) {
        Instant deadline = timeout == null ? null : ctx.clock.instant().plus(timeout);
        return awaitUntil(id, deadline);
    }

    private CompletableFuture<WaitResult> awaitUntil(String id, Instant deadline) {
        CompletableFuture<Void> signal = waiters.register(id);
        return ctx.store.find(id).thenCompose(found -> {
            JobView job = found.orElseThrow(() -> {
                waiters.unregister(id, signal);
                return ProtocolException.notFound(id);
            });
            if (ended(job.state())) {
                waiters.unregister(id, signal);
                return CompletableFuture.completedFuture(new WaitResult(true, job));
            }
            CompletableFuture<Void> bounded = signal;
            if (deadline != null) {
                long ms = Math.max(0, Duration.between(ctx.clock.instant(), deadline).toMillis());
                bounded = signal.orTimeout(ms, TimeUnit.MILLISECONDS);
            }
            return bounded.handle((x, error) -> error).thenCompose(error -> {
                waiters.unregister(id, signal);
                if (unwrap(error) instanceof TimeoutException) {
                    return ctx.store.find(id).thenApply(v -> new WaitResult(false,
                            v.orElseThrow(() -> ProtocolException.notFound(id))));
                }
                return awaitUntil(id, deadline);
            });
        });
    }

    // ---- logs ----

    public CompletableFuture<LogChunk> logs(LogsRequest request) {
        return ctx.store.locate(request.id()).thenCompose(found -> {
            OutputLocation job = found.orElseThrow(() -> ProtocolException.notFound(request.id()));
            if (job.runs() == 0) {
                return CompletableFuture.completedFuture(new LogChunk(job.id(), 0, 0, 0, 0, 0, false, ""));
            }
            int attempt = request.attempt() == null ? job.runs() : request.attempt();
            if (attempt > job.runs()) {
                throw ProtocolException.invalid("job '" + job.id() + "' has had " + job.runs()
                        + (job.runs() == 1 ? " run" : " runs") + "; there is no attempt " + attempt);
            }
            Instant giveUp = request.waitForData() ? ctx.clock.instant().plus(LOGS_WAIT) : null;
            return readLogs(job, attempt, request.offset(), giveUp);
        });
    }

    private CompletableFuture<LogChunk> readLogs(OutputLocation job, int attempt, long offset, Instant giveUp) {
        ActiveRun active = registry.bySeq(job.seq());
        boolean running = active != null && active.run.attempt() == attempt && !active.ended.isDone();
        java.nio.file.Path file = ctx.outputs.path(job.seq(), attempt);
        CompletableFuture<Long> shift = running ? CompletableFuture.completedFuture(0L)
                : ctx.store.outputDropped(job.seq(), attempt);
        return shift.thenCompose(dropped -> {
            long freed = running ? active.freedBytes() : dropped;
            OutputFiles.Chunk c = ctx.outputs.read(file, offset, freed, running ? 0 : dropped, !running);
            boolean nothingNew = c.data().isEmpty();
            if (nothingNew && running && giveUp != null && ctx.clock.instant().isBefore(giveUp)) {
                CompletableFuture<Void> later = delayed(Duration.ofMillis(100));
                return CompletableFuture.anyOf(later, active.ended).thenCompose(x -> readLogs(job, attempt, offset, giveUp));
            }
            return CompletableFuture.completedFuture(new LogChunk(job.id(), attempt, job.runs(), c.offset(),
                    c.nextOffset(), freed, running, c.data()));
        });
    }

    // ---- the dead-letter queue ----

    public CompletableFuture<JobView> retryDead(String id) {
        return ctx.store.revive(id).whenComplete((v, e) -> dispatcher.wake());
    }

    public CompletableFuture<CountResult> retryAllDead() {
        return ctx.store.reviveAllDead().whenComplete((v, e) -> dispatcher.wake()).thenApply(CountResult::new);
    }

    public CompletableFuture<CountResult> purgeDead(String id) {
        return ctx.store.purge(id).thenApply(job -> {
            ctx.outputs.delete(job.seq(), job.runs());
            waiters.signal(job.id());
            return new CountResult(1);
        });
    }

    public CompletableFuture<CountResult> purgeAllDead() {
        return ctx.store.purgeAllDead().thenApply(jobs -> {
            for (OutputLocation job : jobs) {
                ctx.outputs.delete(job.seq(), job.runs());
                waiters.signal(job.id());
            }
            return new CountResult(jobs.size());
        });
    }

    /**
     * Deletes finished jobs by hand: {@code completed} and/or {@code dead} ones older than
     * {@code olderThan}, or than their configured retention when it is null.
     */
    public CompletableFuture<CountResult> prune(boolean completed, boolean dead, Duration olderThan) {
        RuntimeConfig c = runtime.current();
        Duration keepCompleted = olderThan != null ? olderThan : c.keepCompleted();
        Duration keepDead = olderThan != null ? olderThan : c.keepDead();
        if (dead && keepDead == null && !completed) {
            throw ProtocolException.invalid("dead jobs are kept until purged (keep_dead is none); say how old with"
                    + " --older-than, or use queuectl dlq purge");
        }
        CompletableFuture<Long> a = completed && keepCompleted != null
                ? retention.prune(JobState.COMPLETED, keepCompleted) : CompletableFuture.completedFuture(0L);
        return a.thenCompose(n -> (dead && keepDead != null ? retention.prune(JobState.DEAD, keepDead)
                : CompletableFuture.completedFuture(0L)).thenApply(m -> new CountResult(n + m)));
    }

    // ---- drain ----

    /**
     * Stops claiming, lets running jobs finish for up to {@code timeout}, then stops the rest
     * (TERM, then KILL after the grace period) and records them as interrupted. Idempotent: a
     * second call returns the first one's future.
     */
    public synchronized CompletableFuture<DrainResult> drain(Duration timeout) {
        if (drain != null) {
            return drain;
        }
        draining = true;
        drain = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                dispatcher.stop();
                int running = registry.busy();
                if (running > 0) {
                    log.info("draining: waiting up to {} for {} running job(s)", Durations.format(timeout), running);
                }
                if (!await(registry.whenIdle(), timeout)) {
                    int stopping = 0;
                    for (ActiveRun a : registry.all()) {
                        if (a.requestStop(StopReason.DRAIN)) {
                            stopping++;
                        }
                    }
                    log.warn("drain timeout ({}) reached: stopping {} job(s); they will run again", Durations.format(timeout), stopping);
                    if (!await(registry.whenIdle(), ctx.settings.killGrace().plusSeconds(30))) {
                        log.error("{} run(s) did not end after SIGKILL", registry.busy());
                    }
                }
                drain.complete(new DrainResult(drainFinished.get(), drainInterrupted.get()));
            } catch (RuntimeException e) {
                drain.completeExceptionally(e);
            }
        }, "queuectl-drain");
        t.start();
        return drain;
    }

    private static boolean await(CompletableFuture<Void> f, Duration limit) {
        try {
            f.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return true;
        }
    }

    public boolean draining() {
        return draining;
    }

    /** Drains with the configured timeout, then stops the engine's threads. */
    @Override
    public void close() {
        CompletableFuture<DrainResult> drained = drain(ctx.settings.drainTimeout());
        try {
            drained.get(ctx.settings.drainTimeout().plus(ctx.settings.killGrace()).plusSeconds(30).toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
            log.warn("drain did not finish cleanly: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closing.open();
        ctx.terminator.killPendingNow();
        workers.shutdown();
        timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        timer.shutdown();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
