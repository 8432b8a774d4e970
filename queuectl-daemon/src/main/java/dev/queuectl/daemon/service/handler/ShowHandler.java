package dev.queuectl.daemon.service.handler;

import dev.queuectl.daemon.service.PoolState;
import dev.queuectl.daemon.service.ServiceContext;
import dev.queuectl.daemon.service.Views;
import dev.queuectl.protocol.ProtocolException;
import dev.queuectl.protocol.request.ShowRequest;
import dev.queuectl.protocol.result.JobView;
import java.util.concurrent.CompletableFuture;

/** {@code show}: a job with its whole history; its environment's values only when asked for. */
public final class ShowHandler implements OpHandler<ShowRequest> {
    private final ServiceContext ctx;

    public ShowHandler(ServiceContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public CompletableFuture<JobView> handle(ShowRequest request) {
        return ctx.store().find(request.id()).thenApply(found -> found
                .map(d -> Views.job(d.job(), d.history(), PoolState.of(ctx), request.showEnv()))
                .orElseThrow(() -> ProtocolException.notFound(request.id())));
    }
}
