package dev.queuectl.daemon.service.handler;

import dev.queuectl.daemon.engine.LiveRun;
import dev.queuectl.daemon.engine.output.OutputFiles;
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
 * wait at once. Once resolved, the run asked for stays the same through the waits.
 */
public final class LogsHandler implements OpHandler<LogsRequest> {
    private static final long WAIT_SECONDS = 10;
    private static final Duration FIRST_LOOK = Duration.ofMillis(50);
    private static final Duration LONGEST_LOOK = Duration.ofMillis(500);

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
                return done(chunk(job, 0, new OutputFiles.Chunk(0, 0, ""), 0, false, null));
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
                    return done(chunk(job, attempt, new OutputFiles.Chunk(0, 0, ""), 0, false, null));
                }
                return waitFor(change, left).thenCompose(x -> look(id, attempt, offset, giveUp, FIRST_LOOK));
            }
            Optional<LiveRun> live = ctx.engine().live(job.seq(), attempt);
            if (live.isPresent()) {
                cancel(change);
                return readLive(job, attempt, offset, giveUp, pause, live.get());
            }
            return ctx.store().runOutcome(job.seq(), attempt).thenCompose(outcome -> {
                if (outcome.isEmpty() && wait && job.state() == JobState.PROCESSING && mayWait) {
                    // claimed a moment ago and not running here yet: wait for it as for a run not started
                    return waitFor(change, left).thenCompose(x -> look(id, attempt, offset, giveUp, FIRST_LOOK));
                }
                cancel(change);
                return ctx.store().outputDropped(job.seq(), attempt).thenApply(dropped -> {
                    OutputFiles.Chunk c = ctx.outputs().read(ctx.outputs().path(job.seq(), attempt), offset, dropped,
                            dropped, true);
                    return chunk(job, attempt, c, dropped, false, outcome.map(RunOutcome::key).orElse(null));
                });
            });
        });
    }

    private CompletableFuture<LogChunk> readLive(JobRef job, int attempt, long offset, Instant giveUp, Duration pause,
                                                 LiveRun live) {
        long freed = live.freedBytes();
        OutputFiles.Chunk c = ctx.outputs().read(ctx.outputs().path(job.seq(), attempt), offset, freed, 0, false);
        if (!c.data().isEmpty() || giveUp == null || !ctx.clock().instant().isBefore(giveUp)) {
            return done(chunk(job, attempt, c, freed, true, null));
        }
        CompletableFuture<Void> later = new CompletableFuture<>();
        ctx.timer().schedule(() -> later.complete(null), pause.toMillis(), TimeUnit.MILLISECONDS);
        Duration next = pause.multipliedBy(2).compareTo(LONGEST_LOOK) > 0 ? LONGEST_LOOK : pause.multipliedBy(2);
        return CompletableFuture.anyOf(later, live.ended()).handle((r, e) -> null)
                .thenCompose(x -> look(job.id(), attempt, offset, giveUp, next));
    }

    private static LogChunk chunk(JobRef job, int attempt, OutputFiles.Chunk c, long dropped, boolean running,
                                  String outcome) {
        return new LogChunk(job.id(), attempt, job.runs(), c.offset(), c.nextOffset(), dropped, running, c.data(),
                Views.state(job.state()), outcome);
    }

    private static CompletableFuture<LogChunk> done(LogChunk chunk) {
        return CompletableFuture.completedFuture(chunk);
    }

    /** Waits for the job's next event, at most {@code left}; never fails. */
    private static CompletableFuture<JobEvent> waitFor(CompletableFuture<JobEvent> change, Duration left) {
        return change.completeOnTimeout(null, left.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static boolean concerns(JobEvent e, String id) {
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
