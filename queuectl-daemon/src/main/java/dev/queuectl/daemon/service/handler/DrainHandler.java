package dev.queuectl.daemon.service.handler;

import dev.queuectl.daemon.service.ServiceContext;
import dev.queuectl.protocol.request.DrainRequest;
import dev.queuectl.protocol.result.DrainResult;
import java.util.concurrent.CompletableFuture;

/** {@code drain}: begins the daemon's graceful stop; answered when the jobs are done, before the socket closes. */
public final class DrainHandler implements OpHandler<DrainRequest> {
    private final ServiceContext ctx;

    public DrainHandler(ServiceContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public CompletableFuture<DrainResult> handle(DrainRequest request) {
        return ctx.shutdown().apply(request.timeout()).thenApply(s -> new DrainResult(s.finished(), s.interrupted()));
    }
}
