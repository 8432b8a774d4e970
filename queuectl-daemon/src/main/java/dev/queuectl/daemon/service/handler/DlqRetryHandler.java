package dev.queuectl.daemon.service.handler;

import dev.queuectl.daemon.event.JobEvent;
import dev.queuectl.daemon.job.JobState;
import dev.queuectl.daemon.service.Errors;
import dev.queuectl.daemon.service.ServiceContext;
import dev.queuectl.daemon.service.Views;
import dev.queuectl.protocol.request.DlqRetryRequest;
import dev.queuectl.protocol.result.CountResult;
import java.util.concurrent.CompletableFuture;

/** {@code dlq_retry}: dead jobs back to pending, attempts reset, history kept. */
public final class DlqRetryHandler implements OpHandler<DlqRetryRequest> {
    private final ServiceContext ctx;

    public DlqRetryHandler(ServiceContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public CompletableFuture<?> handle(DlqRetryRequest request) {
        if (request.all()) {
            return ctx.store().reviveAllDead().thenApply(n -> {
                ctx.events().publish(new JobEvent.BulkChanged(JobState.PENDING, n));
                return new CountResult(n);
            });
        }
        String id = request.id();
        return ctx.store().revive(id).handle((job, error) -> {
            if (error != null) {
                throw Errors.toProtocol(error, e -> "job '" + id + "' is " + e.current().key()
                        + ", not dead; only jobs in the dead-letter queue can be retried");
            }
            ctx.events().publish(new JobEvent.StateChanged(id, JobState.PENDING));
            return Views.job(job, null);
        });
    }
}
