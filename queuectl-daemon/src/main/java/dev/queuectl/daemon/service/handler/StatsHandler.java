package dev.queuectl.daemon.service.handler;

import dev.queuectl.daemon.service.ServiceContext;
import dev.queuectl.protocol.request.StatsRequest;
import dev.queuectl.protocol.result.RunHistoryView;
import java.util.concurrent.CompletableFuture;

/** {@code stats}: this node's runs per minute over the last hour and per hour over the last day. */
public final class StatsHandler implements OpHandler<StatsRequest> {
    private final ServiceContext ctx;

    public StatsHandler(ServiceContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public CompletableFuture<RunHistoryView> handle(StatsRequest request) {
        return CompletableFuture.completedFuture(ctx.history().view());
    }
}
