package dev.queuectl.daemon.service.handler;

import dev.queuectl.daemon.service.ServiceContext;
import dev.queuectl.daemon.service.Views;
import dev.queuectl.protocol.request.WorkerStopRequest;
import dev.queuectl.protocol.result.WorkersView;
import java.util.concurrent.CompletableFuture;

/** {@code worker_stop}: take no new jobs (stored); optionally answer once the running ones finished. */
public final class WorkerStopHandler implements OpHandler<WorkerStopRequest> {
    private final ServiceContext ctx;

    public WorkerStopHandler(ServiceContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public CompletableFuture<WorkersView> handle(WorkerStopRequest request) {
        return ctx.settings().update(c -> c.withWorkersStopped(true))
                .thenCompose(c -> request.waitForIdle() ? ctx.engine().whenIdle() : CompletableFuture.completedFuture(null))
                .thenApply(x -> Views.workers(ctx.settings().current(), ctx.engine().running(), ctx.clock().instant()));
    }
}
