package dev.queuectl.daemon.service.handler;

import dev.queuectl.daemon.engine.LiveRun;
import dev.queuectl.daemon.engine.RunLogs;
import dev.queuectl.daemon.event.JobEvent;
import dev.queuectl.daemon.job.JobRef;
import dev.queuectl.daemon.job.JobState;
import dev.queuectl.daemon.job.RunOutcome;
import dev.queuectl.daemon.service.ServiceContext;
import dev.queuectl.daemon.service.Views;
import dev.queuectl.protocol.ProtocolException;
import dev.queuectl.protocol.request.LogsRequest;
import dev.queuectl.protocol.result.LogChunk;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code logs}: a chunk of a run's output from an offset. With {@code wait} ({@code logs
 * --follow}) the answer is held for up to {@value #WAIT_SECONDS} s: for a run that has not
 * started (the job's first, or the run after its latest) until the event stream says the job's
 * run was claimed or the job changed; for a running run until it has new output or ends. Output
 * is looked for again after a pause that grows while the run is quiet; the run's end wakes the
 * wait at once. Once resolved, the run asked for stays the same through the waits. Output is read
 * through the engine's {@link RunLogs}: files here, or the store's chunks when daemons share the
 * store, so a run on another node is followed too (its claim is not announced here: waits for it
 * are bounded by {@value #SHARED_LOOK_MS} ms).
 */
public final class LogsHandler implements OpHandler<LogsRequest> {
    private static final long WAIT_SECONDS = 10;
    private static final Duration FIRST_LOOK = Duration.ofMillis(50);
    private static final Duration LONGEST_LOOK = Duration.ofMillis(500);
    private static final long SHARED_LOOK_MS = 500;
    private static final RunLogs.Slice NOTHING = new RunLogs.Slice(0, 0, 0, false, "");

    private final ServiceContext ctx;

    public LogsHandler(ServiceContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public CompletableFuture<LogChunk> handle(LogsRequest request) {
        Instant giveUp = request.waitForData() ? ctx.clock().instant().plusSeconds(WAIT_SECONDS) : null;
        return look(request.id(), request.attempt(), request.offset(), giveUp, FIRST_LOOK);
    }

    private CompletableFuture<LogChunk> look(String id, Integer asked, long offset, Instant giveUp, Duration pause) {
        boolean wait = giveUp != null;
        // Subscribe before looking, so that a run claimed between the look and the wait is not missed.
        CompletableFuture<JobEvent> change = wait ? ctx.events().next(e -> concerns(e, id)) : null;
        return ctx.store().locate(id).thenCompose(found -> {
            JobRef job = found.orElseThrow(() -> ProtocolException.notFound(id));
            if (!wait && job.runs() == 0) {
                cancel(change);
                return done(chunk(job, 0, NOTHING, false, null));
            }
            int attempt = asked != null ? asked : Math.max(job.runs(), 1);
            if (attempt > job.runs() + (wait ? 1 : 0)) {
                cancel(change);
                throw ProtocolException.invalid("job '" + job.id() + "' has had " + job.runs()
                        + (job.runs() == 1 ? " run" : " runs") + "; there is no attempt " + attempt);
            }
            Duration left = wait ? Duration.between(ctx.clock().instant(), giveUp) : Duration.ZERO;
            boolean mayWait = !left.isNegative() && !left.isZero();
            if (attempt > job.runs()) {
                if (job.state().isFinal() || !mayWait) {
                    cancel(change);
                    return done(chunk(job, attempt, NOTHING, false, null));
                }
                return waitFor(change, left).thenCompose(x -> look(id, attempt, offset, giveUp, FIRST_LOOK));
            }
            Optional<LiveRun> live = ctx.engine().live(job.seq(), attempt);
            if (live.isPresent()) {
                cancel(change);
                return readLive(job, attempt, offset, giveUp, pause, live.get().ended());
            }
            return ctx.store().runOutcome(job.seq(), attempt).thenCompose(outcome -> {
                boolean inProgress = outcome.isEmpty() && job.state() == JobState.PROCESSING;
                if (inProgress && ctx.store().cluster().shared()) {
                    // perhaps running on another node: its output is in the store as it goes
                    cancel(change);
                    return readLive(job, attempt, offset, giveUp, pause, null);
                }
                if (inProgress && wait && mayWait) {
                    // claimed a moment ago and not running here yet: wait for it as for a run not started
                    return waitFor(change, left).thenCompose(x -> look(id, attempt, offset, giveUp, FIRST_LOOK));
                }
                cancel(change);
                return ctx.engine().logs().read(job, attempt, offset).thenApply(c -> chunk(job, attempt, c, false,
                        outcome.map(RunOutcome::key).orElse(null)));
            });
        });
    }

    /** A run in progress, here ({@code ended} its end) or on another node ({@code ended} null). */
    private CompletableFuture<LogChunk> readLive(JobRef job, int attempt, long offset, Instant giveUp, Duration pause,
                                                 CompletableFuture<?> ended) {
        return ctx.engine().logs().read(job, attempt, offset).thenCompose(c -> {
            if (!c.data().isEmpty() || giveUp == null || !ctx.clock().instant().isBefore(giveUp)) {
                return done(chunk(job, attempt, c, true, null));
            }
            CompletableFuture<Void> later = new CompletableFuture<>();
            ctx.timer().schedule(() -> later.complete(null), pause.toMillis(), TimeUnit.MILLISECONDS);
            Duration next = pause.multipliedBy(2).compareTo(LONGEST_LOOK) > 0 ? LONGEST_LOOK : pause.multipliedBy(2);
            CompletableFuture<?> wake = ended == null ? later : CompletableFuture.anyOf(later, ended);
            return wake.handle((r, e) -> null).thenCompose(x -> look(job.id(), attempt, offset, giveUp, next));
        });
    }

    private static LogChunk chunk(JobRef job, int attempt, RunLogs.Slice c, boolean running, String outcome) {
        return new LogChunk(job.id(), attempt, job.runs(), c.offset(), c.nextOffset(), c.dropped(), running, c.data(),
                Views.state(job.state()), outcome);
    }

    private static CompletableFuture<LogChunk> done(LogChunk chunk) {
        return CompletableFuture.completedFuture(chunk);
    }

    /**
     * Waits for the job's next event, at most {@code left}; never fails. With a shared store
     * another node's claim makes no event here, so the wait is shorter.
     */
    private CompletableFuture<JobEvent> waitFor(CompletableFuture<JobEvent> change, Duration left) {
        long ms = ctx.store().cluster().shared() ? Math.min(left.toMillis(), SHARED_LOOK_MS) : left.toMillis();
        return change.completeOnTimeout(null, ms, TimeUnit.MILLISECONDS);
    }

    private static boolean concerns(JobEvent e, String id) {
        if (e instanceof JobEvent.ChangedElsewhere) {
            String changed = ((JobEvent.ChangedElsewhere) e).id();
            return changed == null || changed.equals(id);
        }
        if (e instanceof JobEvent.RunClaimed) {
            return ((JobEvent.RunClaimed) e).run().id().equals(id);
        }
        return e instanceof JobEvent.StateChanged && ((JobEvent.StateChanged) e).id().equals(id);
    }

    private static void cancel(CompletableFuture<JobEvent> change) {
        if (change != null) {
            change.cancel(false);
        }
    }
}
