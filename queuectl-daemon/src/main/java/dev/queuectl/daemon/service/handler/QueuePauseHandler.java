package dev.queuectl.daemon.service.handler;

import dev.queuectl.daemon.event.JobEvent;
import dev.queuectl.daemon.service.ServiceContext;
import dev.queuectl.daemon.service.Views;
import dev.queuectl.protocol.result.QueueList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@code queue_pause} and {@code queue_resume}: all the named queues or none. Pausing lets
 * running jobs finish; resuming wakes the dispatcher, which claims from the queue again.
 */
public final class QueuePauseHandler {
    private final ServiceContext ctx;

    public QueuePauseHandler(ServiceContext ctx) {
        this.ctx = ctx;
    }

    public CompletableFuture<QueueList> pause(List<String> names, boolean paused) {
        return ctx.store().pauseQueues(names, paused).thenApply(queues -> {
            ctx.events().publish(new JobEvent.QueuesChanged());
            return new QueueList(Views.queues(queues));
        });
    }
}
