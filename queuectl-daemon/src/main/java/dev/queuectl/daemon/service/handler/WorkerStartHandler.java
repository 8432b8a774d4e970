package dev.queuectl.daemon.service.handler;

import dev.queuectl.daemon.config.ConfigKey;
import dev.queuectl.daemon.service.ServiceContext;
import dev.queuectl.daemon.service.Views;
import dev.queuectl.protocol.request.WorkerStartRequest;
import dev.queuectl.protocol.result.WorkersView;
import java.util.concurrent.CompletableFuture;

/** {@code worker_start}: take jobs again, optionally with a new pool size (stored as the workers setting). */
public final class WorkerStartHandler implements OpHandler<WorkerStartRequest> {
    private final ServiceContext ctx;

    public WorkerStartHandler(ServiceContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public CompletableFuture<WorkersView> handle(WorkerStartRequest request) {
        Integer count = request.count();
        return ctx.settings().update(c -> (count == null ? c : c.with(ConfigKey.WORKERS, count)).withWorkersStopped(false))
                .thenApply(c -> Views.workers(c, ctx.engine().running(), ctx.clock().instant()));
    }
}
