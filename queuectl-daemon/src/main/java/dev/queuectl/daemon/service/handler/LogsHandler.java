package dev.queuectl.daemon.service.handler;

import dev.queuectl.daemon.engine.LiveRun;
import dev.queuectl.daemon.job.JobRef;
import dev.queuectl.daemon.service.ServiceContext;
import dev.queuectl.protocol.ProtocolException;
import dev.queuectl.protocol.request.LogsRequest;
import dev.queuectl.protocol.result.LogChunk;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code logs}: a chunk of a run's output from an offset. With {@code wait_for_data}, a running
 * run's request waits (up to {@value #WAIT_SECONDS} s) for new output or the run's end before
 * answering empty, so {@code logs --follow} does not spin.
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
        return ctx.store().locate(request.id()).thenCompose(found -> {
            JobRef job = found.orElseThrow(() -> ProtocolException.notFound(request.id()));
            if (job.runs() == 0) {
                return CompletableFuture.completedFuture(new LogChunk(job.id(), 0, 0, 0, 0, 0, false, ""));
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

    private CompletableFuture<LogChunk> read(JobRef job, int attempt, long offset, Instant giveUp) {
        Optional<LiveRun> live = ctx.engine().live(job.seq(), attempt);
        return ctx.engine().logs().read(job, attempt, offset).thenCompose(c -> {
            if (c.data().isEmpty() && c.running() && giveUp != null && ctx.clock().instant().isBefore(giveUp)) {
                CompletableFuture<Void> later = new CompletableFuture<>();
                ctx.timer().schedule(() -> later.complete(null), LOOK_AGAIN.toMillis(), TimeUnit.MILLISECONDS);
                CompletableFuture<?> ended = live.isPresent() ? live.get().ended() : new CompletableFuture<>();
                // A run on another node: its job's state tells when it ended.
                return CompletableFuture.anyOf(later, ended).thenCompose(x -> live.isPresent() ? read(job, attempt,
                        offset, giveUp) : ctx.store().locate(job.id()).thenCompose(now -> read(now.orElse(job),
                        attempt, offset, giveUp)));
            }
            return CompletableFuture.completedFuture(new LogChunk(job.id(), attempt, job.runs(), c.offset(),
                    c.nextOffset(), c.dropped(), c.running(), c.data()));
        });
    }
}
