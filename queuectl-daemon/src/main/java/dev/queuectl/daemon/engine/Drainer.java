package dev.queuectl.daemon.engine;

import dev.queuectl.daemon.health.Loop;
import dev.queuectl.protocol.Durations;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The drain: stop claiming, let running jobs finish for up to the timeout, then stop the rest
 * (TERM, then KILL after the grace period), whose runs are recorded as interrupted. Runs once,
 * on a thread of its own; whatever goes wrong in it, its future completes. Thread-safe.
 */
final class Drainer {
    private static final Logger log = LoggerFactory.getLogger(Drainer.class);

    private final EngineContext ctx;
    private final RunRegistry registry;
    private final WorkerPool pool;
    private final Dispatcher dispatcher;
    private CompletableFuture<DrainSummary> drain;

    Drainer(EngineContext ctx, RunRegistry registry, WorkerPool pool, Dispatcher dispatcher) {
        this.ctx = ctx;
        this.registry = registry;
        this.pool = pool;
        this.dispatcher = dispatcher;
    }

    synchronized CompletableFuture<DrainSummary> drain(Duration timeout) {
        if (drain != null) {
            return drain;
        }
        pool.startDraining();
        drain = new CompletableFuture<>();
        CompletableFuture<DrainSummary> result = drain;
        Loop turns = ctx.health.task(Loop.DRAIN);
        Thread t = new Thread(() -> {
            try {
                turns.begin(null);
                run(timeout);
                turns.end();
                result.complete(new DrainSummary(pool.drainFinished(), pool.drainInterrupted()));
            } catch (RuntimeException | Error e) {
                // whatever went wrong, the daemon goes on stopping: its closer waits for this future
                turns.failed(null, e);
                result.completeExceptionally(e);
            }
        }, "queuectl-drain");
        t.start();
        return drain;
    }

    private void run(Duration timeout) {
        dispatcher.stop();
        int running = registry.busy();
        if (running > 0) {
            log.info("draining: waiting up to {} for {} running job(s)", Durations.text(timeout), running);
        }
        if (await(registry.whenIdle(), timeout)) {
            return;
        }
        int stopping = 0;
        for (ActiveRun a : registry.all()) {
            if (a.requestStop(StopReason.DRAIN)) {
                stopping++;
            }
        }
        log.warn("drain timeout ({}) reached: stopping {} job(s); they will run again", Durations.text(timeout),
                stopping);
        if (!await(registry.whenIdle(), ctx.settings.killGrace().plusSeconds(30))) {
            log.error("{} run(s) did not end after SIGKILL", registry.busy());
        }
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
        } catch (ExecutionException e) {
            return true;
        }
    }
}
