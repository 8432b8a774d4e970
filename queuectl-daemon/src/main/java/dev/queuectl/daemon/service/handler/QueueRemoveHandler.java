package dev.queuectl.daemon.service.handler;

import dev.queuectl.daemon.service.ServiceContext;
import dev.queuectl.protocol.request.QueueRemoveRequest;
import dev.queuectl.protocol.result.CountResult;
import java.util.concurrent.CompletableFuture;

/** {@code queue_remove}: deletes a queue without jobs (refused while it has any); answers with a count of 1. */
public final class QueueRemoveHandler implements OpHandler<QueueRemoveRequest> {
    private final ServiceContext ctx;

    public QueueRemoveHandler(ServiceContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public CompletableFuture<CountResult> handle(QueueRemoveRequest request) {
        return ctx.store().removeQueue(request.name()).thenApply(x -> new CountResult(1));
    }
}
