package dev.queuectl.daemon.engine;

import dev.queuectl.daemon.job.RunEnd;
import dev.queuectl.daemon.job.RunOutcome;
import dev.queuectl.daemon.job.Transition;
import dev.queuectl.daemon.store.JobStore;
import dev.queuectl.protocol.Timestamps;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records runs' ends in the store and in the job log. Called on worker threads; thread-safe.
 */
final class RunJournal {
    private static final Logger log = LoggerFactory.getLogger(RunJournal.class);
    private static final Logger jobLog = LoggerFactory.getLogger("queuectl.jobs");

    private final EngineContext ctx;
    /** Opens when the engine closes: ends retries that wait for the store. */
    private final Gate closing;

    RunJournal(EngineContext ctx, Gate closing) {
        this.ctx = ctx;
        this.closing = closing;
    }

    /**
     * Records a run's end (claiming up to {@code claim} next jobs in the same transaction),
     * retrying while the store cannot write (a full disk, say): the worker keeps its slot
     * meanwhile, so the job is never left looking like it still runs. If the daemon stops first,
     * recovery at the next start records the run as interrupted.
     */
    JobStore.FinishResult record(RunEnd end, int claim) {
        long delayMs = 100;
        boolean warned = false;
        while (true) {
            try {
                JobStore.FinishResult r = ctx.store.finishAndClaim(end, ctx.node, claim).join();
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
    static void log(RunEnd end, Duration ran) {
        String next = end.transition() == Transition.RETRY_LATER
                ? "retry at " + Timestamps.format(end.retryAt()) : "now " + end.transition().to().key();
        var event = (end.transition() == Transition.BURY && end.outcome() != RunOutcome.CANCELLED)
                || end.outcome() == RunOutcome.INTERRUPTED ? jobLog.atWarn() : jobLog.atInfo();
        event.addKeyValue("job", end.id())
                .addKeyValue("attempt", end.attempt())
                .addKeyValue("outcome", end.outcome().key())
                .addKeyValue("duration_ms", ran.toMillis())
                .addKeyValue("exit_code", end.exitCode())
                .addKeyValue("state", end.transition().to().key())
                .log("job {} attempt {} {} in {}ms ({}); {}", end.id(), end.attempt(), end.outcome().key(),
                        ran.toMillis(), end.reason(), next);
    }

    static Throwable unwrap(Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }
}
