package dev.queuectl.daemon.service.handler;

import dev.queuectl.daemon.service.ServiceContext;
import dev.queuectl.daemon.service.Views;
import dev.queuectl.protocol.request.QueueListRequest;
import dev.queuectl.protocol.result.QueueList;
import java.util.concurrent.CompletableFuture;

/** {@code queue_list}: every queue with its settings, job counts and oldest due job. */
public final class QueueListHandler implements OpHandler<QueueListRequest> {
    private final ServiceContext ctx;

    public QueueListHandler(ServiceContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public CompletableFuture<QueueList> handle(QueueListRequest request) {
        return ctx.store().queues(true).thenApply(queues -> new QueueList(Views.queues(queues)));
    }
}
