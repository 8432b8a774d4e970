package dev.queuectl.daemon.service.handler;

import dev.queuectl.daemon.event.JobEvent;
import dev.queuectl.daemon.service.Errors;
import dev.queuectl.daemon.service.PoolState;
import dev.queuectl.daemon.service.ServiceContext;
import dev.queuectl.daemon.service.Views;
import dev.queuectl.daemon.store.DuplicateJobException;
import dev.queuectl.protocol.request.EnqueueRequest;
import dev.queuectl.protocol.result.EnqueueResult;
import java.util.concurrent.CompletableFuture;

/**
 * {@code enqueue}: one job, answered once it is durable. With {@code if_absent}, a job that
 * already has the id is the answer (untouched); should it be deleted between the refusal and the
 * look, the enqueue is tried again.
 */
public final class EnqueueHandler implements OpHandler<EnqueueRequest> {
    private static final int ATTEMPTS = 3;

    private final ServiceContext ctx;

    public EnqueueHandler(ServiceContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public CompletableFuture<EnqueueResult> handle(EnqueueRequest request) {
        return enqueue(request, 1);
    }

    private CompletableFuture<EnqueueResult> enqueue(EnqueueRequest request, int attempt) {
        CompletableFuture<EnqueueResult> stored = ctx.store()
                .enqueue(NewJobs.resolve(request.job(), ctx.settings().current(), ctx.clock()))
                .thenApply(job -> {
                    ctx.events().publish(new JobEvent.Enqueued(1));
                    return new EnqueueResult(Views.job(job, PoolState.of(ctx)), false);
                });
        if (!request.ifAbsent()) {
            return stored;
        }
        return stored.exceptionallyCompose(error -> {
            if (!(Errors.unwrap(error) instanceof DuplicateJobException)) {
                return CompletableFuture.failedFuture(error);
            }
            return ctx.store().find(request.job().id()).thenCompose(found -> found.isPresent()
                    ? CompletableFuture.completedFuture(
                            new EnqueueResult(Views.job(found.get().job(), PoolState.of(ctx)), true))
                    : attempt < ATTEMPTS ? enqueue(request, attempt + 1)
                    : CompletableFuture.<EnqueueResult>failedFuture(error));
        });
    }
}
