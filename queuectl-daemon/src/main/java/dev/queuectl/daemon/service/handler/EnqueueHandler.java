package dev.queuectl.daemon.service.handler;

import dev.queuectl.daemon.event.JobEvent;
import dev.queuectl.daemon.service.ServiceContext;
import dev.queuectl.daemon.service.Views;
import dev.queuectl.protocol.request.EnqueueRequest;
import dev.queuectl.protocol.result.JobView;
import java.util.concurrent.CompletableFuture;

/** {@code enqueue}: one job, answered once it is durable. */
public final class EnqueueHandler implements OpHandler<EnqueueRequest> {
    private final ServiceContext ctx;

    public EnqueueHandler(ServiceContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public CompletableFuture<JobView> handle(EnqueueRequest request) {
        return ctx.store().enqueue(NewJobs.resolve(request.job(), ctx.settings().current(), ctx.clock()))
                .thenApply(job -> {
                    ctx.events().publish(new JobEvent.Enqueued(1));
                    return Views.job(job, null);
                });
    }
}
