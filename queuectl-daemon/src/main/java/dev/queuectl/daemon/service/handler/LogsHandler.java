package dev.queuectl.daemon.service.handler;

import dev.queuectl.daemon.engine.LiveRun;
import dev.queuectl.daemon.engine.output.OutputFiles;
import dev.queuectl.daemon.event.JobEvent;
import dev.queuectl.daemon.job.JobRef;
import dev.queuectl.daemon.job.JobState;
import dev.queuectl.daemon.service.ServiceContext;
import dev.queuectl.protocol.ProtocolException;
import dev.queuectl.protocol.request.LogsRequest;
import dev.queuectl.protocol.result.LogChunk;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code logs}: a chunk of a run's output from an offset. With {@code wait_for_data}, a running
 * run's request waits (up to {@value #WAIT_SECONDS} s) for new output or the run's end before
 * answering empty, so {@code logs --follow} does not spin; a job that has not run yet is waited
 * for the same way (its first run, or any change of its state), so following a job enqueued a
 * moment ago shows its output.
 */
public final class LogsHandler implements OpHandler<LogsRequest> {
    private static final long WAIT_SECONDS = 10;
    private static final Duration LOOK_AGAIN = Duration.ofMillis(100);

    private final ServiceContext ctx;

    public LogsHandler(ServiceContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public CompletableFuture<LogChunk> handle(LogsRequest request) {
        return handle(request, request.waitForData() ? ctx.clock().instant().plusSeconds(WAIT_SECONDS) : null);
    }

    private CompletableFuture<LogChunk> handle(LogsRequest request, Instant waitForRun) {
        // Subscribe before looking, so that a claim between the look and the wait is not missed.
        CompletableFuture<JobEvent> started = waitForRun == null ? null : ctx.events().next(e -> concerns(e,
                request.id()));
        return ctx.store().locate(request.id()).thenCompose(found -> {
            JobRef job = found.orElseThrow(() -> {
                if (started != null) {
                    started.cancel(false);
                }
                return ProtocolException.notFound(request.id());
            });
            if (job.runs() == 0) {
                long ms = waitForRun == null ? 0 : Duration.between(ctx.clock().instant(), waitForRun).toMillis();
                if (ms > 0) {
                    return started.orTimeout(ms, TimeUnit.MILLISECONDS).handle((e, t) -> t == null)
                            .thenCompose(changed -> changed ? handle(request, waitForRun)
                                    : CompletableFuture.completedFuture(new LogChunk(job.id(), 0, 0, 0, 0, 0, false, "")));
                }
                if (started != null) {
                    started.cancel(false);
                }
                return CompletableFuture.completedFuture(new LogChunk(job.id(), 0, 0, 0, 0, 0, false, ""));
            }
            if (started != null) {
                started.cancel(false);
            }
            int attempt = request.attempt() == null ? job.runs() : request.attempt();
            if (attempt > job.runs()) {
                throw ProtocolException.invalid("job '" + job.id() + "' has had " + job.runs()
                        + (job.runs() == 1 ? " run" : " runs") + "; there is no attempt " + attempt);
            }
            Instant giveUp = request.waitForData() ? ctx.clock().instant().plusSeconds(WAIT_SECONDS) : null;
            return read(job, attempt, request.offset(), giveUp);
        });
    }

    private static boolean concerns(JobEvent e, String id) {
        if (e instanceof JobEvent.RunClaimed) {
            return ((JobEvent.RunClaimed) e).run().id().equals(id);
        }
        return e instanceof JobEvent.StateChanged && id.equals(((JobEvent.StateChanged) e).id());
    }

    private CompletableFuture<LogChunk> read(JobRef job, int attempt, long offset, Instant giveUp) {
        Optional<LiveRun> live = ctx.engine().live(job.seq(), attempt);
        Path file = ctx.outputs().path(job.seq(), attempt);
        CompletableFuture<Long> shift = live.isPresent() ? CompletableFuture.completedFuture(0L)
                : ctx.store().outputDropped(job.seq(), attempt);
        // Claimed in the store but not yet handed to a worker: its run is about to start.
        boolean starting = live.isEmpty() && job.state() == JobState.PROCESSING && attempt == job.runs();
        return shift.thenCompose(dropped -> {
            boolean running = live.isPresent() || starting;
            long freed = live.isPresent() ? live.get().freedBytes() : starting ? 0 : dropped;
            OutputFiles.Chunk c = ctx.outputs().read(file, offset, freed, running ? 0 : dropped, !running);
            if (c.data().isEmpty() && running && giveUp != null && ctx.clock().instant().isBefore(giveUp)) {
                CompletableFuture<Void> later = new CompletableFuture<>();
                ctx.timer().schedule(() -> later.complete(null), LOOK_AGAIN.toMillis(), TimeUnit.MILLISECONDS);
                if (starting) {
                    // look the job up again: by now its run may be registered, or over
                    return later.thenCompose(x -> ctx.store().locate(job.id())).thenCompose(found -> found.isPresent()
                            ? read(found.get(), attempt, offset, giveUp)
                            : CompletableFuture.completedFuture(new LogChunk(job.id(), attempt, job.runs(), c.offset(),
                                    c.nextOffset(), freed, false, c.data())));
                }
                return CompletableFuture.anyOf(later, live.get().ended())
                        .thenCompose(x -> read(job, attempt, offset, giveUp));
            }
            return CompletableFuture.completedFuture(new LogChunk(job.id(), attempt, job.runs(), c.offset(),
                    c.nextOffset(), freed, running, c.data()));
        });
    }
}
