package dev.queuectl.daemon.service.handler;

import dev.queuectl.daemon.event.JobEvent;
import dev.queuectl.daemon.job.QueueChange;
import dev.queuectl.daemon.service.ServiceContext;
import dev.queuectl.daemon.service.Views;
import dev.queuectl.protocol.QueueSettings;
import dev.queuectl.protocol.result.QueueView;
import java.util.concurrent.CompletableFuture;

/**
 * {@code queue_add} and {@code queue_set}: a queue created with settings of its own, or an
 * existing one changed. A new concurrency may let more of its jobs run, so the dispatcher hears of it.
 */
public final class QueueSaveHandler {
    private final ServiceContext ctx;

    public QueueSaveHandler(ServiceContext ctx) {
        this.ctx = ctx;
    }

    public CompletableFuture<QueueView> save(String name, QueueSettings s, boolean create) {
        QueueChange change = new QueueChange(s.concurrency(), s.maxRetries(),
                s.timeout() == null ? null : s.timeout().toMillis(),
                s.reset().contains(QueueSettings.Setting.CONCURRENCY), s.reset().contains(QueueSettings.Setting.MAX_RETRIES),
                s.reset().contains(QueueSettings.Setting.TIMEOUT));
        return ctx.store().saveQueue(name, change, create).thenApply(q -> {
            ctx.events().publish(new JobEvent.QueuesChanged());
            return Views.queue(q);
        });
    }
}
